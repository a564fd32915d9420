// `export --format canvas`: Canvas's outcomes CSV import format ("Outcomes Import Format
// Documentation", canvas-lms doc/api/outcomes_csv.md; read by lib/outcomes/csv_importer.rb).
// One `group` row per course and per section that holds objectives, one `outcome` row per
// objective (Canvas's "learning outcome"), parents always on an earlier row. Columns:
//   vendor_guid     unique in the file and stable across runs, no whitespace (Canvas refuses
//                   it): "bloomline:" + file path, section path or objective ID, slugged
//   object_type     "group" or "outcome"
//   title           the objective (the section, the course), at most 255 characters
//   description     HTML: the whole statement when the title had to be cut, the Bloom level
//                   and verb, the criterion, the outcomes that measure it, the source line
//   display_name    the objective's own ID ("LO1"), blank for a generated one
//   calculation_method, calculation_int   blank: Canvas's default (or the account's mastery
//                   calculation) applies; they must be blank on groups anyway
//   workflow_state  "active"
//   parent_guids    the vendor_guid of the enclosing group (one: groups may have only one)
// No `ratings` columns: the scoring tiers are the account's mastery scale, not the outline's.
import { csv, hasObjective, htmlParagraphs, objectiveDetails } from './common.js';
import { shorten, slug, UniqueIds } from './ids.js';
import type { ExportGroup, ExportObjective, ExportProject } from './model.js';

export const CANVAS_HEADER = [
  'vendor_guid',
  'object_type',
  'title',
  'description',
  'display_name',
  'calculation_method',
  'calculation_int',
  'workflow_state',
  'parent_guids',
] as const;

const MAX_TITLE = 255;
const MAX_GUID = 255;

export function formatCanvas(project: ExportProject): string {
  const rows: string[][] = [[...CANVAS_HEADER]];
  const guids = new UniqueIds(MAX_GUID);
  for (const course of project.courses) {
    if (!hasObjective(course.root)) continue;
    const coursePrefix = `bloomline:${slug(course.path)}`;
    const group = (g: ExportGroup, parent: string): void => {
      const guid = guids.take(
        g.kind === 'course'
          ? coursePrefix
          : `${coursePrefix}:section:${slug(g.path.slice(1).join('/'))}`,
      );
      rows.push([
        guid,
        'group',
        shorten(g.title, MAX_TITLE),
        htmlParagraphs([
          g.kind === 'course'
            ? `Course outline ${course.path}.`
            : `${g.path.join(' › ')} (${course.path}${g.line ? `, line ${g.line}` : ''}).`,
        ]),
        '',
        '',
        '',
        'active',
        parent,
      ]);
      const objective = (o: ExportObjective): void => {
        const title = shorten(o.text, MAX_TITLE);
        const details = objectiveDetails(o, course.path);
        rows.push([
          guids.take(`${coursePrefix}:${slug(o.id)}`),
          'outcome',
          title,
          htmlParagraphs(title === o.text ? details : [o.text, ...details]),
          o.explicitId ? o.id : '',
          '',
          '',
          'active',
          guid,
        ]);
        o.children.forEach(objective);
      };
      for (const item of g.items) if (item.kind === 'objective') objective(item);
      for (const child of g.groups) if (hasObjective(child)) group(child, guid);
    };
    group(course.root, '');
  }
  return csv(rows);
}
