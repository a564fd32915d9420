// Navigation between objectives and outcomes by ID: go to definition (a reference to the item's
// ID, possibly in another file), find references, and rename an ID everywhere it is written.
import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { spanToRange } from './convert.js';
import { baseName } from './files.js';
import {
  idAt,
  itemsOf,
  nameSpan,
  referencesTo,
  type IdHit,
  type Item,
  type ItemRef,
  type ServerContext,
} from './context.js';

/** What a rename may write: an ID the outline reads both at an item's start and in a reference
 * (letters, an optional hyphen, then numbers: "LO1", "LO2.3", "KPI-4"). */
const VALID_ID = /^[A-Za-z]{1,12}-?\d+(?:\.\d+)*$/;
/** Tokens the outline reads as times, never as references ("Q2", "FY2027"). */
const TIME_TOKEN = /^(?:q[1-4]|h[12]|fy-?\d{2,4}|t[1-3]|s[12])$/i;

function hitAt(
  ctx: ServerContext,
  uri: string,
  position: { line: number; character: number },
): IdHit | null {
  const view = ctx.view(uri);
  if (view === null) return null;
  return idAt(ctx, view.key, view.lines.offsetAt(position.line, position.character));
}

export function definition(ctx: ServerContext, params: DefinitionParams): Location | null {
  const hit = hitAt(ctx, params.textDocument.uri, params.position);
  if (!hit?.target) return null;
  return ctx.location(hit.target.key, nameSpan(hit.target.item));
}

export function references(ctx: ServerContext, params: ReferenceParams): Location[] {
  const hit = hitAt(ctx, params.textDocument.uri, params.position);
  if (!hit?.target) return [];
  const out: Location[] = [];
  const { key, item } = hit.target;
  if (params.context.includeDeclaration && item.idSpan) out.push(ctx.location(key, item.idSpan));
  for (const r of referencesTo(ctx, hit.target)) out.push(ctx.location(r.key, r.ref.span));
  return out;
}

export function prepareRename(
  ctx: ServerContext,
  params: PrepareRenameParams,
): { range: Range; placeholder: string } | null {
  const view = ctx.view(params.textDocument.uri);
  if (view === null) return null;
  const hit = hitAt(ctx, params.textDocument.uri, params.position);
  if (!hit)
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      'Only objective, outcome and assessment IDs can be renamed.',
    );
  if (!hit.target || !hit.target.item.idSpan)
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      `No objective, outcome or assessment has the ID "${hit.id}".`,
    );
  return { range: spanToRange(view.lines, hit.span), placeholder: hit.id };
}

export function rename(ctx: ServerContext, params: RenameParams): WorkspaceEdit | null {
  const hit = hitAt(ctx, params.textDocument.uri, params.position);
  if (!hit?.target?.item.idSpan) return null;
  const newId = params.newName.trim();
  if (!VALID_ID.test(newId) || TIME_TOKEN.test(newId)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `"${params.newName}" is not an ID Bloomline can read: use letters then a number, like "LO1", "LO2.3" or "KPI-4" (not a time such as "Q2").`,
    );
  }
  const { key, item } = hit.target;
  const lower = newId.toLowerCase();
  if (lower !== item.id.toLowerCase()) refuseClash(ctx, hit.target, newId);
  const changes: Record<string, TextEdit[]> = {};
  // Each place through ctx.edit, so a notebook's go to its cells; a notebook that is not open
  // (its JSON on disk) cannot be renamed into, and is left as it is.
  const add = (k: string, span: { start: number; end: number }) => {
    const edits = ctx.edit(k, [{ span, newText: newId }]);
    for (const [uri, list] of Object.entries(edits ?? {})) (changes[uri] ??= []).push(...list);
  };
  add(key, item.idSpan!);
  for (const r of referencesTo(ctx, hit.target)) add(r.key, r.ref.span);
  return ctx.workspaceEdit(changes);
}

/**
 * Throws when `newId` would make a reference name another item or none. IDs are unique within a
 * file, and a reference resolves in its own file first, then across the workspace where the ID
 * is unique (OUTLINE-CONVENTIONS section 6). So the new ID may not be one the item's own file
 * has; another file's item of that ID matters only where a reference crosses files: one to the
 * renamed item (it could then resolve to the other, or to neither), or one that now resolves to
 * that other item across files (two items would have the ID, and it would name neither).
 * Lessons that number their objectives per episode can so take an ID another episode has.
 */
function refuseClash(ctx: ServerContext, target: ItemRef, newId: string): void {
  const lower = newId.toLowerCase();
  const refuse = (kind: string, where: string) => {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `"${newId}" is already the ID of an ${kind}${where}: choose another.`,
    );
  };
  const elsewhere: { key: string; item: Item }[] = [];
  for (const k of ctx.keys()) {
    const outline = ctx.outline(k);
    if (!outline) continue;
    for (const i of itemsOf(outline)) {
      if (!i.explicitId || i.id.toLowerCase() !== lower) continue;
      if (k === target.key) refuse(i.kind, '');
      elsewhere.push({ key: k, item: i });
    }
  }
  if (!elsewhere.length) return;
  const [first] = elsewhere;
  const inOther = ` in ${baseName(first!.key)}`;
  if (referencesTo(ctx, target).some((r) => r.key !== target.key))
    refuse(first!.item.kind, inOther);
  for (const other of elsewhere)
    if (referencesTo(ctx, other).some((r) => r.key !== other.key))
      refuse(other.item.kind, ` in ${baseName(other.key)}, which another file names`);
}
