// "Write an objective...": a guided quick input in ABCD order (audience, behaviour as Bloom
// level and verb, content, condition, degree) that inserts the finished objective; and "Show
// Bloom verbs". The words come from objectiveText.ts (the engine's lexicon).
import * as vscode from 'vscode';
import type { BloomLevel } from '../../server/src/core/model.js';
import {
  AUDIENCES,
  DEGREE_EXAMPLES,
  LEVELS,
  VERBS,
  capitalize,
  composeObjective,
  leadIn,
  planInsertion,
  verbForPosition,
  verbsOfLevel,
} from './objectiveText.js';

const TITLE = 'Write an objective';
const STEPS = 6;
const LAST_AUDIENCE = 'bloomline.writeObjective.audience';

/** The user went back one step. */
const BACK = Symbol('back');
type Step<T> = T | typeof BACK | undefined;

interface PickOptions {
  step: number;
  placeholder: string;
  items: vscode.QuickPickItem[];
  /** Offer what the user typed as an item of its own ("Use ..."). */
  allowCustom?: (value: string) => vscode.QuickPickItem;
  active?: string;
}

/** One quick pick step, with a Back button after the first step. */
function pick(options: PickOptions): Promise<Step<vscode.QuickPickItem>> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick();
    qp.title = TITLE;
    qp.step = options.step;
    qp.totalSteps = STEPS;
    qp.placeholder = options.placeholder;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.ignoreFocusOut = true;
    qp.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    qp.items = options.items;
    const active = options.items.find((i) => i.label === options.active);
    if (active) qp.activeItems = [active];
    let done = false;
    const finish = (value: Step<vscode.QuickPickItem>) => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidChangeValue((value) => {
      if (!options.allowCustom) return;
      const typed = value.trim();
      const known = options.items.some((i) => i.label.toLowerCase() === typed.toLowerCase());
      qp.items = typed && !known ? [options.allowCustom(typed), ...options.items] : options.items;
    });
    qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    qp.onDidAccept(() => finish(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

interface InputOptions {
  step: number;
  prompt: string;
  placeholder: string;
  value: string;
  /** Returns a message that blocks, or a warning that a second Enter accepts. */
  validate?: (value: string) => { message: string; blocking: boolean } | undefined;
}

/** One input box step, with a Back button. */
function input(options: InputOptions): Promise<Step<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = TITLE;
    box.step = options.step;
    box.totalSteps = STEPS;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value;
    box.ignoreFocusOut = true;
    box.buttons = [vscode.QuickInputButtons.Back];
    let warnedFor: string | undefined;
    let done = false;
    const finish = (value: Step<string>) => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue(() => {
      box.validationMessage = undefined;
      warnedFor = undefined;
    });
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    box.onDidAccept(() => {
      const problem = options.validate?.(box.value);
      if (problem && (problem.blocking || warnedFor !== box.value)) {
        box.validationMessage = {
          message: problem.message,
          severity: problem.blocking
            ? vscode.InputBoxValidationSeverity.Error
            : vscode.InputBoxValidationSeverity.Warning,
        };
        warnedFor = box.value;
        return;
      }
      finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

interface Answers {
  audience: string;
  level?: BloomLevel;
  verb: string;
  content: string;
  condition: string;
  degree: string;
}

/** Runs the six steps; undefined when the user cancels. */
async function ask(initialAudience: string): Promise<Answers | undefined> {
  const a: Answers = {
    audience: initialAudience,
    verb: '',
    content: '',
    condition: '',
    degree: '',
  };
  let step = 1;
  while (step <= STEPS) {
    let result: Step<unknown>;
    switch (step) {
      case 1: {
        const item = await pick({
          step,
          placeholder: 'Audience (A): who will be able to do it? Type to name another audience.',
          items: AUDIENCES.map((label) => ({ label })),
          allowCustom: (value) => ({ label: value, description: 'your audience' }),
          active: a.audience,
        });
        if (item && item !== BACK) a.audience = item.label;
        result = item;
        break;
      }
      case 2: {
        const item = await pick({
          step,
          placeholder: "Behaviour (B): the level of Bloom's taxonomy",
          items: LEVELS.map((l) => ({
            label: capitalize(l.level),
            description: `level ${l.order}`,
            detail: l.meaning,
          })),
          active: a.level ? capitalize(a.level) : undefined,
        });
        if (item && item !== BACK) {
          a.level = LEVELS.find((l) => capitalize(l.level) === item.label)?.level;
        }
        result = item;
        break;
      }
      case 3: {
        const level = LEVELS.find((l) => l.level === a.level);
        const item = await pick({
          step,
          placeholder: `Behaviour (B): a verb that shows it (${level?.asks ?? ''}) Type to use another.`,
          items: verbsOfLevel(a.level ?? 'apply').map((v) => ({
            label: capitalize(v.verb),
            description: v.alternatives.length ? `also ${v.alternatives.join(', ')}` : undefined,
          })),
          allowCustom: (value) => ({ label: capitalize(value), description: 'your verb' }),
          active: a.verb,
        });
        if (item && item !== BACK) a.verb = item.label;
        result = item;
        break;
      }
      case 4:
        result = await input({
          step,
          prompt: `${a.audience} will be able to: ${a.verb} ...`,
          placeholder: 'What they do it to, e.g. "the VPN client on a company laptop"',
          value: a.content,
          validate: (v) =>
            v.trim() ? undefined : { message: 'Say what the verb acts on.', blocking: true },
        });
        if (typeof result === 'string') a.content = result;
        break;
      case 5:
        result = await input({
          step,
          prompt: 'Condition (C), optional: the tools, setting or help they have',
          placeholder: 'e.g. "using the admin console" (leave empty to skip)',
          value: a.condition,
        });
        if (typeof result === 'string') a.condition = result;
        break;
      case 6:
        result = await input({
          step,
          prompt: 'Degree (D): how well, how fast or how many',
          placeholder: `e.g. ${DEGREE_EXAMPLES.map((d) => `"${d}"`).join(', ')}`,
          value: a.degree,
          validate: (v) =>
            v.trim()
              ? undefined
              : {
                  message:
                    'Without a degree the objective cannot be measured (missing-criterion). ' +
                    'Press Enter again to skip it anyway.',
                  blocking: false,
                },
        });
        if (typeof result === 'string') a.degree = result;
        break;
    }
    if (result === undefined) return undefined;
    step = result === BACK ? Math.max(1, step - 1) : step + 1;
  }
  return a;
}

export async function writeObjective(state: vscode.Memento): Promise<void> {
  const answers = await ask(state.get<string>(LAST_AUDIENCE) ?? AUDIENCES[0]);
  if (!answers) return;
  await state.update(LAST_AUDIENCE, answers.audience);
  const objective = composeObjective(answers);
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    // Nothing to write into (e.g. started from the empty view): a new outline to start from.
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `${leadIn(answers.audience)}\n\n- ${objective}\n`,
    });
    await vscode.window.showTextDocument(document);
    return;
  }
  const { document, selection } = editor;
  const line = document.lineAt(selection.active.line);
  const previousLines: string[] = [];
  for (let i = Math.max(0, line.lineNumber - 20); i < line.lineNumber; i++) {
    previousLines.push(document.lineAt(i).text);
  }
  const plan = planInsertion(
    objective,
    { lineText: line.text, previousLines, hasSelection: !selection.isEmpty },
    answers.audience,
  );
  await editor.edit((edit) => {
    if (plan.replaceLine) edit.replace(line.range, plan.text);
    else edit.replace(selection, plan.text);
  });
  if (plan.replaceLine) {
    const lastLine = line.lineNumber + plan.text.split('\n').length - 1;
    const end = document.lineAt(lastLine).range.end;
    editor.selection = new vscode.Selection(end, end);
  }
}

/** "Show Bloom verbs": every verb of the lexicon by level; the chosen one goes in at the cursor. */
export async function showBloomVerbs(): Promise<void> {
  const items: (vscode.QuickPickItem & { verb?: string })[] = [];
  for (const level of LEVELS) {
    items.push({
      label: `${capitalize(level.level)}: ${level.meaning}`,
      kind: vscode.QuickPickItemKind.Separator,
    });
    for (const v of VERBS.filter((x) => x.level === level.level)) {
      items.push({
        label: v.verb,
        description: v.alternatives.length
          ? `${level.level}, also ${v.alternatives.join(', ')}`
          : level.level,
        verb: v.verb,
      });
    }
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title: "Bloom's taxonomy: observable verbs by level",
    placeHolder: 'Type to filter; Enter inserts the verb at the cursor',
    matchOnDescription: true,
  });
  if (!chosen?.verb) return;
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    await vscode.env.clipboard.writeText(chosen.verb);
    void vscode.window.showInformationMessage(`Copied "${chosen.verb}" to the clipboard.`);
    return;
  }
  const verb = chosen.verb;
  await editor.edit((edit) => {
    for (const selection of editor.selections) {
      const before = editor.document
        .lineAt(selection.start.line)
        .text.slice(0, selection.start.character);
      edit.replace(selection, verbForPosition(verb, before));
    }
  });
}
