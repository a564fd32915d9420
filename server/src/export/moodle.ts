// `export --format moodle`: a Moodle competency framework as the "Import competency framework"
// tool reads it (admin/tool/lpimportcsv, classes/framework_importer.php; the same columns its
// framework_exporter.php writes). The importer reads columns by position, in this order, and
// shows these headers (lang/en/tool_lpimportcsv.php) when it asks to confirm the mapping:
//   Parent ID number   the ID number of the enclosing competency; blank at the top level. The
//                      importer builds its tree from these, and silently drops a row whose
//                      parent is not in the file, so every parent named is a row of the file
//   ID number          unique in the framework, at most 100 characters (longer ones are cut by
//                      the importer and their children lost), never only digits (PHP's loose
//                      "==" would match "1" with "01")
//   Short name         at most 100 characters
//   Description        HTML (Description format 1): the whole statement, Bloom level, verb,
//                      criterion, the outcomes that measure it, the source line
//   Description format 1 (FORMAT_HTML)
//   Scale values, Scale configuration   on the framework row only: "Not yet competent,
//                      Competent", Competent the default and proficient (the importer finds or
//                      creates the scale and fixes the scale ID in the configuration)
//   Rule type, Rule outcome, Rule config   no completion rules: "", "0", "null", as Moodle's
//                      exporter writes a competency without one
//   Cross-referenced competency ID numbers, Exported ID   blank
//   Is framework       "1" on the first row only
//   Taxonomy           on the framework row: one term per level ("domain" for a level of
//                      sections, "outcome" for one of objectives, "competency" when mixed)
// One framework row: one course is the framework; several courses are its top competencies.
import { csv, escapeHtml, hasObjective, htmlParagraphs, objectiveDetails } from './common.js';
import { shorten, slug, UniqueIds } from './ids.js';
import type { ExportGroup, ExportObjective, ExportProject } from './model.js';

export const MOODLE_HEADER = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const;

export const MOODLE_SCALE = 'Not yet competent,Competent';
export const MOODLE_SCALE_CONFIGURATION =
  '[{"scaleid":"1"},{"id":2,"scaledefault":1,"proficient":1}]';
const MAX_ID = 100;
const MAX_NAME = 100;
const FORMAT_HTML = '1';

interface Row {
  parent: string;
  id: string;
  name: string;
  description: string;
  depth: number;
  kind: 'group' | 'objective';
}

export function formatMoodle(project: ExportProject): string {
  const ids = new UniqueIds(MAX_ID);
  const courses = project.courses.filter((c) => hasObjective(c.root));
  const frameworkId = ids.take(
    idNumber(
      courses.length === 1 ? `bloomline-${stem(courses[0]!.path)}` : `bloomline-${project.title}`,
    ),
  );
  const rows: Row[] = [];
  for (const course of courses) {
    const prefix = stem(course.path);
    const objective = (o: ExportObjective, parent: string, depth: number): void => {
      const id = ids.take(idNumber(`${prefix}.${o.id}`));
      rows.push({
        parent,
        id,
        name: shorten(o.text, MAX_NAME),
        description: htmlParagraphs([
          o.text,
          ...objectiveDetails(o, course.path, { assessments: true }),
        ]),
        depth,
        kind: 'objective',
      });
      for (const child of o.children) objective(child, id, depth + 1);
    };
    const group = (g: ExportGroup, parent: string, depth: number, asRow: boolean): void => {
      let id = parent;
      let inner = depth;
      if (asRow) {
        id = ids.take(
          idNumber(g.kind === 'course' ? prefix : `${prefix}.${g.path.slice(1).join('/')}`),
        );
        rows.push({
          parent,
          id,
          name: shorten(g.title, MAX_NAME),
          description: `<p>${escapeHtml(
            g.kind === 'course'
              ? `Course outline ${course.path}.`
              : `${g.path.join(' › ')} (${course.path}${g.line ? `, line ${g.line}` : ''}).`,
          )}</p>`,
          depth,
          kind: 'group',
        });
        inner = depth + 1;
      }
      for (const item of g.items) if (item.kind === 'objective') objective(item, id, inner);
      for (const child of g.groups) if (hasObjective(child)) group(child, id, inner, true);
    };
    // One course is the framework itself; several are its top-level competencies.
    group(course.root, '', 1, courses.length > 1);
  }
  const framework = [
    '',
    frameworkId,
    shorten(project.title, MAX_NAME),
    htmlParagraphs([
      courses.length === 1
        ? `Learning objectives of ${courses[0]!.path}, exported by Bloomline.`
        : `Learning objectives of ${courses.length} course outlines, exported by Bloomline.`,
    ]),
    FORMAT_HTML,
    MOODLE_SCALE,
    MOODLE_SCALE_CONFIGURATION,
    '',
    '',
    '',
    '',
    '',
    '1',
    taxonomies(rows),
  ];
  return csv([
    [...MOODLE_HEADER],
    framework,
    ...rows.map((r) => [
      r.parent,
      r.id,
      r.name,
      r.description,
      FORMAT_HTML,
      '',
      '',
      '',
      '0',
      'null',
      '',
      '',
      '',
      '',
    ]),
  ]);
}

/** The framework's taxonomy terms, one per level of the tree (Moodle's own vocabulary). */
function taxonomies(rows: readonly Row[]): string {
  const kinds: Set<Row['kind']>[] = [];
  for (const r of rows) (kinds[r.depth - 1] ??= new Set()).add(r.kind);
  return [...kinds]
    .map((k) =>
      !k ? 'competency' : k.size > 1 ? 'competency' : k.has('group') ? 'domain' : 'outcome',
    )
    .join(',');
}

/** A file path without its extension. */
function stem(p: string): string {
  return p.replace(/\.[^./]+$/, '');
}

/** An ID number: slugged (no commas: Moodle's cross-reference lists split on them), and never
 * only digits. */
function idNumber(text: string): string {
  const s = slug(text);
  return /^[\d.+-]*$/.test(s) ? `id-${s}` : s;
}
