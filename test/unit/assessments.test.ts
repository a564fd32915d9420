// Assessments (OUTLINE-CONVENTIONS.md sections 5 and 6): found in every syntax course authors
// use, each with the Bloom level its task or question asks for, linked to the objectives they
// check by nesting, references, table rows and section scope; bad input (an unknown ID, a
// cycle of references, a challenge that never closes) reported or read sensibly, never a crash.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  LineIndex,
  Workspace,
  applyEdits,
  buildOutline,
  courseKind,
  lexiconFor,
  resolveConfig,
  type Assessment,
  type Outline,
} from '../../server/src/core/index.js';
import { readTask } from '../../server/src/core/language/assessment.js';
import { repoRoot } from './fixture-helpers.js';

const lex = lexiconFor([], {});

function linked(text: string, config = resolveConfig({}).config) {
  const ws = new Workspace(config);
  ws.update('course.md', text, config);
  const outline = ws.get('course.md')!;
  return { ws, outline, findings: ws.lint('course.md') };
}

/** "title: level -> LO1, LO2*" (implied links starred), in document order. */
function summary(outline: Outline): string[] {
  return [...outline.assessments]
    .sort((a, b) => a.textSpan.start - b.textSpan.start)
    .map(
      (a) =>
        `${a.text}: ${a.analysis.level ?? '-'} -> ${a.objectives.map((l) => l.id + (l.implied ? '*' : '')).join(', ')}`,
    );
}

const OBJECTIVES = [
  '# Loops',
  '',
  '## Objectives',
  '',
  '- **LO1:** Write a `for` loop that sums a list of numbers.',
  '- **LO2:** Explain what the loop variable holds on each pass.',
  '',
].join('\n');

describe('where assessments are found', () => {
  test('a heading of one assessment, with its task under it', () => {
    const { outline } = linked(
      `${OBJECTIVES}\n### Exercise 2: Loops\n\nUsing \`range\`, write a loop that prints 1 to 3.\n`,
    );
    assert.deepEqual(summary(outline), ['Exercise 2: Loops: apply -> LO1*, LO2*']);
    const a = outline.assessments[0]!;
    assert.equal(a.source, 'heading');
    assert.equal(a.analysis.form, 'task');
    assert.equal(a.analysis.verb?.text, 'write');
    assert.equal(
      outline.text.slice(a.analysis.verb!.span.start, a.analysis.verb!.span.end),
      'write',
    );
    assert.match(a.analysis.task!.text, /^Using `?range`?, write a loop/);
  });

  test('each item under "Exercises", "Review questions" or a quiz heading', () => {
    const { outline } = linked(
      `${OBJECTIVES}\n## Exercises\n\n1. Write a loop that prints each letter of a word (LO1).\n2. Why does the loop stop? (LO2)\n\n## Quiz 1\n\n- What is a loop variable? (LO2)\n`,
    );
    assert.deepEqual(summary(outline), [
      'Write a loop that prints each letter of a word (LO1).: apply -> LO1',
      'Why does the loop stop? (LO2): understand -> LO2',
      'What is a loop variable? (LO2): remember -> LO2',
    ]);
  });

  test('a list of hints under an exercise heading is part of its task', () => {
    const { outline } = linked(
      `${OBJECTIVES}\n### Exercise 3\n\nWrite a function that takes:\n\n- a list of numbers\n- a threshold\n`,
    );
    assert.deepEqual(summary(outline), ['Exercise 3: apply -> LO1*, LO2*']);
  });

  test('a labelled task right under an "Assessment" heading is the one assessment it names', () => {
    // A K-12 lesson plan: "## Assessment" then "Exit ticket: ...". It was read as two
    // assessments, the heading's (with no task) and the exit ticket.
    const { outline } = linked(
      `${OBJECTIVES}\n## Assessment\n\nExit ticket: write a loop that prints the numbers 1 to 5.\n`,
    );
    assert.deepEqual(summary(outline), [
      'write a loop that prints the numbers 1 to 5.: apply -> LO1*, LO2*',
    ]);
  });

  test('an activity that asks the learner a question is one assessment; one only done is not', () => {
    // A Quarto chapter's prerequisite poll, each question in a titled activity div: a check of
    // what learners know (the corpus's hand labels count each). An onboarding plan's "Key
    // activities" (attend, read, shadow) ask nothing and check nothing.
    const quiz = [
      OBJECTIVES,
      ':::{.activity title="Activity 1"}',
      '**Which of these is untrue about a `for` loop?**',
      '',
      '*a. It runs once per item.*',
      '',
      '*b. It needs a counter.*',
      ':::',
      '',
      ':::{.activity}',
      'We summed the wrong list. How would we print each item first?',
      ':::',
      '',
    ].join('\n');
    assert.deepEqual(summary(linked(quiz).outline), [
      'Activity 1: remember -> LO1*, LO2*',
      'We summed the wrong list. How would we print each item first?: apply -> LO1*, LO2*',
    ]);
    const done = `${OBJECTIVES}\n## Key activities\n\n- Attend the loops clinic.\n- Read chapter 3 of the style guide.\n`;
    assert.deepEqual(summary(linked(done).outline), []);
  });

  test('a Carpentries challenge div is one assessment; its solution is not its task', () => {
    const text = [
      OBJECTIVES,
      '::::::::::::::::::::::::::::::::::::::: challenge',
      '',
      '## Sorting',
      '',
      'Which is better for a list of a million numbers, and why?',
      '',
      ':::::::::::::::: solution',
      '',
      'Design a merge sort that uses a heap.',
      '',
      ':::::::::::::::::::::::::',
      '',
      ':::::::::::::::::::::::::::::::::::::::::::::::::::',
      '',
    ].join('\n');
    const { outline } = linked(text);
    assert.deepEqual(summary(outline), ['Sorting: evaluate -> LO1*, LO2*']);
    assert.equal(outline.assessments[0]!.source, 'div');
  });

  test('MyST {exercise} and {challenge}, Quarto callouts titled Exercise, MkDocs admonitions', () => {
    const text = [
      OBJECTIVES,
      '```{exercise} Tracing',
      'Trace the loop below by hand (LO2).',
      '```',
      '',
      ':::{challenge} Powers',
      'Write a loop that computes 5 ** 3 without `**` (LO1).',
      ':::',
      '',
      '::: {.callout-tip}',
      '## Exercise 4',
      '',
      'How would you count the vowels in a word? (LO1)',
      ':::',
      '',
      '!!! question "Exercise 5"',
      '    What does `range(3)` produce? (LO2)',
      '',
    ].join('\n');
    const { outline } = linked(text);
    assert.deepEqual(summary(outline), [
      'Tracing: understand -> LO2',
      'Powers: apply -> LO1',
      'Exercise 4: apply -> LO1',
      'Exercise 5: understand -> LO2',
    ]);
  });

  test('labels: "Quiz:" paragraphs and list items, "**Exercise 2**" over its task', () => {
    const text = [
      OBJECTIVES,
      '**Quiz:** What does a `for` loop repeat? (LO2)',
      '',
      '- Exercise: Write a loop that doubles each number in a list (LO1).',
      '',
      '**Exercise 2**',
      '',
      'Explain, in two sentences, why the loop variable changes.',
      '',
    ].join('\n');
    const { outline } = linked(text);
    assert.deepEqual(summary(outline), [
      'What does a for loop repeat? (LO2): understand -> LO2',
      'Write a loop that doubles each number in a list (LO1).: apply -> LO1',
      'Exercise 2: understand -> LO1*, LO2*',
    ]);
  });

  test('nested under an objective ("Assessment:" or an "Assessed by:" list) links by nesting', () => {
    const text = [
      '## Objectives',
      '',
      '- **LO1:** Design a field study that tests a hypothesis.',
      '  - Assessment: Design a study for the hypothesis of your choice.',
      '- **LO2:** Define "hypothesis".',
      '',
      '  Assessed by:',
      '',
      '  - What is a hypothesis?',
      '',
    ].join('\n');
    const { outline } = linked(text);
    assert.deepEqual(summary(outline), [
      'Design a study for the hypothesis of your choice.: create -> LO1',
      'What is a hypothesis?: remember -> LO2',
    ]);
    assert.equal(outline.objectives[0]!.assessments[0]!.via, 'nesting');
  });

  test('the "Assessment" column of an objectives table links by its row', () => {
    const text = [
      '| ID | Learning objective | Assessment |',
      '| --- | --- | --- |',
      '| LO1 | Design a field study that tests a hypothesis. | Project: design a study |',
      '| LO2 | Define the parts of a research design. | Quiz 1 |',
      '| LO3 | Compare two sampling strategies. | |',
      '',
    ].join('\n');
    const { outline, findings } = linked(text);
    // "Project:" labels the cell's task, as "Exercise:" does (kept as the assessment's label).
    assert.deepEqual(summary(outline), ['design a study: create -> LO1', 'Quiz 1: - -> LO2']);
    assert.equal(outline.assessments[0]!.label, 'Project');
    assert.deepEqual(
      outline.objectives.map((o) => o.assessments.map((l) => l.via)),
      [['row'], ['row'], []],
    );
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'unassessed-objective').map((f) => f.item?.id),
      ['LO3'],
    );
  });

  test('a grading breakdown names assessments but checks nothing', () => {
    const text = `${OBJECTIVES}\n## Grading\n\n- Problem sets: 30%\n- Final project (40 points)\n`;
    const { outline, findings } = linked(text);
    assert.deepEqual(summary(outline), [
      'Problem sets: 30%: - -> ',
      'Final project (40 points): - -> ',
    ]);
    assert.deepEqual(
      outline.assessments.map((a) => a.analysis.weight?.text),
      ['30%', '40 points'],
    );
    assert.ok(!findings.some((f) => f.ruleId === 'unassessed-objective'), 'said nowhere');
  });

  test('a list of evaluation methods under "Evaluation" or "Assessment": each item is one assessment', () => {
    // A syllabus's "## Evaluation" over "- Quiz (20%) ...", "- Final project: ...",
    // "- Participation" was read as ONE assessment, the heading's, with the whole list as its
    // task (or as none, when no item asked anything).
    for (const heading of ['## Evaluation', '## Assessment', '## Assessments', '**Evaluation**']) {
      const text = `${OBJECTIVES}\n${heading}\n\n- Quiz (20%) on each week's reading\n- Final project: write a program that sums a file of numbers\n- Participation\n`;
      assert.deepEqual(
        summary(linked(text).outline),
        [
          "Quiz (20%) on each week's reading: - -> ",
          'write a program that sums a file of numbers: apply -> LO1*, LO2*',
          'Participation: - -> LO1*, LO2*',
        ],
        heading,
      );
    }
    // Named kinds of graded work, with no weights and no tasks, are assessments too.
    const bare = `${OBJECTIVES}\n## Evaluation\n\n- Weekly quizzes\n- Midterm exam\n- Final project\n- Participation in discussions\n`;
    assert.deepEqual(
      linked(bare).outline.assessments.map((a) => a.text),
      ['Weekly quizzes', 'Midterm exam', 'Final project', 'Participation in discussions'],
    );
    // A model's evaluation in a data lesson is no list of assessments.
    const model = `${OBJECTIVES}\n## Evaluation\n\n- Accuracy on the test set\n- Confusion matrix\n- Unit tests\n`;
    assert.deepEqual(summary(linked(model).outline), []);
  });

  test('"Check:", "Quick check:", "Check your understanding:" label a formative check, never an objective', () => {
    const text = `${OBJECTIVES}- Check: can you name the loop variable in \`for x in xs\`?\n\n## Summing\n\nCheck: what does the loop variable hold after the last pass?\n\nQuick check: write a loop that prints 1 to 5.\n\n- Check your understanding: why does \`range(3)\` stop at 2?\n- Check yourself: which of these loops never ends?\n\n**Check:** Why is the loop variable still defined after the loop?\n`;
    const { outline } = linked(text);
    assert.deepEqual(
      outline.objectives.map((o) => o.text),
      [
        'Write a for loop that sums a list of numbers.',
        'Explain what the loop variable holds on each pass.',
      ],
      'the check in the objectives list is no objective',
    );
    assert.deepEqual(
      outline.assessments.map((a) => `${a.text}: ${a.analysis.level}`),
      [
        'can you name the loop variable in for x in xs?: apply',
        'what does the loop variable hold after the last pass?: understand',
        'write a loop that prints 1 to 5.: apply',
        'why does range(3) stop at 2?: understand',
        'which of these loops never ends?: remember',
        'Why is the loop variable still defined after the loop?: understand',
      ],
    );
    // "Check:" is an everyday word too: a step that asks nothing is no assessment.
    for (const aside of [
      'Check: the Python interpreter is version 3.10 or later.',
      '- Check: `python --version` prints 3.10.',
    ]) {
      const plain = linked(`${OBJECTIVES}\n## Setup\n\n${aside}\n`).outline;
      assert.deepEqual(plain.assessments, [], aside);
    }
  });

  test('"Assessment of outcomes" and its kin name assessments, not objectives', () => {
    const course = [
      '# BSc Data Science: Programme Learning Outcomes',
      '',
      '## Programme learning outcomes',
      '',
      'Graduates will be able to:',
      '',
      '1. **PLO1** Apply statistical methods to real data sets.',
      '2. **PLO2** Communicate findings to non-technical audiences.',
      '',
    ].join('\n');
    for (const heading of [
      'Assessment of outcomes',
      'Assessment of learning outcomes',
      'Outcomes assessment',
      'Learning outcomes assessment',
      'How outcomes are assessed',
      'How the learning outcomes are assessed',
      'How you will be assessed',
    ]) {
      const { outline } = linked(
        `${course}\n## ${heading}\n\n- Capstone report (assesses PLO1, PLO2)\n- Oral presentation (assesses PLO2)\n`,
      );
      assert.deepEqual(
        outline.objectives.map((o) => o.id),
        ['PLO1', 'PLO2'],
        heading,
      );
      assert.deepEqual(
        summary(outline),
        [
          'Capstone report (assesses PLO1, PLO2): - -> PLO1, PLO2',
          'Oral presentation (assesses PLO2): - -> PLO2',
        ],
        heading,
      );
    }
  });

  test('an exam, quiz or check-off named by its subject ("Dosage calculation exam") is one assessment', () => {
    const task = 'Calculate the dose for each of the 20 orders.';
    for (const heading of [
      'Dosage calculation exam',
      'Pharmacology quiz',
      'Skills check-off',
      'Medication administration check-off',
      'OSCE',
    ]) {
      const { outline } = linked(`${OBJECTIVES}\n## ${heading}\n\n${task}\n`);
      assert.deepEqual(summary(outline), [`${heading}: apply -> LO1*, LO2*`], heading);
    }
    // A heading about an exam, not one: nothing is read.
    for (const heading of [
      'Preparing for the exam',
      'How to pass the quiz',
      'Exam tips and tricks for nurses',
    ]) {
      const { outline } = linked(`${OBJECTIVES}\n## ${heading}\n\nSleep well and eat breakfast.\n`);
      assert.deepEqual(summary(outline), [], heading);
    }
  });

  test('"Join" two tables is a task; joining a call or a breakout room sets one up', () => {
    for (const [task, want] of [
      [
        'Join the schools table to the districts table and count the schools in each district.',
        'apply',
      ],
      ['Join two data frames on their key column.', 'apply'],
      ['Join the Zoom call and introduce yourself.', null],
      ['Join a breakout room with two others.', null],
    ] as const) {
      const { outline } = linked(`${OBJECTIVES}\n## Exercise 1\n\n${task}\n`);
      assert.equal(outline.assessments[0]?.analysis.level ?? null, want, task);
    }
  });

  test('a task after a colon is read, whatever its case ("... is due Friday: choose one ...")', () => {
    const { outline } = linked(
      `${OBJECTIVES}\n## Assessment\n\nResponse paper 2 (800 words) is due Friday: explain one loop you wrote and why it stops.\n`,
    );
    assert.equal(outline.assessments[0]!.analysis.verb?.text, 'explain');
    assert.equal(outline.assessments[0]!.analysis.level, 'understand');
  });

  test('a pass mark is not a grading weight: the quiz still checks the objectives in scope', () => {
    for (const [quiz, weight] of [
      ['Quiz: loops (10 questions, pass mark 80%).', null],
      ['Quiz: loops, at least 80% to pass.', null],
      ['Quiz: loops; a passing score of 70% or higher.', null],
      ['Quiz: loops (20%).', '20%'],
    ] as const) {
      const { outline } = linked(`${OBJECTIVES}\n## Checkpoint\n\n- ${quiz}\n`);
      const a = outline.assessments[0]!;
      assert.equal(a.analysis.weight?.text ?? null, weight, quiz);
      assert.deepEqual(
        a.objectives.map((l) => l.id),
        weight ? [] : ['LO1', 'LO2'],
        quiz,
      );
    }
  });

  test('an assessment name after words that say what kind it is: group, weekend, formative', () => {
    const task = 'Write a loop that sums a list of numbers.';
    for (const [heading, want] of [
      ['Weekend project', 'Weekend project: apply -> LO1*, LO2*'],
      ['Group project', 'Group project: apply -> LO1*, LO2*'],
      ['Individual assignment 2', 'Individual assignment 2: apply -> LO1*, LO2*'],
      ['Formative assessment', 'Formative assessment: apply -> LO1*, LO2*'],
      ['Take-home exam', 'Take-home exam: apply -> LO1*, LO2*'],
    ]) {
      const { outline } = linked(`${OBJECTIVES}\n## ${heading}\n\n${task}\n`);
      assert.deepEqual(summary(outline), [want], heading);
    }
    // Such words name no other kind of block: "Team objectives" are the team's, not a
    // course's, and "Group project structure" is a topic.
    for (const heading of ['Group project structure', 'Weekend plans']) {
      const { outline } = linked(`${OBJECTIVES}\n## ${heading}\n\n${task}\n`);
      assert.deepEqual(summary(outline), [], heading);
    }
    const team = linked(`# Sales\n\n## Team objectives\n\n- Grow revenue by 10% by Q3\n`);
    assert.equal(team.outline.objectives.length, 0);
  });

  test('words that only sound like assessments do not make one', () => {
    for (const text of [
      `${OBJECTIVES}\n## Project\n\nThis project is maintained by volunteers.\n`,
      `${OBJECTIVES}\n## Test\n\nThe tests live in \`test/\`.\n`,
      `${OBJECTIVES}\n## Lab introduction\n\nThe lab uses a virtual machine.\n`,
      `${OBJECTIVES}\nExercise: 30 minutes\n`,
    ]) {
      assert.deepEqual(summary(linked(text).outline), [], text.split('\n').at(-2));
    }
  });
});

describe('the level an assessment asks for', () => {
  const forms = JSON.parse(
    fs.readFileSync(
      path.join(repoRoot, 'server/src/core/language/data/question-forms.json'),
      'utf8',
    ),
  ) as { forms: { example: string; level: string }[] };

  test('every question form in the data reads its own example at its level', () => {
    for (const f of forms.forms) assert.equal(readTask([f.example], lex).level, f.level, f.example);
  });

  test('the forms of the contract', () => {
    const level = (s: string) => readTask([s], lex).level;
    assert.equal(level('What is a hypothesis?'), 'remember');
    assert.equal(level('Why does Git need a staging area?'), 'understand');
    assert.equal(level('Which of the two designs is better, and why?'), 'evaluate');
    assert.equal(level('Write a loop that sums a list.'), 'apply');
    assert.equal(level('Using `range`, write a loop that prints 1 to 3.'), 'apply');
    assert.equal(level('Design a field study for your hypothesis.'), 'create');
  });

  test('the highest demand of the task counts; setting-up and discourse count for nothing', () => {
    assert.equal(
      readTask(['Consider the list below.', 'What is its length?', 'Why is it 3?'], lex).level,
      'understand',
    );
    for (const s of [
      'Note that the loop stops at 3.',
      'Navigate to the folder of your cohort.',
      'Python has a built-in function called range.',
      'Plot shows the data.',
      'Given the following loop:',
      'Is this the right file?',
    ])
      assert.equal(readTask([s], lex).level, null, s);
  });

  test('a task led by a verb outside the Bloom lists is read by the listed verbs after it', () => {
    const read = (s: string) => {
      const r = readTask([s], lex);
      return [r.level, r.verb?.lemma ?? null];
    };
    // "Place" is an English verb the Bloom lists do not hold; the task's level is that of the
    // listed verb after it.
    assert.deepEqual(read('Place these mixtures in the correct column and explain one choice.'), [
      'understand',
      'explain',
    ]);
    // Alone it counts for nothing: many such words are nouns that start a sentence.
    for (const s of [
      'Place the mixtures in the correct column.',
      'Range returns a sequence of numbers.',
      'Quiz 2 covers loops.',
    ])
      assert.deepEqual(read(s), [null, null], s);
  });

  test('an imperative and a question in one sentence: the higher counts', () => {
    assert.equal(
      readTask(['Critique the design: which of its choices is weakest, and why?'], lex).level,
      'evaluate',
    );
  });
});

describe('links between assessments and objectives', () => {
  test('a Carpentries episode: every challenge checks the episode objectives (implied)', () => {
    const file = path.join(
      repoRoot,
      'test/corpus/carpentries/python-novice-inflammation/05-loop.md',
    );
    const text = fs.readFileSync(file, 'utf8');
    const { outline } = linked(text);
    assert.ok(outline.assessments.length >= 5, `${outline.assessments.length} challenges`);
    for (const a of outline.assessments) {
      assert.equal(a.source, 'div');
      assert.deepEqual(
        a.objectives.map((l) => [l.id, l.implied, l.via]),
        outline.objectives.map((o) => [o.id, true, 'scope']),
        a.text,
      );
    }
  });

  test('every Carpentries challenge of the corpus checks its episode objectives', () => {
    const root = path.join(repoRoot, 'test/corpus/carpentries');
    let challenges = 0;
    for (const lesson of fs.readdirSync(root)) {
      for (const name of fs.readdirSync(path.join(root, lesson))) {
        if (!name.endsWith('.md')) continue;
        const text = fs.readFileSync(path.join(root, lesson, name), 'utf8');
        const { outline } = linked(text);
        const divs = (text.match(/^:{3,}\s*challenge\s*$/gm) ?? []).length;
        const found = outline.assessments.filter((a) => a.source === 'div');
        assert.equal(found.length, divs, `${lesson}/${name}: one assessment per challenge`);
        challenges += divs;
        if (!outline.objectives.length) continue;
        // Where the episode's objectives are its objectives div, every challenge checks all of
        // them; where a section has objectives of its own, its challenges check those.
        const onlyDiv = outline.objectives.every((o) => o.source === 'div');
        for (const a of found) {
          assert.ok(a.objectives.length > 0, `${lesson}/${name}: ${a.text} checks nothing`);
          assert.ok(a.objectives.every((l) => l.implied && l.via === 'scope'));
          if (onlyDiv)
            assert.equal(
              a.objectives.length,
              outline.objectives.length,
              `${lesson}/${name}: ${a.text}`,
            );
        }
      }
    }
    assert.ok(challenges >= 100, `${challenges} challenges`);
  });

  test('"(ILO2)"-style references link every reference, explicitly', () => {
    const text = [
      '## Intended learning outcomes',
      '',
      '- **ILO1:** Formulate a testable hypothesis.',
      '- **ILO2:** Design a field study.',
      '- **ILO3:** Report results as a journal article.',
      '',
      '## Assessment',
      '',
      '- Hypothesis worksheet (ILO1)',
      '- Study design (ILO2, ILO3)',
      '- Final report, assesses: ILO3',
      '',
    ].join('\n');
    const { outline } = linked(text);
    assert.deepEqual(summary(outline), [
      'Hypothesis worksheet (ILO1): - -> ILO1',
      'Study design (ILO2, ILO3): - -> ILO2, ILO3',
      'Final report, assesses: ILO3: - -> ILO3',
    ]);
    for (const a of outline.assessments)
      for (const l of a.objectives) assert.equal(l.via, 'reference');
  });

  test('an assessment in a section without objectives checks those of the nearest section with some', () => {
    const text = [
      '# Course',
      '',
      '## Week 1',
      '',
      '### Objectives',
      '',
      '- Explain what a loop is.',
      '',
      '### Practice',
      '',
      '#### Exercise 1',
      '',
      'Write a loop that prints 1 to 3.',
      '',
      '## Week 2',
      '',
      '### Objectives',
      '',
      '- Write a function that returns a value.',
      '',
    ].join('\n');
    const { outline, findings } = linked(text);
    assert.deepEqual(summary(outline), ['Exercise 1: apply -> week-1#objective-1*']);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'unassessed-objective').map((f) => f.item?.id),
      ['week-2#objective-1'],
      'week 2 has no exercise',
    );
  });

  test('with "linking": "explicit", nothing is implied', () => {
    const config = resolveConfig({ linking: 'explicit' }).config;
    const { outline } = linked(`${OBJECTIVES}\n### Exercise 1\n\nWrite a loop.\n`, config);
    assert.deepEqual(outline.assessments[0]!.objectives, []);
  });

  test('an unknown ID: an unknown-reference error, and nothing linked', () => {
    const { outline, findings } = linked(`${OBJECTIVES}\n## Exercises\n\n- Write a loop (LO9).\n`);
    assert.deepEqual(outline.assessments[0]!.objectives, []);
    const ref = findings.filter((f) => f.ruleId === 'unknown-reference');
    assert.equal(ref.length, 1);
    assert.match(ref[0]!.message, /"LO9"/);
  });

  test('a cycle of references links each pair once', () => {
    const text = [
      '## Objectives',
      '',
      '- **LO1:** Write a loop (assessed by A1).',
      '',
      '## Exercises',
      '',
      '- **A1:** Write a loop that sums a list (LO1), see also A1.',
      '- **A2:** Explain a loop (A1, LO1).',
      '',
    ].join('\n');
    const { outline, findings } = linked(text);
    assert.deepEqual(
      outline.objectives[0]!.assessments.map((l) => l.id),
      ['A1', 'A2'],
    );
    assert.deepEqual(
      outline.assessments.map((a) => a.objectives.map((l) => l.id)),
      [['LO1'], ['LO1']],
    );
    assert.ok(!findings.some((f) => f.ruleId === 'unknown-reference'));
  });

  test('a challenge div that never closes: the sections after it are still read, and a note says so', () => {
    const text = [
      '# Loops',
      '',
      '::: challenge',
      '',
      '## Powers',
      '',
      'Write a loop that computes 5 ** 3.',
      '',
      '## Functions',
      '',
      '::: objectives',
      '',
      '- Write a function that returns a value.',
      '',
      ':::',
      '',
    ].join('\n');
    const { outline } = linked(text);
    assert.deepEqual(
      outline.objectives.map((o) => o.text),
      ['Write a function that returns a value.'],
    );
    assert.deepEqual(summary(outline), ['Powers: apply -> functions#objective-1*']);
    assert.equal(outline.notes.length, 1);
    assert.match(outline.notes[0]!.message, /never closed/);
    assert.equal(new LineIndex(text).position(outline.notes[0]!.span.start).line, 2);
  });
});

describe('the rules', () => {
  test('no assessment at all: no unassessed-objective', () => {
    const { findings } = linked(OBJECTIVES);
    assert.ok(!findings.some((f) => f.ruleId === 'unassessed-objective'));
  });

  test('the assessment skeleton fix makes the objective assessed, at its level', () => {
    const text = `${OBJECTIVES}\n## Exercises\n\n- Write a loop that sums a list (LO1).\n`;
    const { findings } = linked(text);
    const f = findings.find((x) => x.ruleId === 'unassessed-objective')!;
    assert.equal(f.item?.id, 'LO2');
    const fix = f.fixes.find((x) => /skeleton/.test(x.title))!;
    const fixed = applyEdits(text, fix.edits);
    assert.match(
      fixed,
      /- \*\*LO2:\*\* Explain what the loop variable holds on each pass\.\n {2}- Assessment: Explain what the loop variable holds on each pass \[TODO/,
    );
    const after = linked(fixed);
    assert.ok(!after.findings.some((x) => x.ruleId === 'unassessed-objective'));
    const skeleton = after.outline.assessments.find((a) => a.parent)!;
    assert.equal(skeleton.analysis.level, after.outline.objectives[1]!.analysis.level);
  });

  test('the bare assessment skeleton is an assessment, not a template placeholder', () => {
    // "Assessment: [TODO ...]" is the skeleton's label and placeholder; a template's
    // placeholder item ("Action: [[what learner does]]") is not read, but this one is read as
    // what its label says, or the fix leaves its finding (fixes-are-safe property).
    const text = `## Objectives\n\n- **LO1:** Write a loop that sums a list.\n- **LO2:** Understand loops.\n\n## Exercises\n\n- Write a loop that sums a list (LO1).\n`;
    const f = linked(text).findings.find((x) => x.ruleId === 'unassessed-objective')!;
    assert.equal(f.item?.id, 'LO2');
    const fix = f.fixes.find((x) => /skeleton/.test(x.title))!;
    const fixed = applyEdits(text, fix.edits);
    assert.match(
      fixed,
      /\n {2}- Assessment: \[TODO a task or question that shows this objective\]\n/,
    );
    const after = linked(fixed);
    assert.ok(!after.findings.some((x) => x.ruleId === 'unassessed-objective'));
    assert.ok(after.outline.assessments.some((a) => a.parent));
  });

  test('the reference fix adds the ID to the nearest assessment that names objectives', () => {
    const text = `${OBJECTIVES}\n## Exercises\n\n- Write a loop that sums a list (LO1).\n`;
    const f = linked(text).findings.find((x) => x.ruleId === 'unassessed-objective')!;
    const fix = f.fixes.find((x) => /^Reference LO2/.test(x.title))!;
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /- Write a loop that sums a list \(LO1, LO2\)\.\n/);
    assert.ok(!linked(fixed).findings.some((x) => x.ruleId === 'unassessed-objective'));
  });

  test('no reference fix for an ID written twice: the reference could name the other item', () => {
    // duplicate-id reports the ID; a reference to it may link the first item, leaving this one
    // unchecked (found by the fixes-are-safe property, with "Lab:" items as assessments).
    const text = [
      '## Objectives',
      '',
      '- **LO1:** Write a loop that sums a list.',
      '- **LO2:** Explain what the loop variable holds on each pass.',
      '- **LO2:** Trace a nested loop by hand.',
      '',
      '## Exercises',
      '',
      '- Write a loop that sums a list (LO1).',
      '',
    ].join('\n');
    const unassessed = linked(text).findings.filter((x) => x.ruleId === 'unassessed-objective');
    assert.ok(unassessed.length > 0);
    for (const f of unassessed)
      assert.ok(
        !f.fixes.some((x) => /^Reference/.test(x.title)),
        f.fixes.map((x) => x.title).join(),
      );
  });

  test('assessment-below-level: reported where every check asks less, fixed by a skeleton', () => {
    const text = [
      '## Objectives',
      '',
      '- **LO1:** Design a field study that tests a hypothesis.',
      '- **LO2:** Choose a test for two samples.',
      '',
      '## Quiz',
      '',
      '- What is a hypothesis? (LO1)',
      '- Which test would you use for two independent samples? (LO2)',
      '',
    ].join('\n');
    const { findings } = linked(text);
    const below = findings.filter((f) => f.ruleId === 'assessment-below-level');
    assert.deepEqual(
      below.map((f) => f.item?.id),
      ['LO1'],
      '"choose" is also apply: an apply question is enough for LO2',
    );
    assert.match(below[0]!.message, /asks for "design" \(create\).*remember/);
    assert.equal(below[0]!.related.length, 1);
    const fixed = applyEdits(text, below[0]!.fixes[0]!.edits);
    assert.ok(!linked(fixed).findings.some((f) => f.ruleId === 'assessment-below-level'));
  });

  test('an assessment whose level could not be read keeps the rule quiet', () => {
    const text = `## Objectives\n\n- **LO1:** Design a field study.\n\n## Assignments\n\n- Assignment 1 (LO1)\n- What is a hypothesis? (LO1)\n`;
    assert.ok(!linked(text).findings.some((f) => f.ruleId === 'assessment-below-level'));
  });

  test('findings on assessments keep their spans inside the text with CRLF and a BOM', () => {
    const text = `\uFEFF${OBJECTIVES}\n## Exercises\n\n- Write a loop (LO1).\n`.replace(
      /\n/g,
      '\r\n',
    );
    const { outline, findings } = linked(text);
    for (const a of outline.assessments as Assessment[])
      assert.equal(text.slice(a.textSpan.start, a.textSpan.end), 'Write a loop (LO1).');
    for (const f of findings) assert.ok(f.span.end <= text.length);
  });
});

test('assessments alone do not make a file an outline', () => {
  const { findings } = linked('# Exercises\n\n## Exercise 1\n\nWrite a loop.\n');
  assert.deepEqual(findings, []);
  assert.equal(buildOutline('## Quiz\n\n- What is X?\n', 'q.md').assessments.length, 1);
});

test('an assessment table names objectives by ID, number and range; a rename edits only IDs as written', () => {
  const text = [
    '# Course',
    '',
    '## Learning outcomes',
    '',
    '- **LO1** Analyze a market.',
    '- **LO2** Design a plan.',
    '- **LO3** Evaluate a campaign.',
    '- **LO4** Present a pitch.',
    '- **LO5** Write a report.',
    '',
    '## Assessments',
    '',
    '| Assessment | LOs |',
    '| --- | --- |',
    '| Plan | LO1–LO3 |',
    '| Pitch | LO4-5 |',
    '| Report | 5 |',
    '',
  ].join('\n');
  const ws = new Workspace();
  ws.update('c.md', text);
  const o = ws.get('c.md')!;
  const checked = (i: number) => o.objectives[i]!.assessments.map((l) => l.id).sort();
  const ids = o.assessments.map((a) => a.id);
  assert.deepEqual(checked(0), [ids[0]]);
  assert.deepEqual(checked(1), [ids[0]]);
  assert.deepEqual(checked(2), [ids[0]]);
  assert.deepEqual(checked(3), [ids[1]]);
  assert.deepEqual(checked(4), [ids[1], ids[2]].sort());
  // A reference a rename may edit (no `ordinal`) stands where its ID is written.
  for (const a of o.assessments)
    for (const r of a.references)
      if (r.ordinal === undefined)
        assert.equal(text.slice(r.span.start, r.span.end), r.id, `${a.text}: ${r.id}`);
  assert.equal(ws.lint('c.md').filter((f) => f.ruleId === 'unknown-reference').length, 0);
});

test('an alignment matrix of marks links each assessment to the objectives it marks, in either orientation', () => {
  const rowsText = fs.readFileSync(
    path.join(repoRoot, 'test/fixtures/rules/alignment-matrix.md'),
    'utf8',
  );
  const colsText = fs.readFileSync(
    path.join(repoRoot, 'test/fixtures/rules/alignment-matrix-outcomes.md'),
    'utf8',
  );
  for (const [name, t] of [
    ['LF', rowsText],
    ['CRLF', rowsText.replace(/\n/g, '\r\n')],
  ] as const) {
    const { outline, findings } = linked(t);
    // The matrix's rows are the assessments; the programme's map and the activities' map hold
    // no items (no "X" objective, no "Lecture" assessment).
    assert.deepEqual(
      summary(outline),
      [
        'Midterm exam: - -> course#objective-1, course#objective-3',
        'Lab practical: - -> course#objective-2',
        'Unknown bacterium report: - -> course#objective-2, course#objective-4',
        'Final exam: - -> course#objective-1, course#objective-3, course#objective-4',
      ],
      name,
    );
    assert.equal(outline.objectives.length, 5, name);
    // A mark is no ID: its reference is never renamed, and it names nothing unknown.
    for (const a of outline.assessments)
      for (const r of a.references) assert.ok(r.inRange || r.ordinal !== undefined, r.id);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'unknown-reference'),
      [],
      name,
    );
  }
  const { outline } = linked(colsText);
  // The marked columns are the assessments: "X" is no assessment of its own.
  assert.deepEqual(summary(outline), [
    'Quiz 1: - -> course#objective-2',
    'Skills check-off: - -> course#objective-1, course#objective-2',
    'Case study: - -> course#objective-3',
    'Final exam: - -> course#objective-2, course#objective-3',
  ]);
  // A column named for an objective the course does not have ("CLO 7" of five): each of its
  // marks is an unknown reference, reported on the mark.
  const seven = rowsText.replace('| CLO 4 |', '| CLO 7 |');
  const wrong = linked(seven).findings.filter((f) => f.ruleId === 'unknown-reference');
  assert.deepEqual(
    wrong.map((f) => seven.slice(f.span.start, f.span.end)),
    ['x', 'X'],
  );
  assert.match(wrong[0]!.message, /CLO7/);
});

test('a learnr exercise chunk is one exercise, its task the prose before it; solution chunks and code are not', () => {
  const text = fs.readFileSync(
    path.join(repoRoot, 'test/fixtures/rules/learnr-exercises.md'),
    'utf8',
  );
  for (const [name, t] of [
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
  ] as const) {
    const { outline } = linked(t);
    assert.deepEqual(
      summary(outline),
      [
        'Keep the flights that left in January and arrived more than two hours late.: - -> course#objective-1*, course#objective-2*',
        // No prose before it: the chunk's name, where the fence line holds it.
        'filter-free: - -> course#objective-1*, course#objective-2*',
        // Under "### Exercise 2" the heading's exercise holds the chunk: one assessment, not two.
        'Exercise 2: - -> course#objective-1*, course#objective-2*',
      ],
      name,
    );
    const free = outline.assessments.find((a) => a.text === 'filter-free')!;
    assert.equal(t.slice(free.textSpan.start, free.textSpan.end), 'filter-free', name);
  }
  // A chunk without exercise=TRUE, or an exercise option set to FALSE, is code.
  const head = ['# L', '', '## Objectives', '', '- Filter the rows of a data frame.', ''];
  const plain = linked(
    [
      ...head,
      'Run this.',
      '',
      '```{r demo}',
      'flights',
      '```',
      '',
      '```{r off, exercise=FALSE}',
      'flights',
      '```',
      '',
    ].join('\n'),
  );
  assert.deepEqual(summary(plain.outline), []);
  // quarto-live: a {webr} or {pyodide} cell with an `exercise` option.
  const live = [
    ...head,
    '```{webr}',
    '#| exercise: ex_1',
    'flights',
    '```',
    '',
    '```{webr}',
    'flights  # a demo cell',
    '```',
    '',
  ].join('\n');
  const { outline } = linked(live);
  assert.deepEqual(summary(outline), ['ex_1: - -> course#objective-1*']);
  const ex = outline.assessments[0]!;
  assert.equal(live.slice(ex.textSpan.start, ex.textSpan.end), 'ex_1');
});

describe('rating-scale columns of an objectives table', () => {
  test('a "Midterm" or "Final" column of rating marks holds no assessments', () => {
    const { outline } = linked(
      [
        '# Welding',
        '',
        '## Learning objectives',
        '',
        '| LO | Learning objective | Midterm | Final |',
        '| --- | --- | --- | --- |',
        '| LO1 | Identify the parts of a MIG welder within 2 minutes. | S / NI / U | S / NI / U |',
        '| LO2 | Set the wire feed speed without errors. | Met / Not met | Met / Not met |',
        '| LO3 | Weld a butt joint that passes a bend test. | 1 2 3 4 | [ ] |',
        '| LO4 | Grind a bevel to 30 degrees within 2 degrees. | Pass / Fail | ☐ |',
        '| LO5 | Strike an arc on the first try. | Satisfactory / Needs improvement | ____ / 10 |',
      ].join('\n'),
    );
    assert.equal(outline.objectives.length, 5);
    assert.deepEqual(summary(outline), []);
  });
  test('a real assessment column beside a rating column is still read, and marks in it are not assessments', () => {
    const { outline } = linked(
      [
        '# Welding',
        '',
        '## Learning objectives',
        '',
        '| Learning objective | Midterm | Assessment |',
        '| --- | --- | --- |',
        '| Identify the parts of a MIG welder within 2 minutes. | S / NI / U | Written quiz |',
        '| Weld a butt joint that passes a bend test. | S / NI / U | Bend test of a practice coupon |',
        '| Grind a bevel to 30 degrees within 2 degrees. | S / NI / U | Yes / No |',
      ].join('\n'),
    );
    assert.deepEqual(
      summary(outline).map((s) => s.replace(/:.*/, '')),
      ['Written quiz', 'Bend test of a practice coupon'],
    );
  });
  test('assessment cells that only look short stay assessments', () => {
    const { outline } = linked(
      [
        '# Statistics',
        '',
        '## Learning objectives',
        '',
        '| Learning objective | Assessment |',
        '| --- | --- |',
        '| Compute a mean by hand within 2 minutes. | Quiz 1 |',
        '| Explain what a p-value is, without notes. | Exam |',
        '| Fit a linear model to a data set without errors. | 1, 2 |',
        '| Interpret a confidence interval correctly every time. | X |',
      ].join('\n'),
    );
    assert.deepEqual(
      summary(outline).map((s) => s.replace(/:.*/, '')),
      ['Quiz 1', 'Exam', '1, 2', 'X'],
    );
  });
});

test("a 5E lesson plan's Evaluate phase lists its assessments; a data lesson's Evaluate step does not", () => {
  const plan = [
    '# 5E Lesson Plan: Density',
    '',
    '## Objectives',
    '',
    'Students will be able to:',
    '',
    '- Calculate the density of an object from its mass and volume.',
    '- Explain why a steel ship floats.',
    '',
    '## Engage (10 min)',
    '',
    'Show a can of regular soda and a can of diet soda in a tank of water.',
    '',
    '## Explore (30 min)',
    '',
    'In groups, students measure the mass and volume of each cube.',
    '',
    '## Evaluate (20 min)',
    '',
    '- Exit ticket: three density problems (2 of 3 correct to meet the objective)',
    '- Lab sheet graded with the lab rubric',
    '- Foil boat explanation scored with the claim-evidence-reasoning rubric',
    '',
  ].join('\n');
  const read = buildOutline(plan, 'plan.md').assessments.map((a) => a.text);
  assert.deepEqual(read, [
    'three density problems (2 of 3 correct to meet the objective)',
    'Lab sheet graded with the lab rubric',
    'Foil boat explanation scored with the claim-evidence-reasoning rubric',
  ]);
  const lesson = [
    '# Linear regression',
    '',
    '## Objectives',
    '',
    '- Fit a linear regression model.',
    '',
    '## Evaluate',
    '',
    '- Compute the RMSE on the test set.',
    '- Plot the residuals.',
    '',
  ].join('\n');
  assert.deepEqual(buildOutline(lesson, 'lesson.md').assessments, []);
});

test('a numbered list of learning outcomes without IDs: "LO1", "CLO2", "CO3" name them in order', () => {
  const text = [
    '# Module Descriptor: CS2045 Databases',
    '',
    '## Learning outcomes',
    '',
    'On successful completion of the module, students will be able to:',
    '',
    '1. Design a normalised relational schema for a given scenario.',
    '2. Write SQL queries involving joins, grouping and subqueries.',
    '3. Explain how transactions preserve consistency under concurrency.',
    '4. Evaluate NoSQL and relational designs for a given workload.',
    '',
    '## Weekly objectives',
    '',
    '- Draw an entity-relationship diagram.',
    '',
    '## Assessment',
    '',
    '| Component | Weight | Learning outcomes assessed |',
    '| --- | --- | --- |',
    '| Coursework: database design report | 50% | LO1, LO4 |',
    '| Unseen exam (2 hours) | 50% | LO2-LO3 |',
    '',
  ].join('\n');
  const ws = new Workspace();
  ws.update('m.md', text);
  const o = ws.get('m.md')!;
  const checkedBy = (i: number) =>
    o.objectives[i]!.assessments.map((l) => o.assessments.find((a) => a.id === l.id)!.text);
  assert.deepEqual(checkedBy(0), ['Coursework: database design report']);
  assert.deepEqual(checkedBy(1), ['Unseen exam (2 hours)']);
  assert.deepEqual(checkedBy(2), ['Unseen exam (2 hours)']);
  assert.deepEqual(checkedBy(3), ['Coursework: database design report']);
  assert.deepEqual(
    ws.lint('m.md').filter((f) => f.ruleId === 'unknown-reference'),
    [],
  );
  // A number beyond the course's list names nothing: still reported.
  ws.update('m.md', text.replace('LO1, LO4', 'LO1, LO7'));
  assert.deepEqual(
    ws
      .lint('m.md')
      .filter((f) => f.ruleId === 'unknown-reference')
      .map((f) => text.replace('LO1, LO4', 'LO1, LO7').slice(f.span.start, f.span.end)),
    ['LO7'],
  );
});

test('a range of IDs in an item ("(CO1-CO3)", "assesses LO4-6") names every objective in it', () => {
  const text = [
    '# C',
    '',
    '## Course Outcomes',
    '',
    '- CO1: Write a DFA for a given language.',
    '- CO2: Develop regular expressions for a given regular language.',
    '- CO3: Design context free grammars for a given language.',
    '- LO4: Explain the pumping lemma.',
    '- LO5: Prove that a language is not regular.',
    '- LO6: Convert a grammar to Chomsky normal form.',
    '',
    '## Assessments',
    '',
    '- Two tests of 25 marks each (CO1-CO3)',
    '- Problem sheet 2, which assesses LO4-6',
    '- Viva (CO1 – CO2)',
    '',
  ].join('\n');
  const ws = new Workspace();
  ws.update('r.md', text);
  const o = ws.get('r.md')!;
  const by = (i: number) =>
    o.objectives[i]!.assessments.map((l) => o.assessments.find((a) => a.id === l.id)!.text);
  assert.deepEqual(by(0), ['Two tests of 25 marks each (CO1-CO3)', 'Viva (CO1 – CO2)']);
  assert.deepEqual(by(1), ['Two tests of 25 marks each (CO1-CO3)', 'Viva (CO1 – CO2)']);
  assert.deepEqual(by(2), ['Two tests of 25 marks each (CO1-CO3)']);
  for (const i of [3, 4, 5]) assert.deepEqual(by(i), ['Problem sheet 2, which assesses LO4-6']);
  assert.deepEqual(
    ws
      .lint('r.md')
      .filter((f) => f.ruleId === 'unassessed-objective' || f.ruleId === 'unknown-reference'),
    [],
  );
  // What a range only implies is not written: a rename of CO2 edits no text of the range.
  const implied = o.assessments[0]!.references.filter((r) => r.id === 'CO2');
  assert.equal(implied.length, 1);
  assert.equal(implied[0]!.inRange, true);
});

test('a performance evaluation scored on a rubric ("## Tour evaluation") is one assessment; a course evaluation or a model evaluation is not', () => {
  const text = fs.readFileSync(
    path.join(repoRoot, 'test/fixtures/rules/docent-training.md'),
    'utf8',
  );
  const { outline } = linked(text);
  assert.deepEqual(summary(outline), [
    'Tour evaluation: - -> course#objective-1*, course#objective-2*, course#objective-3*, course#objective-4*, course#objective-5*',
  ]);
  // Certified by a scored assessment: not workplace training that owes business outcomes.
  assert.equal(courseKind(outline).value, 'academic');
  const model = linked(
    [
      '# Churn prediction',
      '',
      '## Objectives',
      '',
      '- Train a logistic regression model on the churn data.',
      '',
      '## Model evaluation',
      '',
      'The model is scored on the held-out test set with the F1 score.',
      '',
    ].join('\n'),
  ).outline;
  assert.deepEqual(summary(model), []);
});

test('a "Project:" line in a header of "Key: value" lines (a storyboard\'s) names the production, not an assessment', () => {
  const text = fs.readFileSync(
    path.join(repoRoot, 'test/fixtures/rules/storyboard-header.md'),
    'utf8',
  );
  for (const t of [text, text.replace(/\n/g, '\r\n')]) {
    const { outline } = linked(t);
    assert.deepEqual(summary(outline), [
      'Final assessment: - -> course#objective-1*, course#objective-2*, course#objective-3*',
    ]);
  }
  // A project on its own is still one.
  const { outline } = linked(
    [
      '# Web basics',
      '',
      '## Objectives',
      '',
      '- Build a static web page with HTML and CSS.',
      '',
      'Project: Build a personal portfolio page and publish it on GitHub Pages.',
      '',
    ].join('\n'),
  );
  assert.equal(outline.assessments.length, 1);
});

test('"Integrated Performance Assessment (IPA)" and "Performance assessment" name assessments', () => {
  const text = fs.readFileSync(path.join(repoRoot, 'test/fixtures/rules/can-do-unit.md'), 'utf8');
  const { outline } = linked(text);
  assert.deepEqual(
    summary(outline).map((s) => s.replace(/ -> .*/, '')),
    [
      'Interpretive task: read a brochure for a town in Costa Rica and answer comprehension questions (rubric).: -',
      'Presentational task: record a 90-second video tour of your neighborhood (rubric).: apply',
    ],
  );
  assert.equal(outline.assessments[0]!.objectives.length, 4);
  const performance = linked(
    [
      '# Unit 4',
      '',
      '## Objectives',
      '',
      '- Write a persuasive letter.',
      '',
      '## Performance assessment',
      '',
      '- Write a letter to the city council about a local issue.',
      '',
    ].join('\n'),
  ).outline;
  assert.equal(performance.assessments.length, 1);
});
