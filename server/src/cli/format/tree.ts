// `outline --format tree`: the outline as a reader sees it. The file and its title, the kind of
// course and why, then the sections that hold items; under each objective its ID, Bloom level
// (or "vague" / "no verb") and text, and under that the outcomes that measure it and the
// assessments that check it (with the level each asks for); assessments that check nothing
// stand in their section.
import type {
  Assessment,
  KindDecision,
  Link,
  Objective,
  Outcome,
  Outline,
} from '../../core/index.js';
import { oneLine } from '../log.js';

interface Node {
  label: string;
  children: Node[];
}

/** `display` turns a workspace path (for links into other files) into the path to show. */
export function formatTree(
  outline: Outline,
  filePath: string,
  display: (p: string) => string,
  kind?: KindDecision,
): string {
  const title = outline.title ? `  ${oneLine(outline.title)}` : '';
  const root = sectionNode(outline, 0, display);
  const kindLine = kind ? `${render([{ label: kindLabel(kind), children: [] }], '', true)}` : '';
  return `${oneLine(filePath)}${title}\n${kindLine}${render(root?.children ?? [], '')}`;
}

function kindLabel(kind: KindDecision): string {
  return `kind: ${kind.value} (${kind.reason})`;
}

function sectionNode(outline: Outline, index: number, display: (p: string) => string): Node | null {
  const section = outline.sections[index]!;
  const children: Node[] = [];
  for (const o of outline.objectives)
    if (o.section === index) children.push(objectiveNode(o, display, outline));
  for (const o of outline.outcomes) if (o.section === index) children.push(outcomeNode(o));
  for (const a of outline.assessments)
    if (a.section === index && !a.objectives.length) children.push(loneAssessment(a));
  for (const child of section.children) {
    const node = sectionNode(outline, child, display);
    if (node) children.push(node);
  }
  if (!children.length) return null;
  return { label: oneLine(section.title) || '(untitled section)', children };
}

function objectiveNode(o: Objective, display: (p: string) => string, outline: Outline): Node {
  const a = o.analysis;
  const level = a.vague ? 'vague' : !a.verb ? 'no verb' : (a.level ?? 'no level');
  return {
    label: `objective ${o.id} [${level}] ${oneLine(o.text)}`,
    children: [
      ...o.outcomes.map((l) => ({ label: `outcome ${linkLabel(l, display)}`, children: [] })),
      ...o.assessments.map((l) => {
        // An assessment of this file: its level and text (its ID is often generated).
        const a = l.filePath ? undefined : outline.assessments.find((x) => x.id === l.id);
        const label = a
          ? `assessment ${a.explicitId ? `${a.id} ` : ''}[${a.analysis.level ?? 'level not read'}] ${oneLine(a.text)}${l.implied ? ' (implied)' : ''}`
          : `assessment ${linkLabel(l, display)}`;
        return { label, children: [] };
      }),
    ],
  };
}

function loneAssessment(a: Assessment): Node {
  const level = a.analysis.level ?? 'level not read';
  return {
    label: `assessment ${a.id} [${level}] ${oneLine(a.text)} (checks no objective)`,
    children: [],
  };
}

function outcomeNode(o: Outcome): Node {
  const note = o.objectives.length ? '' : ' (measures no objective)';
  return { label: `outcome ${o.id} ${oneLine(o.text)}${note}`, children: [] };
}

function linkLabel(link: Link, display: (p: string) => string): string {
  const where = link.filePath ? ` in ${oneLine(display(link.filePath))}` : '';
  return `${link.id}${where}${link.implied ? ' (implied)' : ''}`;
}

function render(nodes: readonly Node[], indent: string, more = false): string {
  let out = '';
  nodes.forEach((node, i) => {
    const last = i === nodes.length - 1 && !more;
    out += `${indent}${last ? '└─ ' : '├─ '}${node.label}\n`;
    out += render(node.children, indent + (last ? '   ' : '│  '));
  });
  return out;
}
