// What only a person sees, checked in the workbench page that code-server serves (Playwright
// on headless Chromium): the Bloomline view in the activity bar lists the objectives, the
// Problems panel lists Bloomline's findings, the alignment report's webview jumps to the
// outline and refreshes, killing the language server shows a notice and a new server takes
// over; and screenshots of the editor with squiggles and a hover, of the tree view, of the
// quick-fix menu, of the report and of the notice. Driven with the mouse and the keys a
// person would use; every wait is on something appearing in the page, with a deadline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SUITE = 'In the browser (code-server)';
/** Every step, by id, in order; a run may ask for some of them only (`only`). */
export const STEPS = [
  'tree',
  'tree-assessments',
  'problems',
  'hover',
  'quickfix',
  'report',
  'report-keys',
  'report-refresh',
  'export-report',
  'restart',
];
const TIMEOUT = 20_000;

/** Runs a command through the command palette (F1), as a person would: the command's row is
 * clicked, so a palette that lost the focus (the workbench sometimes takes it back as an
 * editor or view settles) is opened again rather than Enter landing in the editor. With
 * `opensInput`, the command asks for something in the same quick input (a save dialog), so
 * the palette is not waited on to close. */
async function runCommand(page, title, timeout = TIMEOUT, { opensInput = false } = {}) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.fill(`>${title}`, { timeout: 5000 });
      await row.waitFor({ state: 'visible', timeout });
      await row.click({ timeout: 2000 });
      break;
    } catch (error) {
      if (attempt === 3) {
        await page.keyboard.press('Escape');
        throw error;
      }
      // The palette closed under us (it turns inert while closing): let the workbench settle.
      await page.waitForTimeout(500);
    }
  }
  if (opensInput) return;
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** Opens a workspace file with Quick Open (Ctrl+P). */
async function openFile(page, name) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      // Quick Open turns inert while a palette run just before it is closing (seen after
      // "Notifications: Clear All Notifications"): the fill waited 30 s on an inert input.
      await input.fill(name, { timeout: 5000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page
    .locator('.editor-group-container.active .tab.active', { hasText: name })
    .waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** Moves the cursor with Go to Line (Ctrl+G): 1-based line and column. */
async function goTo(page, line, column) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

export async function checkUi(
  page,
  { workspace, screenshotDirs, log, languageServers, suite = SUITE, only = STEPS },
) {
  const results = [];
  const shot = async (name) => {
    const image = await page.screenshot();
    for (const dir of screenshotDirs) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name}.png`), image);
    }
  };
  const step = async (id, title, body) => {
    if (!STEPS.includes(id)) throw new Error(`unknown step ${id}`);
    if (!only.includes(id)) return;
    const started = Date.now();
    try {
      await body();
      results.push({
        suite,
        title,
        state: 'passed',
        error: null,
        durationMs: Date.now() - started,
      });
    } catch (error) {
      log(`failed: ${title}`);
      await shot(`failed-${results.length + 1}`).catch(() => undefined);
      results.push({
        suite,
        title,
        state: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        durationMs: Date.now() - started,
      });
    }
  };

  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });
  // Toasts from the run (a restarted server, a tip) would hide what the screenshots show.
  await runCommand(page, 'Notifications: Clear All Notifications', 5000).catch(() => undefined);
  await runCommand(page, 'View: Close All Editors', 5000).catch(() => undefined);

  await step('tree', 'the Bloomline view in the activity bar lists the objectives', async () => {
    await openFile(page, 'course.md');
    await page.locator('.activitybar .action-item a[aria-label^="Bloomline"]').click();
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar
      .getByText('Objectives and outcomes', { exact: false })
      .first()
      .waitFor({ timeout: TIMEOUT });
    // Wider, as a person would drag it, so that the labels and their levels can be read.
    const box = await sidebar.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 300, box.y + box.height / 2, { steps: 10 });
      await page.mouse.up();
    }
    for (const label of [
      'Module 1: Connecting',
      'Use the VPN client to reach the CRM from a home network in under 5 minutes.',
      'Understand how to configure the VPN client.',
      'Classify 20 sample emails as phishing or legitimate with at least 90% accuracy.',
    ]) {
      await sidebar.getByText(label, { exact: true }).first().waitFor({ timeout: TIMEOUT });
    }
    // Open two objectives, as a person would with their twisties: the outcomes that measure
    // them, one linked by section scope and shown as implied.
    for (const label of ['Use the VPN client to reach the CRM', 'Classify 20 sample emails']) {
      const row = sidebar.locator('.monaco-list-row', { hasText: label }).first();
      await row.locator('.monaco-tl-twistie').click();
      await sidebar
        .locator('.monaco-list-row[aria-expanded="true"]', { hasText: label })
        .first()
        .waitFor({ timeout: TIMEOUT });
    }
    await sidebar
      .getByText('VPN-related help-desk tickets fall from 120 to 40', { exact: false })
      .first()
      .waitFor({ timeout: TIMEOUT });
    const implied = sidebar.locator('.monaco-list-row', {
      hasText: 'Agents who fall for the quarterly phishing simulation',
    });
    await implied.first().waitFor({ timeout: TIMEOUT });
    const description = await implied.first().locator('.label-description').textContent();
    if (!/implied/.test(description ?? '')) {
      throw new Error(`the scope-linked outcome is not shown as implied: "${description}"`);
    }
    await shot('tree-view');
  });

  await step(
    'tree-assessments',
    'the tree shows the assessments that check each objective, with their levels',
    async () => {
      // The tree follows the editor: an academic course with assignments and a lab. The focus
      // goes back to the editor first (the step before left it in the tree), and the file's row
      // in Quick Open is clicked, as a person would.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.fill('syllabus.md');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'syllabus.md' })
        .first()
        .click({ timeout: TIMEOUT });
      await page
        .locator('.editor-group-container.active .tab.active', { hasText: 'syllabus.md' })
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      const sidebar = page.locator('#workbench\\.parts\\.sidebar');
      const course = sidebar.locator('.monaco-list-row', { hasText: 'Research Methods' }).first();
      await course.waitFor({ timeout: TIMEOUT });
      const kind = await course.locator('.label-description').textContent();
      if (!/academic/.test(kind ?? ''))
        throw new Error(`the course is not shown as academic: "${kind}"`);
      for (const label of ['Formulate a testable hypothesis', 'Design a field study']) {
        const row = sidebar.locator('.monaco-list-row', { hasText: label }).first();
        await row.locator('.monaco-tl-twistie').click();
        await sidebar
          .locator('.monaco-list-row[aria-expanded="true"]', { hasText: label })
          .first()
          .waitFor({ timeout: TIMEOUT });
      }
      const question = sidebar.locator('.monaco-list-row', {
        hasText: 'What is a dependent variable?',
      });
      await question.first().waitFor({ timeout: TIMEOUT });
      const level = await question.first().locator('.label-description').textContent();
      if (!/remember/.test(level ?? '')) {
        throw new Error(`the question's level is not shown: "${level}"`);
      }
      await sidebar.getByText('Lab 1', { exact: true }).first().waitFor({ timeout: TIMEOUT });
      await shot('tree-assessments');
      // Narrower again, for the editor's screenshots, and back to the course of the next steps.
      const wide = await sidebar.boundingBox();
      if (wide) {
        await page.mouse.move(wide.x + wide.width, wide.y + wide.height / 2);
        await page.mouse.down();
        await page.mouse.move(wide.x + wide.width - 180, wide.y + wide.height / 2, { steps: 10 });
        await page.mouse.up();
      }
      // Back to the course of the next steps: its tab, and syllabus.md closed.
      await focusTab(page, 'syllabus.md');
      await runCommand(page, 'View: Close Editor', 5000);
      await page
        .locator('.editor-group-container.active .tab.active', { hasText: 'course.md' })
        .waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  );

  await step('problems', "the Problems panel lists Bloomline's findings", async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: TIMEOUT });
    for (const text of [
      /"Understand[^"]*" is not observable/,
      'No objective, outcome or assessment has the ID "LO1.9"',
    ]) {
      await panel.getByText(text, { exact: false }).first().waitFor({ timeout: TIMEOUT });
    }
    for (const rule of [
      'vague-verb',
      'missing-criterion',
      'missing-outcome',
      'unknown-reference',
    ]) {
      await panel.getByText(rule, { exact: false }).first().waitFor({ timeout: TIMEOUT });
    }
    await shot('problems');
  });

  await step('hover', 'the editor shows squiggles and a hover with the finding', async () => {
    // The editor alone, without the Problems panel of the step before.
    await runCommand(page, 'View: Hide Panel', 5000).catch(() => undefined);
    await openFile(page, 'course.md');
    await goTo(page, 12, 16);
    const editor = page.locator('.monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: TIMEOUT });
    await editor.locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT });
    // The pointer out of the way: it would highlight what it rests on.
    await page.mouse.move(640, 10);
    // Show or Focus Hover: Ctrl+K Ctrl+I.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'is not observable' }).first();
    await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
    await shot('editor-hover');
    await page.keyboard.press('Escape');
  });

  await step('quickfix', 'the quick-fix menu offers the fixes', async () => {
    await goTo(page, 12, 16);
    await page.mouse.move(640, 10);
    // Ctrl+. shows the actions known when it is pressed: none while the server is still busy
    // after the steps before (a busy machine), and then no menu opens. Pressed again then.
    const menu = page.locator('.action-widget').first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await menu.waitFor({ state: 'visible', timeout: TIMEOUT / 4 });
        break;
      } catch (error) {
        if (attempt === 4) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await menu
      .getByText('Keep the behaviour', { exact: false })
      .first()
      .waitFor({ timeout: TIMEOUT });
    await shot('quick-fix');
    await page.keyboard.press('Escape');
  });

  await step(
    'report',
    'the alignment report opens in a webview and its cells jump to the outline',
    async () => {
      await runCommand(page, 'View: Close All Editors', 5000).catch(() => undefined);
      await openFile(page, 'course.md');
      // Beside the outline, as an author would keep it while writing: the report opens in the
      // active group, the right one. (Keys pressed while the webview has the focus stay in its
      // frame, so no command is run from the palette while it has.)
      await runCommand(page, 'View: Split Editor Right');
      await runCommand(page, 'Bloomline: Open alignment report');
      await page
        .locator('.tabs-container .tab.active', { hasText: 'Alignment report' })
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      const report = reportFrame(page);
      const cell = report.locator('td[data-objective="LO1.2"]').first();
      await cell.waitFor({ timeout: TIMEOUT });
      const label = await cell.getAttribute('aria-label');
      if (!/^LO1\.2 is measured by /.test(label ?? '')) {
        throw new Error(`LO1.2's first cell says "${label}", not a link to an outcome`);
      }
      // The page is the HTML report under the webview's CSP: its inline SVG chart is there and
      // the click script (nonce) runs, or the click below would do nothing.
      await report.locator('svg').first().waitFor({ timeout: TIMEOUT });
      await shot('report');
      // A mark on the page: a reload of the webview would drop it.
      await report.locator('body').evaluate((body) => body.setAttribute('data-e2e-kept', ''));
      await cell.click();
      await expectCursor(page, 'course.md', 12);
      // A column heading: the outcome "Password-reset calls drop by 30% ..." (line 19).
      await report
        .locator('th.outcome[title^="Password-reset calls drop"]')
        .first()
        .click({ timeout: TIMEOUT });
      await expectCursor(page, 'course.md', 19);
      // Jumping opened and focused the outline, which changed nothing in the report: the page
      // is the same one, not reloaded (a reload loses the reader's place, and a click made
      // while it reloads is lost).
      await page.waitForTimeout(1500);
      if ((await report.locator('body[data-e2e-kept]').count()) !== 1) {
        throw new Error('the report reloaded although nothing in it changed');
      }
    },
  );

  await step(
    'report-keys',
    "the alignment report's headings jump with the keyboard too",
    async () => {
      // Enter on a focused row heading.
      const report = reportFrame(page);
      await report.locator('th.objective[data-id="LO1.4"]').first().focus();
      await page.keyboard.press('Enter');
      await expectCursor(page, 'course.md', 14);
    },
  );

  await step(
    'report-refresh',
    'the alignment report refreshes as the outline changes',
    async () => {
      await focusTab(page, 'course.md');
      // On the blank line after LO1.4 (line 15), so that no line moves.
      await goTo(page, 15, 1);
      await page.keyboard.type('- **LO1.5:** Describe the audit log of the VPN client.');
      await page.keyboard.press('Escape');
      const report = reportFrame(page);
      const row = report.locator('th.objective[data-id="LO1.5"]').first();
      // Each keystroke may refresh the report once more: a longer deadline on a slow machine.
      await row.waitFor({ timeout: 2 * TIMEOUT });
      // The last refresh: the whole sentence typed.
      await report
        .locator('th.objective[data-id="LO1.5"]', { hasText: 'of the VPN client.' })
        .first()
        .waitFor({ timeout: 2 * TIMEOUT });
      if (!/⚠ no outcome/.test((await row.textContent()) ?? '')) {
        throw new Error('the new objective, which no outcome measures, is not flagged');
      }
      // Closed by a middle click on its tab: a refresh reloads the webview's frame, which can
      // take the focus from the command palette the next steps open.
      const tab = page.locator('.tabs-container .tab', { hasText: 'Alignment report' }).first();
      await tab.click({ button: 'middle', timeout: TIMEOUT });
      await tab.waitFor({ state: 'detached', timeout: TIMEOUT });
    },
  );

  await step(
    'export-report',
    '"Export alignment report..." writes the chosen format to the chosen file',
    async () => {
      await focusTab(page, 'course.md');
      await runCommand(page, 'Bloomline: Export alignment report...', TIMEOUT, {
        opensInput: true,
      });
      // code-server's save dialog is VS Code's own: a path in a quick input, filled in with
      // the suggested file.
      const input = page.locator('.quick-input-widget input');
      const deadline = Date.now() + TIMEOUT;
      while (!/alignment-report\.html$/.test(await input.inputValue().catch(() => ''))) {
        if (Date.now() > deadline)
          throw new Error('no save dialog suggesting alignment-report.html');
        await page.waitForTimeout(100);
      }
      const target = path.join(workspace, 'alignment-report.md');
      await input.fill(target);
      await input.press('Enter');
      await page
        .locator('.notifications-toasts')
        .getByText('Alignment report written to alignment-report.md', { exact: false })
        .first()
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = readFileSync(target, 'utf8');
      if (!/^# Alignment report$/m.test(text)) {
        throw new Error(`not the Markdown report:\n${text.slice(0, 300)}`);
      }
      // The report is of what the editor holds: the objective typed in the step before, unsaved.
      if (!/LO1\.5/.test(text)) throw new Error('the unsaved objective LO1.5 is not in the report');
    },
  );

  await step(
    'restart',
    'killing the language server: a notice, a new server, findings again',
    async () => {
      await runCommand(page, 'Notifications: Clear All Notifications', 5000).catch(() => undefined);
      const before = languageServers();
      if (before.length !== 1) {
        throw new Error(`expected one Bloomline language server, found ${before.length}`);
      }
      process.kill(before[0], 'SIGKILL');
      await page
        .locator('.notifications-toasts')
        .getByText("Bloomline's server stopped and was restarted.", { exact: false })
        .first()
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('server-restarted');
      const deadline = Date.now() + TIMEOUT;
      let after = [];
      while (Date.now() < deadline) {
        after = languageServers().filter((pid) => pid !== before[0]);
        if (after.length) break;
        await page.waitForTimeout(200);
      }
      if (after.length !== 1) throw new Error(`no new language server after the kill (${after})`);
      // The new server has the open outline, edits included, and lints what comes next.
      // On the blank line before LO1.1 (line 10): the list starts a line earlier.
      await focusTab(page, 'course.md');
      await openFile(page, 'course.md');
      await goTo(page, 10, 1);
      await page.keyboard.type('- **LO1.6:** Know the rules for public Wi-Fi.');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: TIMEOUT });
      await panel
        .getByText('"Know" is not observable', { exact: false })
        .first()
        .waitFor({ timeout: TIMEOUT });
    },
  );

  return results;
}

/** The alignment report's page: VS Code puts a webview's content in an iframe inside the
 * webview's own iframe. */
function reportFrame(page) {
  return page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
}

/** Clicks the first editor tab named `name`: the focus leaves a webview for the workbench. */
async function focusTab(page, name) {
  await page.locator('.tabs-container .tab', { hasText: name }).first().click({ timeout: TIMEOUT });
}

/** Waits until an editor group shows `file` with the cursor on 1-based `line`: its line
 * number is the active one. Not the status bar's "Ln N": that names the focused editor only,
 * and a click in a webview (the alignment report) may take the focus back after the jump has
 * moved the outline's cursor (VS Code's webview focus is asynchronous), which an author sees
 * as the line selected in the outline all the same. */
async function expectCursor(page, file, line) {
  const group = page.locator('.editor-group-container', {
    has: page.locator('.tab.active', { hasText: file }),
  });
  await group
    .locator('.line-numbers.active-line-number', { hasText: new RegExp(`^\\s*${line}\\s*$`) })
    .first()
    .waitFor({ state: 'visible', timeout: TIMEOUT });
}
