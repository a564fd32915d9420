// What the export writers share: RFC 4180 CSV, HTML escaping for LMS description fields, the
// description of an objective, and walks of the export tree.
import type { ExportGroup, ExportItem, ExportObjective } from './model.js';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; CRLF after
 * each record; no byte order mark (Canvas's importer would read it into the first header).
 * Cells are not "defused" as the report's CSV is: an import file must carry the text exactly. */
export function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Plain-text lines describing an objective beyond its statement; with `assessments`, the
 * assessments that check it too ("Assessed by (apply): Exercise 2: Loops"). */
export function objectiveDetails(
  o: ExportObjective,
  file: string,
  options: { assessments?: boolean } = {},
): string[] {
  const lines: string[] = [];
  if (o.level)
    lines.push(`Bloom's revised taxonomy: ${o.level}${o.verb ? ` (verb "${o.verb}")` : ''}.`);
  else lines.push("Bloom's revised taxonomy: no level (no observable verb).");
  if (o.criterion) lines.push(`Criterion: ${o.criterion}`);
  for (const m of o.outcomes) {
    // A generated ID ("module-1#outcome-2") says nothing to a reader: the text does.
    const name = m.explicitId || !m.text ? ` ${m.id}` : '';
    lines.push(`Measured by${name}${m.implied ? ' (by section scope)' : ''}: ${m.text ?? m.id}`);
  }
  if (options.assessments) {
    for (const a of o.assessments) {
      const name = a.explicitId || !a.text ? ` ${a.id}` : '';
      const level = a.level ? ` (${a.level})` : '';
      lines.push(
        `Assessed by${name}${level}${a.implied ? ' (by section scope)' : ''}: ${a.text ?? a.id}`,
      );
    }
  }
  lines.push(`Source: ${file}, line ${o.line}${o.explicitId ? `, ID ${o.sourceId}` : ''}.`);
  return lines;
}

/** Lines as HTML paragraphs (the description fields of Canvas and Moodle are HTML). */
export function htmlParagraphs(lines: readonly string[]): string {
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

/** Every objective of a group and its subgroups (nested ones included), in document order. */
export function objectivesIn(group: ExportGroup): ExportObjective[] {
  const out: ExportObjective[] = [];
  const addObjective = (o: ExportObjective) => {
    out.push(o);
    o.children.forEach(addObjective);
  };
  for (const item of group.items) if (item.kind === 'objective') addObjective(item);
  for (const g of group.groups) out.push(...objectivesIn(g));
  return out;
}

export function hasObjective(group: ExportGroup): boolean {
  return (
    group.items.some((i: ExportItem) => i.kind === 'objective') || group.groups.some(hasObjective)
  );
}
