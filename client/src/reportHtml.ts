// The alignment report in a webview, the pure part: the HTML writer's page (server/src/report)
// made into webview HTML with VS Code's Content Security Policy and one small script that
// turns every element with `data-file`/`data-line` into a link back to the source; the
// checking of the messages that script posts; and the export formats. No `vscode` import, so
// the unit tests load this module outside VS Code (test/client/report.test.ts).
import type { ReportFormat } from '../../server/src/report/index.js';

/** A fresh nonce for the one inline script: 128 random bits, base64 (CSP nonce syntax). */
export function makeNonce(): string {
  // Web Crypto: there in VS Code's Node extension host and in its browser worker alike.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The webview's Content Security Policy: inline styles (the report's own), images only from
 * the extension or data: URIs, and no script but the one carrying the nonce. */
export function reportCsp(nonce: string, cspSource: string): string {
  return (
    `default-src 'none'; style-src 'unsafe-inline' ${cspSource}; ` +
    `img-src ${cspSource} data:; script-src 'nonce-${nonce}'`
  );
}

const CSP_META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>\s*/gi;

/**
 * The writer's HTML as webview HTML: its CSP meta replaced by {@link reportCsp}, a few styles
 * for the clickable elements, and the click script with the nonce before `</body>`. Outline
 * text in `html` is already escaped by the writer, so the one `</head>` and the one `</body>`
 * are the writer's own.
 */
export function webviewHtml(html: string, nonce: string, cspSource: string): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(nonce)) throw new Error('A nonce is base64 characters only.');
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="${escAttr(reportCsp(nonce, cspSource))}">\n` +
    `<style>${LINK_CSS}</style>\n`;
  let page = html.replace(CSP_META, '');
  // The CSP goes early in <head>, before anything it should govern: after the charset.
  const anchor = /<meta charset[^>]*>\n?/i.exec(page) ?? /<head[^>]*>\n?/i.exec(page);
  if (!anchor) throw new Error('The report HTML has no <head>.');
  const at = anchor.index + anchor[0].length;
  page = page.slice(0, at) + (anchor[0].endsWith('\n') ? '' : '\n') + meta + page.slice(at);
  const body = page.toLowerCase().lastIndexOf('</body>');
  if (body < 0) throw new Error('The report HTML has no </body>.');
  const script = `<script nonce="${nonce}">${SCRIPT}</script>\n`;
  return page.slice(0, body) + script + page.slice(body);
}

function escAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

const LINK_CSS =
  '[data-file] { cursor: pointer; } ' +
  '[data-file]:hover { text-decoration: underline dotted; } ' +
  '[data-file]:focus-visible { outline: 2px solid var(--vscode-focusBorder, #0969da); outline-offset: -2px; }';

/** The webview script: clicks and Enter/Space on `[data-file]` post a reveal message. Plain
 * ES2017, no imports, nothing loaded. */
const SCRIPT = `
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var targets = document.querySelectorAll('[data-file]');
  for (var i = 0; i < targets.length; i++) {
    var el = targets[i];
    el.setAttribute('tabindex', '0');
    if (!el.hasAttribute('title')) el.setAttribute('title', 'Go to ' + el.getAttribute('data-file') + ':' + (el.getAttribute('data-line') || '1'));
  }
  function reveal(event) {
    var el = event.target && event.target.closest ? event.target.closest('[data-file]') : null;
    if (!el) return;
    event.preventDefault();
    vscode.postMessage({
      type: 'reveal',
      file: el.getAttribute('data-file'),
      line: Number(el.getAttribute('data-line') || '1')
    });
  }
  document.addEventListener('click', reveal);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') reveal(event);
  });
})();
`;

export interface RevealMessage {
  type: 'reveal';
  file: string;
  line: number;
}

/** The webview's message if it is a well-formed reveal request; anything else is ignored. */
export function parseRevealMessage(message: unknown): RevealMessage | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as Record<string, unknown>;
  if (m['type'] !== 'reveal' || typeof m['file'] !== 'string' || !m['file']) return null;
  const line = m['line'];
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return null;
  return { type: 'reveal', file: m['file'], line };
}

/**
 * How a report's `filePath` names its file: a URI (`untitled:...`, `file:///...`), an absolute
 * path, or a path relative to the workspace folder. A Windows drive letter is not a scheme.
 */
export function classifyReportFile(
  file: string,
):
  | { kind: 'uri'; uri: string }
  | { kind: 'absolute'; path: string }
  | { kind: 'relative'; path: string } {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(file)) return { kind: 'uri', uri: file };
  if (file.startsWith('/') || file.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(file)) {
    return { kind: 'absolute', path: file };
  }
  return { kind: 'relative', path: file };
}

/** The export choices of the save dialog, by `showSaveDialog` filter name. */
export const EXPORT_FILTERS: Record<string, string[]> = {
  HTML: ['html', 'htm'],
  Markdown: ['md', 'markdown'],
  CSV: ['csv'],
  JSON: ['json'],
};

/** The report format for a file name chosen in the save dialog (HTML when it says nothing). */
export function exportFormatFor(fileName: string): ReportFormat {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'csv') return 'csv';
  if (ext === 'json') return 'json';
  return 'html';
}
