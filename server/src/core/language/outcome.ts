// Reads one outcome the way an evaluator would (SMART, Kirkpatrick): is there a metric with a
// target, a timeframe, is the only measure a vanity metric (completion, attendance...), is it an
// output of the trainer ("Deliver three workshops") rather than a change, and which Kirkpatrick
// level does it reach. Plain text in, spans into that plain text out.
import type { KirkpatrickLevel } from '../model.js';
import { execText, forText, lazy, type LazyPattern, mayMatch, testText } from './ascii.js';
import { maskPlaceholders, NUM } from './words.js';
import { memo } from '../memo.js';
import type { PlainSpan } from './objective.js';

export interface OutcomeReading {
  target: PlainSpan | null;
  timeframe: PlainSpan | null;
  vanity: PlainSpan | null;
  output: PlainSpan | null;
  kirkpatrick: KirkpatrickLevel | null;
  placeholder: PlainSpan | null;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const PERIOD = String.raw`(?:days?|weeks?|months?|quarters?|years?|yrs?|fiscal\s+years?|financial\s+years?|semesters?|terms?|sprints?|cycles?|business\s+days?|working\s+days?)`;
const QUARTER = String.raw`(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:first|second|third|fourth|next|last)\s+(?:quarter|half)|(?:19|20)\d{2})`;

/** "the", or a possessive for a timeframe counted from each person's own start ("within their
 * first month", "in your first 90 days"). */
const DETERMINER = String.raw`(?:the|their|your|his|her|its|our|each|every)`;

const TIMEFRAMES: (RegExp | LazyPattern)[] = [
  // "within 90 days", "in the first two quarters", "over the next 12 months of the pilot"
  lazy(
    String.raw`\b(?:within|in|over|after|during|for)\s+(?:${DETERMINER}\s+)?(?:(?:first|next|following|coming|last)\s+)?(?:a|an|one|${NUM})\s+(?:(?:academic|calendar|financial|fiscal|school|full|working|business)\s+)?${PERIOD}\b(?:\s+(?:of|after|following)\s+[\p{L}\s-]{0,40}?(?=[,.;)]|$))?`,
    'iu',
  ),
  // "in the first quarter", "within the week" (a bare "in the week" is not a timeframe)
  new RegExp(
    String.raw`\b(?:within|in|over|during)\s+${DETERMINER}\s+(?:first|next|following|coming)\s+(?:(?:academic|calendar|financial|fiscal|school)\s+)?${PERIOD}\b|\bwithin\s+(?:the|a|this)\s+(?:(?:academic|calendar|financial|fiscal|school)\s+)?(?:week|month|quarter|year|semester|term)\b`,
    'iu',
  ),
  // "by the end of term", "before the end of the pilot", "by end of course", "this year"
  /\b(?:by|before|until|at)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:(?:academic|calendar|financial|fiscal|school)\s+)?(?:term|semester|year|quarter|month|week|course|programme|program|pilot|rollout|roll-out|project|season|placement|probation(?:ary\s+period)?)\b|\b(?:this|next)\s+(?:(?:academic|calendar|financial|fiscal|school)\s+)?(?:year|quarter|month|semester|term)\b/i,
  new RegExp(
    String.raw`\b(?:by|before|until|in|during|from|through|throughout|at)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:${QUARTER}|${MONTH}(?:\s+\d{4})?|(?:this|next|the)\s+(?:year|quarter|month|semester|term|financial\s+year|fiscal\s+year)|year[-\s]end|end\s+of\s+(?:year|quarter|month))\b`,
    'iu',
  ),
  new RegExp(String.raw`\b${NUM}\s+${PERIOD}\s+(?:after|following|post|from|of)\b`, 'i'),
  /\b(?:by|before)\s+(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}\/\d{1,2}\/\d{2,4})/i,
  new RegExp(
    String.raw`\b(?:by|before|until|on)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b(?:\s+\d{4})?`,
    'i',
  ),
  /\b(?:each|every|per)\s+(?:quarter|month|week|year|semester)\s+(?:for|over)\s+/i,
  // A point counted from each person's start: "by their 90th day", "by week 6 of their
  // employment", "on day 30", "by the end of week 2" ("after the 3rd training session" is an
  // event, not a time).
  new RegExp(
    String.raw`\b(?:by|before|until|on|at|within)\s+(?:${DETERMINER}\s+)?(?:end\s+of\s+(?:${DETERMINER}\s+)?)?(?:\d+(?:st|nd|rd|th)\s+(?:day|week|month|shift)|(?:day|week|month)\s+\d+)\b`,
    'i',
  ),
  // A dated cohort or start: "for hires starting after 1 March 2027", "from 1 September 2026".
  new RegExp(
    String.raw`\b(?:after|from|since|starting)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\s+\d{4}\b|\b(?:after|from|since|starting)\s+${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
    'i',
  ),
  // A check at a point counted from the start: "90-day pulse survey", "at the 60-day review",
  // "6-month follow-up" (not "a 30-day trial", which names no check).
  lazy(
    String.raw`\b${NUM}[-\s](?:day|week|month|year)\s+(?:[\p{L}-]+\s+){0,2}?(?:follow[-\s]?ups?|pulse(?:\s+(?:surveys?|checks?))?|surveys?|reviews?|check[-\s]?ins?|marks?|evaluations?|audits?|assessments?|appraisals?|observations?)\b`,
    'iu',
  ),
  // A rollout's dated milestone: "before go-live", "at cutover", "by launch" (a plan's
  // schedule dates them).
  /\b(?:by|before|at|until)\s+(?:the\s+)?(?:go-?live|cut-?over|launch|roll-?out|switch-?over)\b/i,
  // A recurring review: "in the annual third-party audit", "at each quarterly inspection", "by
  // next annual survey" (a table's "When" column).
  lazy(
    String.raw`\b(?:in|at|by|on|from|during)\s+(?:(?:the|each|every|our|its|their)\s+(?:next\s+)?|next\s+)(?:annual|yearly|quarterly|monthly|weekly|biannual|bi-annual|half-yearly|six-monthly|termly)\s+(?:[\p{L}-]+\s+){0,3}?(?:audits?|reviews?|surveys?|reports?|inspections?|assessments?|appraisals?|checks?|evaluations?|drills?|exercises?|tests?|census(?:es)?|stock[-\s]?takes?|counts?)\b`,
    'iu',
  ),
];

/** A measure's window in parentheses after its name: "User adoption (30 days)", "Reopened
 * tickets (90-day)", "Churn (6-12 months post-launch)", "(3mo)". Read only where no other
 * timeframe is, and not after a measure of time ("Time to resolve (2 days)": its target); run
 * only on a text with a digit just inside a parenthesis (parenDigit: the cold check of a small
 * file runs as few patterns as it can, test/cli/cold-start.test.ts). */
const PAREN_WINDOW = lazy(
  String.raw`\(\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?[-\s]?(?:days?|weeks?|months?|mos?|quarters?|years?|yrs?)(?:\s+(?:post|after)[-\s][\p{L}-]+)?\s*\)`,
  'iu',
);
/** Whether some "(" in the text is followed, past spaces, by a digit (no pattern run). */
function parenDigit(text: string): boolean {
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
    let j = i + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    const c = text.charCodeAt(j);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
/** A measure of time, whose figure in parentheses is its value, not a window. */
const TIME_MEASURE =
  /\b(?:time|times|duration|turnaround|lead\s+time|tenure|waits?|waiting|delays?|age|speed|days|hours|weeks|months)\b/i;

const TARGETS: (RegExp | LazyPattern)[] = [
  // The unit and the words before "to" are matched whole, never a part of a word
  // (`(?=(\p{L}+))\1` is an atomic group): backtracking into "from 1 aaaa..." was quadratic.
  lazy(
    String.raw`\bfrom\s+(?:about\s+|around\s+)?[$£€]?${NUM}\s*(?:%|\/\s?(?=(\p{L}+))\1|(?=(\p{L}+))\2)?\s*(?:(?=(\p{L}+))\3\s+){0,3}?(?:\([^()]{0,40}\)\s*)?to\s+(?:(?:under|below|over|above|(?:less|fewer|more)\s+than|at\s+(?:least|most))\s+)?[$£€]?${NUM}(?:\s*(?:%|percent\b|per\s+cent\b)|(?:k|m|bn)\b|\/\s?(?=(\p{L}+))\4)?`,
    'iu',
  ),
  new RegExp(
    String.raw`\bby\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?[$£€]?${NUM}\s*(?:%|percent|per\s+cent|percentage\s+points?|points?|pp)?`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:to|at|under|below|above|over|within|reach(?:es|ing)?|hit(?:s|ting)?)\s+(?:at\s+least\s+|at\s+most\s+|fewer\s+than\s+|less\s+than\s+|more\s+than\s+|no\s+more\s+than\s+|a\s+)?[$£€]?${NUM}\s*(?:%|percent|per\s+cent|k\b|m\b)?`,
    'i',
  ),
  new RegExp(
    String.raw`(?:[$£€]\s?\d[\d,.]*(?:k|m|bn)?|\b\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent|percentage\s+points?))`,
    'i',
  ),
  lazy(
    String.raw`\b(?:at\s+least|at\s+most|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than|a\s+minimum\s+of|a\s+maximum\s+of|zero|no)\s+(?:${NUM}\s+)?[\p{L}-]+`,
    'iu',
  ),
  new RegExp(String.raw`\b${NUM}\s+(?:out\s+)?of\s+${NUM}\b`, 'i'),
  // Any other number (not a year) is a target: "Train 200 staff".
  /\b(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)*\b/,
  /\b(?:double|doubles|doubling|triple|triples|tripling|halve|halves|halving|by\s+half|in\s+half|eliminate|eliminates|eliminating)\b/i,
  lazy(
    String.raw`\b${NUM}\s+(?:or\s+(?:more|fewer|less)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:per|a|an|each)\s+(?:day|week|month|quarter|year|shift|agent|employee|user|customer|ticket|call)\b`,
    'iu',
  ),
];

/** The targets that state a change: from a baseline to a target, or by an amount. */
const CHANGES = TARGETS.slice(0, 2);

const VANITY: (RegExp | LazyPattern)[] = [
  // Completing (or finishing) the course, not work done on the job: "inspection log completion",
  // "work order completion", "checklist completion" are behaviour (Kirkpatrick 3).
  /\b(?:course|module|training|programme|program|e-?learning|lesson|curriculum)\s*completion(?:\s+rates?)?\b|(?<!\b(?:inspections?|logs?|checklists?|tasks?|jobs?|work|orders?|reports?|forms?|audits?|maintenance|documentation|records?|projects?|tickets?|cases?|procedures?|checks?|charts?|charting|plans?|handovers?|timesheets?|reviews?|repairs?|installations?|deliver(?:y|ies)|requests?|permits?)\s+)\bcompletion(?:\s+rates?)?\b/i,
  lazy(
    String.raw`\b(?:complet(?:e|es|ed|ing)|finish(?:es|ed|ing)?)\s+(?:the\s+|this\s+|all\s+|their\s+)?(?:[\p{L}\p{N}-]+\s+){0,2}?(?:courses?|modules?|trainings?|programmes?|programs?|e-?learning|lessons?|curriculum|workshops?|onboarding)\b`,
    'iu',
  ),
  /\b(?:attend(?:s|ed|ing)?|attendance|attendees|turnout|show[-\s]?up)\b/i,
  // Registering for a course, not a register kept on the job ("the gifts register").
  /\b(?:enrol(?:l)?(?:ment|ments|s|ed|ing)?|registrations?|register(?:s|ed|ing)?\s+(?:for|on|in|with|to)\b|registered\b(?!\s+(?:nurses?|charit|trade))|sign[-\s]?ups?|signed\s+up)\b/i,
  /\b(?:page\s*views?|views|downloads?|downloaded|likes|impressions|visits|open\s+rates?|logins?|log-ins?|time\s+spent\s+on)\b/i,
  /\b(?:(?:learner|participant|trainee|attendee|student|course|training|session|workshop|delegate)\s+)?(?:satisfaction|happy\s+sheets?|smile\s+sheets?|reaction\s+scores?|feedback\s+scores?|course\s+ratings?|rate\s+the\s+(?:course|training|session|workshop|module|programme|program|webinar)|would\s+recommend)\b/i,
];
/** Satisfaction of the business's customers is a result (Kirkpatrick 4), not a vanity metric. */
const CUSTOMER_SATISFACTION =
  /\b(?:customer|client|patient|user|guest|citizen|member|csat|nps|net\s+promoter)\b/i;

const BUSINESS: (RegExp | LazyPattern)[] = [
  /\b(?:revenue|sales|profit|margin|cost|costs|spend|savings|churn|retention|turnover|attrition|conversion|bookings|orders|deals|pipeline|roi|return\s+on\s+investment|win\s+rates?|deal\s+sizes?|quota(?:\s+attainment)?|market\s+share|renewals?|upsells?|average\s+order\s+values?)\b/i,
  /\b(?:admissions|readmissions?|tickets?|incidents?|defects?|errors?|mistakes?|complaints?|escalations?|re-?work|returns|downtime|outages?|breaches?|accidents?|injur(?:y|ies)|near\s+misses|violations?|findings|fines|claims|backlog|grievances?|absenteeism|sickness\s+absence)\b/i,
  /\b(?:customer|client|patient)\s+(?:satisfaction|retention|complaints?|wait|waiting)|\b(?:csat|nps|net\s+promoter)\b/i,
  lazy(
    String.raw`\b(?:time\s+to\s+[\p{L}]+|handling\s+time|resolution\s+time|response\s+time|cycle\s+time|lead\s+time|throughput|productivity|first[-\s]call\s+resolution|first[-\s]contact\s+resolution|aht|mttr|uptime|availability|quality\s+scores?|yield|scrap|readmissions?)\b`,
    'iu',
  ),
];
const BEHAVIOUR: (RegExp | LazyPattern)[] = [
  // Ratings of a leader's behaviour by the people around them: a 360-degree review, upward or
  // multi-rater feedback (Kirkpatrick level 3), not satisfaction with the course.
  /\b(?:360(?:[-\s]?(?:degree|°))?[-\s]+(?:feedback|reviews?|assessments?|surveys?|ratings?|scores?)|upward\s+(?:feedback|reviews?|ratings?)|multi[-\s]?rater)\b/i,
  /\bclick(?:s|ed|ing)?\s+(?:rate|on)|\bphishing[-\s]simulations?|\bfall(?:s)?\s+for\b|\b(?:on\s+the\s+job|in\s+(?:their|the)\s+(?:daily\s+)?work|in\s+production|in\s+practice|at\s+work|in\s+live\s+(?:calls|systems)|observed|observation|audits?|audited|spot[-\s]checks?|peer\s+reviews?|code\s+reviews?|compliance(?:\s+rate)?|adoption|adopt(?:s|ed|ing)?|usage\s+of|uses?\s+the|follow(?:s|ed|ing)?\s+the|apply\s+the|applies\s+the|applied)\b/i,
  lazy(
    String.raw`\b(?:staff|employees|agents|managers|nurses|engineers|developers|technicians|operators|team\s+members|supervisors|learners|participants|graduates)\s+(?:who\s+)?(?:use|apply|follow|report|handle|resolve|complete\s+(?!(?:the\s+|their\s+|this\s+|all\s+)?(?:[\p{L}-]+\s+)?(?:courses?|onboarding|trainings?|modules?|programmes?|programs?|e-?learning|lessons?|curriculum|workshops?)\b)|perform|demonstrate|configure|escalate|submit|document|log)\b`,
    'iu',
  ),
];
const LEARNING =
  /\b(?:quiz|test|exam|examination|assessment|certification|certified|post[-\s]test|pre[-\s]test|knowledge\s+check|pass\s+rates?|scores?|grades?|marks)\b/i;

const OUTPUT = lazy(
  String.raw`^\s*(?:(?:we|the\s+(?:team|trainers?|l&d|ld|academy)|trainers?|l&d)\s+(?:will|shall)\s+)?(?:deliver|deliver(?:s|ed|ing)|run|hold|host|conduct|organi[sz]e|schedule|offer|provide|publish|produce|create|develop|design|build|launch|release|roll\s+out|write|record|film|distribute|send|train|onboard|certify|run)\s+(?:(?:a|an|the|our|new|${NUM}|at\s+least\s+${NUM}|all|every)\s+)*(?:[\p{L}&-]+\s+){0,3}?(?:workshops?|sessions?|webinars?|courses?|modules?|classes|lessons?|trainings?|training\s+(?:sessions?|events?|materials?|programmes?|programs?)|events?|seminars?|bootcamps?|manuals?|guides?|handbooks?|videos?|e-?learning|materials?|slides?|decks?|newsletters?|emails?|job\s+aids?|toolkits?|curricul(?:um|a)|programmes?|programs?|certifications?|certificates?|learning\s+paths?|podcasts?|staff|employees|people|users|participants|learners|managers|agents|nurses|engineers|new\s+hires)\b`,
  'iu',
);

/** Readings by text, bounded (emptied by clearCaches(), core/caches.ts). */
const cache = memo<string, OutcomeReading>(20_000);

export function readOutcome(plain: string): OutcomeReading {
  return cache.get(plain) ?? cache.set(plain, computeOutcome(plain));
}

function first(
  res: (RegExp | LazyPattern)[],
  text: string,
  skip?: PlainSpan | null,
): PlainSpan | null {
  let best: PlainSpan | null = null;
  for (const of of res) {
    if (!mayMatch(of, text)) continue;
    const re = forText(of, text);
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      const span = { start: m.index, end: m.index + m[0].length, text: m[0].trim() };
      if (skip && span.start < skip.end && span.end > skip.start && within(span, skip)) continue;
      if (!best || span.start < best.start) best = span;
      break;
    }
  }
  return best;
}

function within(a: PlainSpan, b: PlainSpan): boolean {
  return a.start >= b.start && a.end <= b.end;
}

function computeOutcome(plain: string): OutcomeReading {
  const { masked, placeholders } = maskPlaceholders(plain);
  let timeframe = first(TIMEFRAMES, masked);
  if (!timeframe && parenDigit(masked)) {
    const window = first([PAREN_WINDOW], masked);
    if (window && !TIME_MEASURE.test(masked.slice(0, window.start))) timeframe = window;
  }
  // A number that only dates the outcome ("by Q2 2027", "within 90 days") is not a target.
  // A change ("from 60% to 95%", "by 30%") is the target before any other number it mentions
  // ("filed within 72 hours" defines the measure).
  const target = first(CHANGES, masked, timeframe) ?? first(TARGETS, masked, timeframe);
  let vanity: PlainSpan | null = null;
  const business = BUSINESS.some((re) => testText(re, masked));
  const behaviour = BEHAVIOUR.some((re) => testText(re, masked));
  if (!business && !behaviour) {
    // "within 60 days of completion": the timeframe's start, not a completion metric.
    const v = first(VANITY, masked, timeframe);
    if (v && !(testText(CUSTOMER_SATISFACTION, masked) && /satisf/i.test(v.text))) vanity = v;
  }
  const om = execText(OUTPUT, masked);
  const output =
    om && !business && !behaviour
      ? {
          start: om.index + (om[0].length - om[0].trimStart().length),
          end: om.index + om[0].length,
          text: om[0].trim(),
        }
      : null;
  let kirkpatrick: KirkpatrickLevel | null = null;
  if (business) kirkpatrick = 4;
  else if (behaviour) kirkpatrick = 3;
  else if (LEARNING.test(masked)) kirkpatrick = 2;
  else if (
    /satisf|feedback|rating|\brate\s+the\b|recommend|smile|happy\s+sheet|reaction/i.test(masked)
  )
    kirkpatrick = 1;
  const p = placeholders[0];
  return {
    target,
    timeframe,
    vanity,
    output,
    kirkpatrick,
    placeholder: p ? { ...p, text: plain.slice(p.start, p.end) } : null,
  };
}

// A change in a measure: "falls from 62% to 75%", "rises by 20%", "reduce ... to 5 a quarter".
const CHANGE_VERB =
  /\b(?:fall|falls|fell|falling|drop|drops|dropped|dropping|decline|declines|declined|declining|decrease|decreases|decreased|decreasing|reduce|reduces|reduced|reducing|reduction|rise|rises|rose|rising|increase|increases|increased|increasing|grow|grows|grew|growing|improve|improves|improved|improving|improvement|climb|climbs|climbed|go(?:es)?\s+(?:up|down)|halve[sd]?|double[sd]?|cut|cuts)\b/i;
const CHANGE_TARGET = new RegExp(
  String.raw`\bfrom\s+[$£€]?${NUM}[^.;]{0,40}?\bto\s+(?:(?:under|below|over|above|(?:less|fewer|more)\s+than|at\s+(?:least|most))\s+)?[$£€]?${NUM}|\bby\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?[$£€]?${NUM}\s*(?:%|percent|per\s+cent|percentage\s+points?|pp|points?)`,
  'i',
);

/**
 * Whether an item reads as a measured change (an outcome in the business sense): a change to a
 * target ("from 62% to 75%", "by 20%"), or a change verb with a target and a timeframe ("falls
 * to under 2% by Q2"). A learner statement with a criterion ("within 10 minutes") is not one.
 */
export function readsAsChange(plain: string): boolean {
  if (!/\d/.test(plain) && !NUMBER_WORD.test(plain)) return false;
  if (CHANGE_TARGET.test(plain)) return true;
  if (!CHANGE_VERB.test(plain)) return false;
  const r = readOutcome(plain);
  return r.target !== null && r.timeframe !== null;
}
const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|half|double)\b/i;

/**
 * A measured change on the job or in the business, not in a lesson's results: a change with a
 * timeframe, or of a measure the rules know as behaviour or business (Kirkpatrick 3-4). "Pallet
 * damage claims fall from 14 to 5 a month" is one; "Accuracy improves from 0.81 to 0.88 after
 * tuning", a model's evaluation in a data lesson, is not.
 */
export function readsAsJobChange(plain: string): boolean {
  if (!readsAsChange(plain)) return false;
  const r = readOutcome(plain);
  return r.timeframe !== null || (r.kirkpatrick ?? 0) >= 3;
}

/** A target and a timeframe: "Open VPN tickets stay under 40 a month throughout 2027". */
export function readsAsMeasure(plain: string): boolean {
  if (!/\d/.test(plain) && !NUMBER_WORD.test(plain)) return false;
  const r = readOutcome(plain);
  return r.target !== null && r.timeframe !== null;
}

/**
 * Whether an item reads as a measure of results, as the items under a weak name ("Results",
 * "Metrics", "Impact") must: a measured change, a target with a timeframe, or a target or a
 * change of a measure the rules know (a vanity metric, a behaviour or business measure).
 */
export function readsAsMetric(plain: string): boolean {
  if (readsAsChange(plain)) return true;
  const r = readOutcome(plain);
  const known = r.vanity !== null || (r.kirkpatrick ?? 0) >= 3;
  if (r.target && (r.timeframe || known)) return true;
  return known && CHANGE_VERB.test(plain);
}
