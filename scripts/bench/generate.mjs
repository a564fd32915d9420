// Generates the benchmark's course outline: a large, realistic Markdown outline with a fixed
// number of learning objectives, in the shapes course authors really write (good objectives with
// a Bloom verb and a criterion, vague "Understand how to ..." ones, compound ones, bold IDs,
// task-list items, "#### Outcomes" sections with and without measures, prose, links, code).
// Deterministic: the same seed and size always give the same text, byte for byte.

/** mulberry32: a small seeded PRNG, so the outline never depends on Math.random. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// Each domain: module topics, lesson titles, concepts (explain/compare/...), tasks (whole verb phrases),
// artifacts (create verbs), and what an outcome measures in the learners' work.
const DOMAINS = [
  {
    name: 'Secure Remote Access',
    lessons: [
      'VPN fundamentals',
      'Configuring site-to-site tunnels',
      'Client VPN rollout',
      'Multi-factor authentication',
      'Zero-trust network access',
      'Troubleshooting dropped connections',
      'Logging and monitoring remote sessions',
    ],
    concepts: [
      'the difference between IPsec and TLS-based VPNs',
      'the role of certificates in client authentication',
      'split tunnelling and its security trade-offs',
      'the principle of least privilege for remote users',
      'how zero-trust access differs from a perimeter model',
      'common causes of VPN handshake failures',
    ],
    tasks: [
      'configure a site-to-site VPN tunnel on the lab firewall',
      'install the corporate VPN client on a managed laptop',
      'set up conditional access policies for remote staff',
      'troubleshoot a failed IKE phase 1 negotiation from the gateway logs',
      'complete MFA enrolment for a new starter',
    ],
    artifacts: [
      'a remote access policy for a 200-person office',
      'a runbook for VPN outages',
      'a rollout plan for the new VPN client',
    ],
    metrics: [
      ['VPN helpdesk tickets', 40, 10, 'per month'],
      ['mean time to restore remote access', 90, 30, 'minutes'],
      ['accounts without MFA', 120, 0, 'accounts'],
    ],
  },
  {
    name: 'Data Analysis with SQL',
    lessons: [
      'Relational data and keys',
      'Filtering and sorting',
      'Joins',
      'Aggregation and grouping',
      'Window functions',
      'Query performance basics',
      'Reporting to stakeholders',
    ],
    concepts: [
      'the difference between an inner join and a left join',
      'why NULL comparisons behave differently',
      'how an index speeds up a lookup',
      'the purpose of a primary key',
      'when to use a window function instead of GROUP BY',
    ],
    tasks: [
      'write a SQL query that joins three tables',
      'produce a monthly sales summary with GROUP BY and HAVING',
      'calculate a running total with a window function',
      'diagnose a slow query using the execution plan',
      'remove duplicate customer records from the CRM export',
    ],
    artifacts: [
      'a reporting dashboard for the regional sales team',
      'a data dictionary for the orders schema',
      'a reusable query library for the finance team',
    ],
    metrics: [
      ['ad-hoc report requests to the data team', 60, 20, 'per month'],
      ['time to produce the weekly sales report', 6, 1, 'hours'],
      ['reporting errors found in audit', 12, 2, 'per quarter'],
    ],
  },
  {
    name: 'Customer Service Excellence',
    lessons: [
      'Active listening',
      'Handling complaints',
      'De-escalation techniques',
      'Writing clear emails',
      'Service recovery',
      'Measuring satisfaction',
    ],
    concepts: [
      'the stages of the service recovery paradox',
      'the difference between empathy and sympathy in a complaint call',
      'why first-contact resolution matters to customers',
      'the signals that a caller is escalating',
    ],
    tasks: [
      'apply the LEAP de-escalation model in a role-play call',
      'write a reply to an angry customer email',
      'resolve a complaint using the five-step resolution process',
      'use open and closed questions to diagnose a billing problem',
    ],
    artifacts: [
      'a set of email templates for common complaints',
      'a call script for refund requests',
      'a service recovery checklist for the team',
    ],
    metrics: [
      ['complaints escalated to a manager', 35, 15, 'per month'],
      ['average handling time', 11, 8, 'minutes'],
      ['repeat contacts for the same issue', 22, 10, 'percent'],
    ],
  },
  {
    name: 'Project Management Essentials',
    lessons: [
      'Project charters',
      'Scope and requirements',
      'Scheduling and critical path',
      'Risk management',
      'Stakeholder communication',
      'Closing a project',
    ],
    concepts: [
      'the triple constraint of scope, time and cost',
      'the difference between a risk and an issue',
      'how the critical path determines the finish date',
      'the purpose of a RACI matrix',
    ],
    tasks: [
      'calculate the critical path for a twelve-task network diagram',
      'complete a risk register for the office move project',
      'use earned value to report schedule variance',
      'submit a change request to the change control board',
    ],
    artifacts: [
      'a project charter for a small internal project',
      'a communication plan for five stakeholder groups',
      'a work breakdown structure for a website relaunch',
    ],
    metrics: [
      ['projects delivered late', 45, 20, 'percent'],
      ['unapproved scope changes', 18, 4, 'per project'],
      ['budget overrun on internal projects', 25, 10, 'percent'],
    ],
  },
  {
    name: 'Workplace Health and Safety',
    lessons: [
      'Hazard identification',
      'Risk assessment',
      'Manual handling',
      'Fire safety',
      'Incident reporting',
      'Working at height',
    ],
    concepts: [
      'the hierarchy of controls',
      'the difference between a hazard and a risk',
      'the employer and employee duties under the safety policy',
      'why near misses should be reported',
    ],
    tasks: [
      'carry out a workstation risk assessment',
      'demonstrate safe lifting technique for a 15 kg box',
      'file an incident report in the safety system',
      'select the correct fire extinguisher for a given fire class',
    ],
    artifacts: [
      'a risk assessment for a warehouse task',
      'a toolbox talk on ladder safety',
      'an evacuation plan for a single floor',
    ],
    metrics: [
      ['lost-time injuries', 9, 3, 'per year'],
      ['near-miss reports submitted', 5, 25, 'per month'],
      ['overdue risk assessments', 30, 5, 'assessments'],
    ],
  },
  {
    name: 'Python for Automation',
    lessons: [
      'Variables and data types',
      'Control flow',
      'Working with files',
      'Calling web APIs',
      'Error handling',
      'Scheduling scripts',
      'Testing your scripts',
    ],
    concepts: [
      'the difference between a list and a dictionary',
      'how exceptions propagate up the call stack',
      'why virtual environments isolate dependencies',
      'the purpose of unit tests',
    ],
    tasks: [
      'write a script that renames files by date',
      'generate a CSV report from a JSON API response',
      'debug a failing script using the debugger',
      'schedule a cron job that runs a script every night',
      'write pytest tests for a parsing function',
    ],
    artifacts: [
      'a command-line tool that cleans up old log files',
      'an automated weekly report script',
      'a small library of reusable helper functions',
    ],
    metrics: [
      ['hours spent on manual data entry', 30, 10, 'per week'],
      ['failed overnight jobs', 14, 3, 'per month'],
      ['manual steps in the month-end close', 40, 15, 'steps'],
    ],
  },
];

const GOOD_VERBS = {
  concepts: ['Explain', 'Describe', 'Compare', 'Summarize', 'Distinguish', 'Identify', 'Outline'],
  artifacts: ['Design', 'Write', 'Create', 'Develop', 'Draft', 'Produce', 'Build'],
  judge: ['Evaluate', 'Assess', 'Critique', 'Justify', 'Recommend', 'Prioritize'],
};

const CRITERIA = [
  'within 10 minutes',
  'within 20 minutes',
  'with no more than 2 errors',
  'with no more than one error',
  'scoring at least 80% on the rubric',
  'to the standard in the assessment checklist',
  'without referring to notes',
  'with 100% accuracy',
  'in under 5 minutes',
  'meeting all criteria on the observation sheet',
  'in a timed practical of 30 minutes',
  'correctly in 4 out of 5 cases',
];

const VAGUE_LEADS = [
  'Understand how to',
  'Understand',
  'Know the',
  'Know how to',
  'Be familiar with',
  'Be aware of',
  'Appreciate',
  'Learn about',
  'Gain an understanding of',
  'Have a working knowledge of',
  'Become comfortable with',
];

const COMPOUND_PAIRS = [
  ['Identify', 'explain'],
  ['Describe', 'compare'],
  ['Recognize', 'explain'],
  ['List', 'describe'],
  ['Explain', 'illustrate'],
  ['Analyze', 'discuss'],
];

const PROSE = [
  'This lesson builds on the previous one and assumes you have completed the pre-reading.',
  'Participants work in pairs for most of the session, with a short debrief at the end.',
  'Allow about 90 minutes, including a 10-minute break halfway through.',
  'The facilitator should check the lab environment the day before the session.',
  'Most of the time is spent on the practical exercise; keep the theory short.',
  'Bring examples from your own team if you can; real cases make the discussion better.',
  'The slides are a guide only; adapt the examples to the group in the room.',
  'Learners who finish early can attempt the stretch exercise at the end of the workbook.',
  'This topic comes up in the end-of-course assessment, so leave time for questions.',
  'We revisit these ideas in the capstone project, where they are assessed in context.',
];

const LINKS = [
  ['lab guide', '../labs/lab-guide.md'],
  ['facilitator notes', './facilitator-notes.md#session-plan'],
  ['workbook', 'https://example.com/workbook.pdf'],
  ['assessment rubric', '../assessment/rubric.md'],
  ['reading list', 'https://example.org/reading-list'],
  ['glossary', '../glossary.md'],
];

const FENCES = [
  ['bash', ['ssh trainee@lab-gw-01', 'sudo ipsec statusall', 'tail -n 50 /var/log/charon.log']],
  [
    'sql',
    [
      'SELECT region, SUM(amount) AS total',
      'FROM orders',
      "WHERE order_date >= DATE '2024-01-01'",
      'GROUP BY region;',
    ],
  ],
  [
    'python',
    [
      'import csv, json',
      'rows = json.load(open("export.json"))',
      '- this dash is code, not an objective',
      'csv.writer(open("out.csv", "w")).writerows(rows)',
    ],
  ],
  ['yaml', ['session:', '  length: 90', '  materials:', '    - slides', '    - handout']],
  ['text', ['- Understand the agenda (not an objective: inside a code fence)', '- Know the rules']],
];

const VANITY = [
  '90% course completion',
  'Achieve a 4.5/5 average satisfaction score on the end-of-course survey',
  '95% of participants attend every session',
  'At least 85% of learners rate the course as "useful" or better',
  'All participants complete the e-learning module',
];

const OUTPUTS = [
  'Deliver three workshops',
  'Publish the course handbook on the intranet',
  'Run two follow-up coaching sessions per team',
  'Record the webinar and share it with all staff',
  'Train 120 staff by the end of the year',
];

const TIMEFRAMES = [
  'within two quarters',
  'by the end of Q3',
  'within six months',
  'within 90 days',
  'by year end',
];

/**
 * Builds the outline text.
 * @param {{ objectives?: number, seed?: number }} [options]
 * @returns {{ text: string, objectives: number, outcomes: number, modules: number, lessons: number }}
 */
export function generateOutline({ objectives: wanted = 6000, seed = 20240611 } = {}) {
  const rnd = createRandom(seed);
  const out = [];
  let objectiveCount = 0;
  let outcomeCount = 0;
  let loNumber = 0;
  let lessonCount = 0;
  let moduleNumber = 0;

  const line = (text = '') => out.push(text);

  const criterion = () => rnd.pick(CRITERIA);

  const cap = (text) => text[0].toUpperCase() + text.slice(1);
  const concept = (domain) => `${rnd.pick(GOOD_VERBS.concepts)} ${rnd.pick(domain.concepts)}`;
  const task = (domain) => cap(rnd.pick(domain.tasks));
  const artifact = (domain) => `${rnd.pick(GOOD_VERBS.artifacts)} ${rnd.pick(domain.artifacts)}`;
  const good = (domain) => rnd.pick([concept, task, task, artifact])(domain);

  // One objective's text (without the list marker), in one of the shapes authors write.
  const objectiveText = (domain) => {
    const r = rnd.next();
    if (r < 0.3) return `${good(domain)} ${criterion()}`;
    if (r < 0.5) return good(domain);
    if (r < 0.56) {
      return `${rnd.pick(GOOD_VERBS.judge)} ${rnd.pick(domain.artifacts)} against the team's standards`;
    }
    if (r < 0.77) {
      const lead = rnd.pick(VAGUE_LEADS);
      if (lead.endsWith('how to')) return `${lead} ${rnd.pick(domain.tasks)}`;
      if (lead.endsWith(' the')) return `${lead} ${rnd.pick(domain.concepts).replace(/^the /, '')}`;
      return `${lead} ${rnd.pick(domain.concepts)}`;
    }
    if (r < 0.88) {
      const [a, b] = rnd.pick(COMPOUND_PAIRS);
      const tail = rnd.chance(0.4) ? ` ${criterion()}` : '';
      return `${a} and ${b} ${rnd.pick(domain.concepts)}${tail}`;
    }
    if (r < 0.93) {
      // No behaviour at all: a topic written as an objective.
      return `${rnd.pick(['Basics of', 'Overview of', 'Introduction to', 'Key facts about'])} ${rnd.pick(domain.concepts)}`;
    }
    // Formatting inside the item: emphasis, inline code, a link.
    const verb = rnd.pick(GOOD_VERBS.artifacts);
    const thing = rnd.pick(domain.artifacts);
    const r2 = rnd.next();
    if (r2 < 0.33) return `${verb} *${thing}* ${criterion()}`;
    if (r2 < 0.66) {
      const file = rnd.pick(['checklist.md', 'template.xlsx', 'runbook.md']);
      return `${verb} ${thing} using the \`${file}\` template`;
    }
    const [label, href] = rnd.pick(LINKS);
    return `${verb} ${thing} as shown in the [${label}](${href})`;
  };

  const outcomeText = (domain, ids) => {
    const refs = ids.length > 0 && rnd.chance(0.7) ? ` (${ids.join(', ')})` : '';
    const r = rnd.next();
    if (r < 0.45) {
      const [what, from, to, unit] = rnd.pick(domain.metrics);
      const verb = to < from ? 'Reduce' : 'Increase';
      return `${verb} ${what} from ${from} to ${to} ${unit} ${rnd.pick(TIMEFRAMES)}${refs}`;
    }
    if (r < 0.6) {
      const [what] = rnd.pick(domain.metrics);
      return `Improve ${what}${refs}`;
    }
    if (r < 0.8) return `${rnd.pick(VANITY)}${refs}`;
    return `${rnd.pick(OUTPUTS)}${refs}`;
  };

  const outcomes = (domain, ids) => {
    line('#### Outcomes');
    line();
    const n = rnd.int(1, 3);
    for (let i = 0; i < n; i++) {
      const some = ids.filter(() => rnd.chance(0.4)).slice(0, 3);
      line(`- ${outcomeText(domain, some)}`);
      outcomeCount++;
    }
    line();
  };

  const prose = () => {
    const n = rnd.int(1, 2);
    const sentences = [];
    for (let i = 0; i < n; i++) sentences.push(rnd.pick(PROSE));
    if (rnd.chance(0.3)) {
      const [label, href] = rnd.pick(LINKS);
      sentences.push(`See the [${label}](${href}) for details.`);
    }
    line(sentences.join(' '));
    line();
  };

  line('# Modern Workplace Skills: Blended Learning Programme');
  line();
  line(
    'This outline lists the modules, lessons, learning objectives and business outcomes of the ' +
      'programme. It is maintained by the learning and development team; see the ' +
      '[contribution guide](./CONTRIBUTING.md) before editing.',
  );
  line();

  while (objectiveCount < wanted) {
    moduleNumber++;
    const domain = DOMAINS[(moduleNumber - 1) % DOMAINS.length];
    const part = Math.floor((moduleNumber - 1) / DOMAINS.length) + 1;
    line(`## Module ${moduleNumber}: ${domain.name}${part > 1 ? ` (Part ${part})` : ''}`);
    line();
    prose();
    const moduleIds = [];
    const lessons = rnd.int(3, 6);
    for (let l = 1; l <= lessons && objectiveCount < wanted; l++) {
      lessonCount++;
      line(`### Lesson ${moduleNumber}.${l}: ${rnd.pick(domain.lessons)}`);
      line();
      if (rnd.chance(0.35)) prose();
      if (rnd.chance(0.08)) {
        const [lang, body] = rnd.pick(FENCES);
        line('```' + lang);
        for (const b of body) line(b);
        line('```');
        line();
      }
      line('By the end of this lesson, participants will be able to:');
      line();
      const taskList = rnd.chance(0.12);
      const withIds = rnd.chance(0.35);
      const n = Math.min(rnd.int(3, 9), wanted - objectiveCount);
      const ids = [];
      for (let i = 0; i < n; i++) {
        let prefix = taskList ? `- [${rnd.chance(0.2) ? 'x' : ' '}] ` : '- ';
        if (withIds) {
          loNumber++;
          ids.push(`LO${loNumber}`);
          prefix += `**LO${loNumber}:** `;
        }
        line(prefix + objectiveText(domain));
        objectiveCount++;
      }
      line();
      moduleIds.push(...ids);
      if (rnd.chance(0.45)) outcomes(domain, ids);
    }
    if (rnd.chance(0.3)) {
      line(`### Module ${moduleNumber} review`);
      line();
      prose();
      outcomes(domain, moduleIds);
    }
  }

  return {
    text: out.join('\n'),
    objectives: objectiveCount,
    outcomes: outcomeCount,
    modules: moduleNumber,
    lessons: lessonCount,
  };
}
