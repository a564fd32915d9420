// `outline --format tree`: the outline as a reader sees it. The file and its title, then the
// sections that hold objectives or outcomes; under each objective its ID, Bloom level (or
// "vague" / "no verb") and text, and under that the outcomes that measure it.
import type { Link, Objective, Outcome, Outline } from '../../core/index.js';
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
): string {
  const title = outline.title ? `  ${oneLine(outline.title)}` : '';
  const root = sectionNode(outline, 0, display);
  return `${oneLine(filePath)}${title}\n${render(root?.children ?? [], '')}`;
}

function sectionNode(outline: Outline, index: number, display: (p: string) => string): Node | null {
  const section = outline.sections[index]!;
  const children: Node[] = [];
  for (const o of outline.objectives)
    if (o.section === index) children.push(objectiveNode(o, display));
  for (const o of outline.outcomes) if (o.section === index) children.push(outcomeNode(o));
  for (const child of section.children) {
    const node = sectionNode(outline, child, display);
    if (node) children.push(node);
  }
  if (!children.length) return null;
  return { label: oneLine(section.title) || '(untitled section)', children };
}

function objectiveNode(o: Objective, display: (p: string) => string): Node {
  const a = o.analysis;
  const level = a.vague ? 'vague' : !a.verb ? 'no verb' : (a.level ?? 'no level');
  return {
    label: `objective ${o.id} [${level}] ${oneLine(o.text)}`,
    children: o.outcomes.map((l) => ({ label: `outcome ${linkLabel(l, display)}`, children: [] })),
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

function render(nodes: readonly Node[], indent: string): string {
  let out = '';
  nodes.forEach((node, i) => {
    const last = i === nodes.length - 1;
    out += `${indent}${last ? '└─ ' : '├─ '}${node.label}\n`;
    out += render(node.children, indent + (last ? '   ' : '│  '));
  });
  return out;
}
