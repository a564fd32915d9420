// Reads one objective sentence the way an instructional designer would (OUTLINE-CONVENTIONS.md
// §7, §9): strips the lead-in ("By the end of this module, participants will be able to") and
// a label ("Task 1:"), sets aside a leading condition ("Given a CSV of sales,", "With a
// partner,": the ABCD Condition), then reads every behaviour the objective asks for, split on
// coordination where what follows is a behaviour ("Identify and explain" is two, "Compare mean
// and median" one). Each behaviour has its verb, its Bloom level in context ("Create a
// repository" is apply, "Create an original design" create), and its vagueness ("understand",
// "learn how to X"); a verb only the English lexicon knows ("Subset a data frame") is a
// behaviour of unknown level. The objective's level is the highest of its behaviours'. Then
// the degree (ABCD "D": "within 10 minutes", "every time", "without missing an item").
// Works on plain text (markup removed); every span is an offset into that plain text.
import { BLOOM_LEVELS, type BloomLevel } from '../model.js';
import { execText, lazy, type LazyPattern, testText } from './ascii.js';
import type { Lexicon, VaguePhrase, VerbInfo } from './lexicon.js';
import { maskPlaceholders, NUM, words, type Word } from './words.js';

/** A set of the words of a space-separated list. */
function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

export interface PlainSpan {
  start: number;
  end: number;
  text: string;
}

export type VagueSpan = PlainSpan & {
  key: string;
  meant: BloomLevel;
  suggest: string[];
  replaces?: number;
};

/** One behaviour of an objective ("Identify and explain X" has two). */
export interface BehaviourReading {
  /** The verb as written ("Identify", "set up"); for a vague behaviour, its vague phrase. */
  verb: PlainSpan & { lemma: string };
  level: BloomLevel | null;
  alternatives: BloomLevel[];
  /** The vague phrase ("understand", "learn how to", "be familiar with"), or null. */
  vague: VagueSpan | null;
  /** After "learn how to", "know how to", "learn to", "learn about" + a gerund: the
   * behaviour meant ("use" in "Learn how to use your SSH key"). Its level is the level. */
  real: (PlainSpan & { lemma: string }) | null;
  /** False for a verb that only the English lexicon knows: not in the Bloom lists, so its
   * level (apply) is Bloomline's reading, not the lists'. */
  known: boolean;
  /** The verb came from the block's lead-in ("you will understand:"), not the item. */
  fromLeadIn: boolean;
}

export interface ObjectiveReading {
  /** Where the behaviour starts once lead-ins, a label and a condition are set aside. */
  behaviourStart: number;
  behaviours: BehaviourReading[];
  /** The leading condition ("Given a CSV of sales"), without its comma. */
  condition: PlainSpan | null;
  // The objective as a whole: its first behaviour's verb, its highest level.
  verb: (PlainSpan & { lemma: string }) | null;
  level: BloomLevel | null;
  alternatives: BloomLevel[];
  vague: boolean;
  /** The first vague phrase. */
  vaguePhrase: VagueSpan | null;
  realVerb: (PlainSpan & { lemma: string; level: BloomLevel | null }) | null;
  verbFromLeadIn: boolean;
  criterion: PlainSpan | null;
  placeholder: PlainSpan | null;
  /** With no level read, the level the author most likely meant (for the fix's verbs, never
   * the objective's level): a vague phrase's, or a topic's stated in place of an objective
   * ("Care and use of hand tools": apply; `topicMeant`). Null when a level is read. */
  meantLevel: BloomLevel | null;
}

// Lead-ins inside an item, stripped repeatedly from the start.
const ITEM_LEAD_INS: (RegExp | LazyPattern)[] = [
  // A frame of time, completion or occasion ("By the end of the course,", "When given a
  // scenario,"), up to its comma; never past a learner's modal ("At the end of the lesson
  // students will describe the water cycle, using a diagram": the frame ends before
  // "students"). Or a frame of time or completion with no comma before a learner and a modal
  // ("Upon completion of this course students will describe ...", "Following this block of
  // instruction the student will be able to explain ..."): the learner, not a comma, ends it.
  // (One pattern: each item is tried against every lead-in.)
  /^(?:(?:by|at|upon|on|after|following|when)\b(?:(?!\b(?:will|should|shall|must)\s)[^,:;.]){0,120}?[,:]\s*|(?:by|at|upon|on|after|following|once)\s(?:(?!(?:will|should|shall|must|can)\s)[^,:;.]){0,100}?\s(?=(?:the\s+|a\s+|each\s+|every\s+|all\s+|our\s+)?(?:students?|learners?|participants?|trainees?|pupils?|apprentices?|candidates?|graduates?|attendees?|delegates?)\s+(?:will|should|shall|must|can)\s))/i,
  // ("MUS 3A students will be able to": a course code's words have digits.)
  lazy(
    String.raw`^(?:[\p{L}\p{N}'’-]+\s+){0,8}?(?:will|should|shall|must|can|could|may|would)\s+(?:also\s+)?(?:be\s+able\s+to|have\s+the\s+ability\s+to|be\s+expected\s+to|be\s+(?:trained|prepared|competent|equipped|qualified|ready)\s+to|become\s+able\s+to)\s+`,
    'iu',
  ),
  // Not across "and": "Students will understand and be able to apply" has two behaviours.
  lazy(String.raw`^(?:(?!(?:and|or)\s)[\p{L}'’-]+\s+){0,4}?(?:are|is|am|be)\s+able\s+to\s+`, 'iu'),
  // Programme outcomes: "The legal studies minor will be capable of identifying", "Graduates
  // will be proficient in interpreting": only before a gerund ("proficient in Excel" names no
  // behaviour and stays as written).
  lazy(
    String.raw`^(?:[\p{L}'’-]+\s+){0,8}?(?:will|should|shall|must|can)\s+(?:also\s+)?be\s+(?:capable\s+of|proficient\s+(?:in|at)|competent\s+(?:in|at)|skilled\s+(?:in|at)|adept\s+at)\s+(?=\p{L}+ing\b)`,
    'iu',
  ),
  // Competency statements in the present: "Is skilled at writing short messages", "Apprentices
  // are competent in measuring and cutting" (only before a gerund, as above).
  lazy(
    String.raw`^(?:(?:the\s+|each\s+|all\s+)?[\p{L}'’-]+\s+){0,3}?(?:is|are)\s+(?:(?:highly|very|fully)\s+)?(?:capable\s+of|proficient\s+(?:in|at)|competent\s+(?:in|at)|skilled\s+(?:in|at)|adept\s+at)\s+(?=\p{L}+ing\b)`,
    'iu',
  ),
  // Programme outcomes that describe the graduate: "The graduate is a reflective practitioner
  // who evaluates ...", "Graduate is an individual who understands ...": the behaviours are
  // the relative clause's verbs.
  lazy(
    String.raw`^(?:the\s+|each\s+|our\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:graduates?|students?|learners?|nurses?|practitioners?)\s+(?:is\s+an?|are)\s+(?:(?!(?:to|able|aware|not)\s)[\p{L}'’-]+\s+){1,5}?who\s+(?=\p{L})`,
    'iu',
  ),
  /^(?:the\s+|each\s+|every\s+|all\s+|our\s+)?(?:students?|learners?|participants?|trainees?|attendees?|delegates?|you|we|i|they|employees?|staff|candidates?|apprentices?|users?|team\s+members?|managers?|agents?|readers?|pupils?|instructors?|nurses?|engineers?|developers?|graduates?|children|residents?|interns?|youths?|young\s+people|kids|cadets?|recruits?|volunteers?|campers?|scouts?)\s+(?:will|should|shall|must|can|could|may)\s+(?:also\s+)?/i,
  // A learner named with words before the noun or with "a": "Composition students will create",
  // "Second-year architecture students will design", "A trainee will list", "Players will
  // dribble" (programme outcomes by track, coaching outcomes). The words before may be verbs
  // ("Dance students will critique"): the subject is the noun before the modal. Not after
  // "what", "how" ...: "Identify what students should know" is the teacher's behaviour, and
  // the learner is in its object.
  lazy(
    String.raw`^(?:the\s+|an?\s+|each\s+|every\s+|all\s+|our\s+)?(?:(?!(?:and|or|to|of|for|with|by|in|on|at|who|that|which|what|how|why|when|where|whether|if|will|should|shall|must|can|could|may)\s)[\p{L}\p{N}'’-]+\s+){0,3}?(?:students?|learners?|participants?|trainees?|pupils?|apprentices?|candidates?|graduates?|players?|athletes?)\s+(?:will|should|shall|must|can)\s+(?:also\s+)?(?=\p{L})`,
    'iu',
  ),
  // A school's success criteria about the learner's work: "I have drawn a food web ...", "I've
  // used capital letters": the participle is the behaviour.
  lazy(
    String.raw`^(?:i|we)\s+(?:have|['’]ve)\s+(?:also\s+)?(?=\p{L}{3,}(?:ed|en|wn|ne|tten|ght|ung|ade|id|ot|ilt|ent|un)\b)`,
    'iu',
  ),
  // "The legal studies minor will", "History majors should": a programme's learner.
  lazy(
    String.raw`^(?:the\s+|each\s+|every\s+|all\s+|our\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:majors?|minors?|graduates?|concentrators?)(?:\s+students?)?\s+(?:will|should|shall|must|can)\s+(?:also\s+)?`,
    'iu',
  ),
  // "Ability to design", "An ability to function on teams" (accreditation outcomes).
  /^(?:an?\s+|the\s+)?(?:demonstrated\s+)?ability\s+to\s+/i,
  // "Students have the ability to identify", "Graduates have the skills to design": a learner
  // subject before "have the ability to" (set aside next).
  lazy(
    String.raw`^(?:the\s+|our\s+|all\s+)?(?:students?|learners?|participants?|trainees?|graduates?|candidates?|apprentices?|pupils?|majors?)\s+(?=(?:have|has|possess(?:es)?)\s+(?:the\s+|an?\s+)?(?:(?:demonstrated|proven|necessary|required)\s+)?(?:abilit(?:y|ies)|skills?|capacity|capability|competence)\s+(?:necessary\s+|needed\s+|required\s+)?to\s+\p{L})`,
    'iu',
  ),
  // "Demonstrate the ability to find, read and evaluate", "Demonstrate ability to think
  // critically", "demonstrate their ability to name": the behaviours are what follows.
  /^(?:demonstrate|show|display)s?\s+(?:(?:an?|the|their|his\s+or\s+her|his|her)\s+)?ability\s+to\s+/i,
  // "have the ability to formulate", "have the skills to plan", "have the confidence to
  // present" (programme outcomes): the behaviours are what follows.
  lazy(
    String.raw`^(?:have|has|possess(?:es)?)\s+(?:the\s+|an?\s+)?(?:(?:demonstrated|proven|necessary|required)\s+)?(?:abilit(?:y|ies)|skills?|confidence|capacity|capability|competence)\s+(?:necessary\s+|needed\s+|required\s+)?to\s+(?=\p{L})`,
    'iu',
  ),
  /^(?:you|they)['’]ll\s+(?:also\s+)?(?:be\s+able\s+to\s+)?/i,
  // A course aim in the teacher's voice: "This course aims to", "The aim of this unit is to",
  // then "help students (to)", "enable learners to": what follows is the learner's behaviour.
  lazy(
    String.raw`^(?:this|the|our)\s+(?:[\p{L}-]+\s+)?(?:course|module|unit|programme|program|workshop|session|class|lesson|lab|training|subject|seminar|tutorial|curriculum|paper)\s+(?:aims|seeks|intends|sets\s+out|is\s+(?:designed|intended|meant)|will\s+aim)\s+to\s+`,
    'iu',
  ),
  lazy(
    String.raw`^(?:the|an?)\s+(?:(?:main|overall|primary|principal|key|broad)\s+)?(?:aims?|purposes?|goals?|objectives?)\s+of\s+(?:this|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:is|are)\s+to\s+`,
    'iu',
  ),
  // "The broad education necessary to understand", "The skills needed to conduct an audit"
  // (programme outcomes): the behaviour is what follows.
  lazy(
    String.raw`^(?:the|an?)\s+(?:[\p{L}-]+\s+){0,3}?(?:education|knowledge|skills?|understanding|preparation|background|training|abilit(?:y|ies)|capacity|competence|competencies)\s+(?:necessary|needed|required|sufficient|essential)\s+to\s+`,
    'iu',
  ),
  /^(?:be|become)\s+(?:trained|prepared|competent|equipped|qualified|ready)\s+to\s+/i,
  /^(?:be\s+able\s+to|able\s+to|become\s+able\s+to|t?swbat:?|to)\s+/i,
  /^(?:will|should|can|must)\s+/i,
];
/** Lead-ins set aside only when a behaviour follows them: "To help students understand",
 * "enable learners to calculate" (a course aim in the teacher's voice; "Prepare students for
 * placement" stays as written). */
const FRAMES_BEFORE_BEHAVIOUR: (RegExp | LazyPattern)[] = [
  lazy(
    String.raw`^(?:to\s+)?(?:help|enable|allow|assist|encourage|empower|equip|prepare)\s+(?:the\s+|our\s+)?(?:students?|learners?|participants?|trainees?|pupils?|delegates?|attendees?|apprentices?|candidates?|employees|staff|you|them)\s+(?:to\s+)?(?=\p{L})`,
    'iu',
  ),
  // "We are learning to design ...", "I'm learning to ...": a learning intention written out
  // (WALT), the behaviour after it.
  lazy(
    String.raw`^(?:today,?\s+)?(?:we|i)(?:\s+are|\s+am|['’]re|['’]m)\s+learning\s+(?:how\s+)?to\s+(?=\p{L})`,
    'iu',
  ),
];
/** "We're learning about the call stack": the intention's own behaviour is "learning about"
 * (vague), read as "Learning about the call stack" is. Tried only on a text that has the words
 * (its literal is in a lookahead, which the pattern gates of language/gate.ts do not see). */
const LEARNING_ABOUT_FRAME = lazy(
  String.raw`^(?:today,?\s+)?(?:we|i)(?:\s+are|\s+am|['’]re|['’]m)\s+(?=learning\s+about\b)`,
  'iu',
);

/** Whether a text opens with a learning intention's frame ("We are learning to", "Today,
 * we're learning about"), the behaviour after it. */
export function opensWithLearningIntention(text: string): boolean {
  return /^\s*(?:today,?\s+)?(?:we|i)(?:\s+are|\s+am|['’]re|['’]m)\s+learning\s+(?:(?:how\s+)?to|about)\s/i.test(
    text,
  );
}
/** "You learn", "Students also learn": a subject in the present tense before the behaviour. */
const LEARNERS = [
  ['student', 'students'],
  ['learner', 'learners'],
  ['participant', 'participants'],
  ['trainee', 'trainees'],
  ['attendee', 'attendees'],
  ['pupil', 'pupils'],
  ['apprentice', 'apprentices'],
  ['candidate', 'candidates'],
  ['graduate', 'graduates'],
  ['major', 'majors'],
  ['alumnus', 'alumni'],
  ['nurse', 'nurses'],
  ['delegate', 'delegates'],
] as const;
/** Singular learner nouns: the verb after them takes -s ("The learner identifies"). */
const SINGULAR_LEARNER = new RegExp(
  String.raw`\b(?:${LEARNERS.map((l) => l[0]).join('|')})\s`,
  'i',
);
/** A learner subject, then "can" ("Majors can identify") or "excel(s) in" ("Graduates excel
 * in working within teams"): what follows is the behaviour. */
const SUBJECT = new RegExp(
  String.raw`^(?:the\s+|each\s+|all\s+|our\s+)?(?:you|we|they|${LEARNERS.flat().join('|')})\s+(?:also\s+|now\s+|then\s+)?(?:can\s+|excels?\s+(?:in|at)\s+)?`,
  'i',
);
/** "Task 1:", "Step 2 -", "Supply chain evaluation:": a label before the objective. Also an
 * outcome code with a number sign ("CSLO #2:", "PLO #3:") and a label or code with an en or em
 * dash written against it ("Psychomotor– Apply ...", "SC.CM.LS.01.06—describe ...": against
 * the next word too only after a code's digit or dot, so "Cost–benefit" is no label). */
const LABEL = lazy(
  String.raw`^(?:[#\p{L}\p{N}][#\p{L}\p{N}'’&/-]*,?\s+|[/&]\s+){0,8}[#\p{L}\p{N}][#\p{L}\p{N}.'’&/-]*(?:\s*:\s+|\s[-–—]\s+|[–—]\s+|(?<=[\p{N}.])[–—](?=\p{L}))`,
  'u',
);
/** A label in brackets or parentheses: "(Application Level)", "(LO 4)", "[ME1]" (an outcome's
 * code or the level its author names; the behaviour is what follows), or a note on the item
 * ("(Optional, for those who finish early)", "✅ (started in Q2 and still in progress)"). No
 * property escapes: it is tried on every item, and made at every check (cold-start.test.ts). */
const BRACKET_LABEL =
  /^(?:[\u2600-\u27bf\u2b00-\u2bff\u{1f000}-\u{1faff}]\ufe0f?\s*)?(?:\([^()\n]{1,120}\)|\[[^[\]\n]{1,40}\])\s*:?\s+/u;
/** A standards code with no colon or dash after it: "4.NBT.1 Recognize ...", "M4.A.1.1.1 Write
 * ...", "HS-ESS2-5 Plan ...", "CCSS.MATH.CONTENT.6.RP.A.3 Use ...", and one after a short
 * capitalised prefix ("SPI 0406.2.2 Locate ...", "ELA 7.3.2 Identify ..."): one token of letters
 * and digits joined by dots or hyphens, with a digit in it (K-12 standards and curriculum
 * documents print their codes so), or a list of them with commas and a colon ("PB 1.4.A.,
 * 1.5.A: Identify ...", "NUR 4.2, 5.1: Calculate ..."). Set aside only when a behaviour
 * follows, as a label is ("Python 3.12 features" stays a topic). */
const CODE = String.raw`(?:\p{Lu}{2,6}\s+)?(?=[\p{L}\p{N}.-]*\p{N})[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)+\.?`;
const CODE_LABEL = lazy(String.raw`^${CODE}(?:,\s*${CODE}){0,9}:?\s+`, 'u');
/** A leading condition, the ABCD Condition: "Given a data set,", "With a partner,", "Using
 * the style guide,", "In groups of three,", "While working with the nurse,", "If the patient
 * is unresponsive,". Only set aside when a behaviour follows. */
const CONDITION =
  /^(?:given|with|without|using|in|for|from|under|provided\s+with|working|having|through|via|armed\s+with|when\s+given|once\s+given|as\s+part\s+of|during|within|while|if)\b[^,;:.!?]{1,150}?,\s*/iu;

/** The markers of an enumeration inside a sentence: "Students should (a) know the aims of the
 * genres and (b) relate them to their contexts", "the ability to (i) design and (ii) conduct
 * experiments" (programme goals and accreditation outcomes number their behaviours so). */
const ENUMERATION_MARKER = /(?<=^|[\s,;:])\((?:[a-h]|i{1,3}|iv|vi{0,3}|\d)\)(?=\s)/g;
/** The text with an enumeration's markers blanked (same length, so every span stands), when
 * it has two or more: the behaviours they number are read as if unnumbered. */
function maskEnumeration(text: string): string {
  if (!text.includes('(')) return text;
  const markers = text.match(ENUMERATION_MARKER);
  if (!markers || markers.length < 2) return text;
  return text.replace(ENUMERATION_MARKER, (m) => ' '.repeat(m.length));
}

/** A word that starts lower case; one that starts with a capital and goes on in lower case; a
 * word of two letters or more and "ing". */
const LOWER_FIRST = lazy(String.raw`^\p{Ll}`, 'u');
const CAPITALISED = lazy(String.raw`^\p{Lu}\p{Ll}`, 'u');
const GERUND_END = lazy(String.raw`\p{L}{2,}ing$`, 'u');

/** A further part of a leading condition, up to its next comma. */
const CONDITION_MORE = /^[^,;:.!?]{1,150}?,\s*/u;

/** Verbs after which a count is what the learner gives (see COUNTED). */
const COUNTED_VERBS = ['give', 'provide', 'write', 'draft', 'suggest', 'propose', 'generate'];

// The degree (ABCD "D"). Each is tested on the text with placeholders masked.
const TIME_UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|(?:working\s+|business\s+|calendar\s+)?days?|weeks?|months?|attempts?|tries)`;
const STANDARD = String.raw`(?:checklist|rubric|guide|standards?|criteria|specifications?|spec|guidelines?|style\s+guide|policy|policies|procedures?|process|sop|protocols?|algorithms?|slas?|service[-\s]level\s+(?:agreements?|targets?)|regulations?|legislation|codes?\s+of\s+(?:practice|conduct|ethics|professional\s+conduct)|template|requirements?|benchmarks?|marking\s+scheme|scoring\s+guide|acceptance\s+criteria|definition\s+of\s+done|(?:bend|pressure|leak|load|safety|acceptance|practical)\s+tests?|inspections?|audits?|manuals?|handbooks?|playbooks?|runbooks?|style\s+sheets?|house\s+style|codebooks?|schematics?|diagrams?|(?<=\b(?:manufacturer|maker|supplier|vendor)(?:['’]?s|s['’])?\s+)(?:instructions|recommendations|data\s+sheets?))`;
/** Units of a tolerance ("within 5 cm", "to within 0.5 mm", "within ±2 °C"). */
const UNIT = String.raw`(?:%|percent\b|per\s+cent\b|°\s*[cf]?|degrees?\b|[mck]?m\b|mm\b|cm\b|km\b|metres?\b|meters?\b|millimet(?:re|er)s?\b|centimet(?:re|er)s?\b|inch(?:es)?\b|in\b|ft\b|feet\b|foot\b|yards?\b|miles?\b|[mk]?g\b|grams?\b|kilograms?\b|kg\b|lbs?\b|pounds?\b|ounces?\b|oz\b|m?l\b|ml\b|litres?\b|liters?\b|mmhg\b|bpm\b|v\b|volts?\b|amps?\b|ohms?\b|psi\b|bar\b|pa\b|kpa\b|decimal\s+places?\b|significant\s+figures?\b|s\.f\.|d\.p\.|points?\b|units?\b|pixels?\b|px\b)`;
/** Length: "a 1,500-word essay", "an essay of 2,000 words". Right after the verb ("Proofread a
 * 2,000-word application") it is the size of what the learner is given, not a degree, unless
 * the verb makes or gives the thing (LENGTH_MADE). */
const LENGTH = new RegExp(
  String.raw`\b${NUM}[-\s](?:words?|pages?|slides?)\b(?!\s+(?:of|from)\b)`,
  'i',
);
const LENGTH_MADE = new Set([
  ...COUNTED_VERBS,
  'compose',
  'produce',
  'prepare',
  'present',
  'deliver',
  'create',
  'develop',
]);
/** The degree patterns, each made when its gate (CRITERIA_GATES) first passes: a pattern is
 * parsed when it is created, and most never run in a small file (a cold check of one outline
 * creates what it runs only; BENCHMARKS.md, "Cold start"). `criterion(k)` makes and keeps them.
 * Those with a property escape are given by their source (lazy()): an all-ASCII text makes only
 * their ASCII twins, never the patterns (language/ascii.ts; "Cold start, seventh round"). */
const CRITERIA: (() => RegExp | LazyPattern)[] = [
  () =>
    new RegExp(
      // "Average task completion time <2 minutes", "in ≤ 90 seconds": a ceiling written as a
      // sign, as "under 2 minutes" is written in words.
      String.raw`(?:\b(?:within|in\s+under|in\s+less\s+than|in\s+fewer\s+than|in\s+no\s+more\s+than|in\s+at\s+most|under|in)\s+(?:the\s+(?:first|next)\s+)?(?:a|an|${NUM})|[<≤]\s*${NUM})\s*${TIME_UNIT}\b`,
      'i',
    ),
  () =>
    new RegExp(
      String.raw`\b(?:at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|not\s+more\s+than|fewer\s+than|less\s+than|more\s+than|up\s+to|a\s+minimum\s+of|a\s+maximum\s+of|minimum\s+of|maximum\s+of|exactly|all|each\s+of\s+the|any)\s+(?:${NUM}|once|twice|thrice)\b|\b(?:at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|fewer\s+than|less\s+than|more\s+than|up\s+to)\s+(?:a\s+)?(?:half|third|quarter)(?![\w-])`,
      'i',
    ),
  // A percentage, but not one that names a thing ("a 95% confidence interval"), nor an
  // objective's weight in an exam or a grade, in brackets: "Describe cloud concepts (25–30%)",
  // "(24% of scored content)" ("(90% accuracy)" is a degree).
  () => {
    const pct = String.raw`\b${NUM}\s*(?:%|percent\b|per\s+cent\b)`;
    const notNamed = String.raw`(?<!\b(?:a|an|the)\s+)`;
    return new RegExp(
      String.raw`${notNamed}(?<!\(\s*(?:${NUM}\s*%?\s*(?:[–-]|to)\s*)?)${pct}|${notNamed}${pct}(?!\s*(?:\)|of\s+(?:the\s+)?(?:scored|exam|test|total|final|overall|grade|course|marks|points|questions|items|content)\b))`,
      'i',
    );
  },
  // Length: "a 1,500-word essay", "an essay of 2,000 words" (see LENGTH).
  () => LENGTH,
  // "in 9 of 10 trials", "8 out of 10 recordings"; not one thing chosen among several ("assign
  // it to one of three categories", "between two of the four options").
  () =>
    new RegExp(
      String.raw`(?<!\b(?:to|from|among|amongst|between|into|with|for|of)\s+)\b(?:${NUM}\s+out\s+of|(?!one\s)${NUM}\s+of)\s+(?:the\s+|every\s+)?${NUM}\b`,
      'i',
    ),
  () => lazy(String.raw`\b${NUM}\s+[\p{L}-]+\s+or\s+(?:fewer|less|more|under|over)\b`, 'iu'),
  // A floor on a score: "a satisfaction score of 4/5 or higher", "a grade of B or better",
  // "scored 3 or higher on the observer checklist"; not a bare count ("for one or more files"
  // is what the learner works on, not a degree).
  () =>
    new RegExp(
      String.raw`(?:\b${NUM}\s*\/\s*${NUM}|\b(?:scores?|grades?|marks?|ratings?|results?|bands?|scored|rated|graded|marked)\s+(?:of\s+|at\s+)?["“']?(?:${NUM}|[a-f][+-]?)["”']?)\s+or\s+(?:higher|better|above|greater|more)\b`,
      'i',
    ),
  // Tolerances: "within 5 cm of the line", "to within 10% of", "to the nearest millimetre",
  // "to two decimal places", "± 0.5 mm".
  () =>
    new RegExp(
      String.raw`\b(?:to\s+)?within\s+(?:±|\+\/-|plus\s+or\s+minus\s+)?\s*${NUM}\s*${UNIT}`,
      'i',
    ),
  // ... or in a unit of the trade, at the end of a clause or before "of": "to within three
  // cents of the reference pitch", "matches the shade within one level" (not "within two
  // departments", where work is done).
  () =>
    lazy(
      String.raw`\b(?:to\s+)?within\s+(?:±|\+\/-|plus\s+or\s+minus\s+)?\s*${NUM}\s+(?!(?:teams?|groups?|departments?|organi[sz]ations?|sites?|units?|classes|schools?|countries|regions?|wards?|branches)\b)[\p{L}-]+(?=\s+of\b|\s*[.;,)!]|\s*$)`,
      'iu',
    ),
  () => new RegExp(String.raw`(?:±|\+\/-)\s*${NUM}\s*${UNIT}`, 'i'),
  () =>
    new RegExp(
      String.raw`\bto\s+(?:the\s+nearest\s+[a-z]+|${NUM}\s+(?:decimal\s+places?|significant\s+(?:figures?|digits?)))`,
      'i',
    ),
  // Frequency and reliability: "every time", "on each attempt", "in 9 of 10 trials" (above),
  // "three times in a row", "on every occasion", a check kept "before every dose", "after each
  // use", "at every handoff".
  () =>
    /\b(?:every|each)\s+(?:single\s+)?time\b|\bon\s+(?:every|each)\s+(?:single\s+)?(?:attempt|try|occasion|shift|call|visit|round|run)\b|\bin\s+(?:every|each)\s+(?:case|instance|trial|attempt|observation)\b|\b(?:times|attempts|trials|days|shifts)\s+in\s+a\s+row\b|\b(?:consecutive|successive)\s+(?:attempts|trials|times|runs|calls|shifts|audits|observations)\b|\b(?:before|after)\s+(?:every|each)\s+(?:single\s+)?(?:dose|use|shift|patient|lift|flight|drive|journey|procedure|transfer|handover|administration|delivery|operation|job|entry)\b|\bat\s+(?:every|each)\s+(?:single\s+)?(?:handoff|hand-off|handover|shift\s+change|encounter|visit|inspection|changeover|stop)\b/i,
  // Completeness: "without missing an item", "without omitting a step", "covering every field",
  // "with no missed items", "no steps skipped".
  () =>
    /\bwithout\s+(?:missing|omitting|skipping|leaving\s+out|forgetting|overlooking)\b|\bwith\s+no\s+(?:missed|missing|omitted|skipped|forgotten)\s+(?:items?|steps?|fields?|checks?|entries)\b|\bno\s+(?:items?|steps?|checks?|fields?)\s+(?:missed|omitted|skipped|left\s+out)\b/i,
  // Completeness against a given list or form: "all items on the contents list", "every field
  // of the submission form" (not "all parts of a flower", what is learnt, nor "each item of a
  // list", what a program does).
  () =>
    lazy(
      String.raw`\b(?:all|every|each)\s+(?:of\s+the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:items?|steps?|fields?|points?|elements?|sections?|questions?|entries|boxes|lines)\s+(?:of|on|in|from)\s+(?:the|your|their|its|our|this)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:list|checklist|form|template|register|sheet|card|log|schedule|inventory|manifest|questionnaire|specification|spec)s?\b`,
      'iu',
    ),
  // Harm avoided, a degree of care: "without damaging the roots", "without cutting the skin",
  // "without changing its behaviour", "without losing data" (verbs of damage and loss; a means
  // or step done without, "without transferring the call", "without using a calculator", is a
  // condition).
  () =>
    lazy(
      String.raw`\bwithout\s+(?:any\s+)?(?:damag|break|cutt|tear|spill|dropp|injur|harm|scratch|burn|contaminat|los|chang|compromis|exceed|wast|bruis|stain|crush|punctur|overheat|corrupt|strik|hitt|knock|collid|tipp|stall)\p{L}{0,2}ing\b`,
      'iu',
    ),
  () =>
    /\b(?:cover(?:s|ing)?|includ(?:e|es|ing)|address(?:es|ing)?|record(?:s|ing)?|log(?:s|ging)?|document(?:s|ing)?|complet(?:e|es|ing)|check(?:s|ing)?)\s+(?:all|every|each)\s+(?:of\s+the\s+|single\s+)?(?:\S+\s+){0,2}?(?:items?|steps?|fields?|points?|elements?|sections?|questions?|incidents?|entries|entry|contacts?|cases?|requirements?|criteria)\b/i,
  // Every fault found: "identifying all defects", "spotting every hazard".
  () =>
    /\b(?:identify(?:ing)?|identifies|find(?:s|ing)?|spot(?:s|ting)?|detect(?:s|ing)?)\s+(?:all|every|each)\s+(?:of\s+the\s+|single\s+)?(?:\S+\s+){0,2}?(?:defects?|faults?|hazards?|errors?|risks?|issues?|problems?|discrepancies|anomalies|bugs?|deviations?)\b/i,
  () =>
    lazy(
      String.raw`\b(?:with(?:out|\s+no|\s+zero)|(?:has|have|having|contains?|containing|makes?|making|leaves?|leaving)\s+(?:no|zero))\s+(?:any\s+|a\s+single\s+)?(?:[\p{L}-]+\s+)?(?:errors?|mistakes?|defects?|omissions?|collisions?|contact|damage|spills?|injur(?:y|ies)|incidents?|violations?|deviations?|faults?|discrepancies|accidents?|rejects?|assistance|help|support|prompting|prompts|supervision|guidance|reference\b|referring|notes|hints|aids?|coaching|intervention|looking|consulting)`,
      'iu',
    ),
  () =>
    /\b(?:error[-\s]free|unaided|unassisted|independently|from\s+memory|by\s+heart|on\s+(?:the|their|your)\s+first\s+(?:attempt|try)|in\s+(?:a\s+single|one)\s+(?:attempt|pass|try)|first\s+time\s+right)\b/i,
  // A level reached on a named scale: 'scored "proficient" on the observation rubric', 'rated
  // competent or above against the checklist', or by a named judge: 'rated "effective" by the
  // observer'.
  () =>
    lazy(
      String.raw`\b(?:scor(?:ed|es|ing)|rated|graded|marked|judged|assessed)\s+(?:as\s+|at\s+)?["“'‘]?[\p{L}-]+(?:\s+[\p{L}-]+)?["”'’]?(?:\s+or\s+(?:above|higher|better))?\s+(?:(?:on|against|using|by|in)\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,3}?${STANDARD}|by\s+(?:the|an?|two|their|your)\s+(?:[\p{L}-]+\s+)?(?:observers?|assessors?|examiners?|supervisors?|mentors?|preceptors?|trainers?|instructors?|coach(?:es)?|panel|judges?|evaluators?|raters?|markers?|auditors?|reviewers?|peers?|(?:mystery\s+)?shoppers?))\b`,
      'iu',
    ),
  // Standards. "meet", "satisfy" and "follow" only inflected or after "that": "to meet a
  // given set of requirements" is the purpose of the work, not its degree.
  () =>
    lazy(
      String.raw`\b(?:meeting|meets|satisfying|satisfies|follows|according\s+to|in\s+accordance\s+with|as\s+(?:defined|specified|described|set\s+out|outlined|required|shown|illustrated|laid\s+out|listed|stated)\s+(?:in|on|by)|(?<!\bsuch\s)as\s+in|complies\s+with|complying\s+with|compliant\s+with|in\s+line\s+with|consistent\s+with|aligned\s+(?:with|to)|in\s+alignment\s+with|to\s+the\s+standard\s+(?:of|in|set)|(?<!\bthe\s)following|that\s+(?:(?:it|they)\s+)?(?:meets?|satisf(?:y|ies)|pass(?:es)?|complies\s+with|follows?|conforms?\s+to)|conforming\s+to|per|against(?!\s+(?:a|an)\s))\s+(?:all\s+|each\s+|every\s+)?(?:(?:items?|criteria|points|requirements?|elements?|steps?|(?:[\p{L}-]+\s+)?(?:rules?|checks?))\s+(?:of|in|on)\s+)?(?:the\s+|a\s+|an\s+|our\s+|your\s+|their\s+|its\s+)?(?:(?:[\p{L}\p{N}'’-]+|\([\p{L}\p{N}]{1,12}\))\s+){0,4}?${STANDARD}\b`,
      'iu',
    ),
  // A numbered set of checks a profession names ("following the six rights of medication
  // administration", "checking the 5 rights", "using the five rights of delegation"): a standard
  // followed, the degree as a protocol's is.
  () =>
    /\b(?:following|follows|using|applying|checking|verifying|observing|according\s+to|in\s+accordance\s+with)\s+(?:all\s+|each\s+of\s+)?(?:the\s+)?(?:[4-9]|10|four|five|six|seven|eight|nine|ten)\s+rights\b/i,
  () =>
    new RegExp(
      String.raw`\b(?:scor(?:e|es|ing)|achiev(?:e|es|ing)|pass(?:es|ing)?|obtain(?:s|ing)?|earn(?:s|ing)?)\s+(?:at\s+least\s+|a\s+(?:score|mark|grade)\s+of\s+|over\s+|above\s+)?${NUM}`,
      'i',
    ),
  // "passes all the tests", "that passes the provided tests", "passes a bend test".
  () =>
    /\bpass(?:es|ing)?\s+(?:all|every|each|the|its|their|your|a|an)\s+(?:of\s+the\s+)?(?:\S+\s+){0,2}?(?:tests?|test\s+suite|test\s+cases?|checks?|inspections?|audits?|items?)\b/i,
  () =>
    lazy(
      String.raw`\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:tests?|checks?|test\s+cases?)\s+pass`,
      'iu',
    ),
  () => /\bwith\s+(?:full|complete|perfect|total|100\s*%)\s+accuracy\b/i,
  // "with few errors", "with minimal mistakes"; "as judged (to be effective) by a panel";
  // "includes every food group" (completeness).
  () =>
    /\bwith\s+(?:very\s+)?(?:few|minimal|only\s+minor)\s+(?:errors?|mistakes?|prompts?|corrections?)\b/i,
  () =>
    lazy(
      String.raw`\bas\s+(?:judged|rated|assessed|evaluated)\s+(?:to\s+be\s+)?(?:[\p{L}-]+\s+)?by\s+(?:a|an|the|two|other|their|your|an?\s+\S+|[\p{L}-]+\s+)`,
      'iu',
    ),
  () =>
    lazy(
      String.raw`\b(?:includ(?:e|es|ing)|cover(?:s|ing)?|us(?:e|es|ing))\s+every\s+[\p{L}-]+`,
      'iu',
    ),
  () =>
    lazy(
      String.raw`\b${NUM}\s+[\p{L}-]+\s+(?:per|a|an|each)\s+(?:second|minute|hour|day|week|month)\b`,
      'iu',
    ),
  // A tolerance named by what may deviate: "with gaps under 1 mm", "an error of less than 0.5
  // mm", "a deviation of no more than 2 degrees".
  () =>
    new RegExp(
      String.raw`\b(?:gaps?|errors?|deviations?|tolerances?|variations?|differences?|drift|leaks?|loss|margin|offset)\s+(?:of\s+)?(?:under|below|less\s+than|no\s+more\s+than|at\s+most|not\s+exceeding|smaller\s+than|within)\s+(?:±\s*)?${NUM}`,
      'i',
    ),
  // A target value: "to a 30-degree bevel", "cut to 600 mm", "heat to 70 °C".
  () => new RegExp(String.raw`\bto\s+(?:a\s+|an\s+)?${NUM}\s*-?\s*${UNIT}`, 'i'),
  // Time and money kept: "within the approved budget", "on time", "keeps to time", "before the
  // end of the shift" (not "By the end of the day, ...", a lead-in).
  () =>
    lazy(
      String.raw`\b(?:within|under|on)\s+(?:the\s+|their\s+|your\s+|its\s+)?(?:agreed\s+|approved\s+|allocated\s+|set\s+|given\s+|planned\s+|allotted\s+)?(?:budget|deadline|schedule|time\s+limit|timescale|timeframe|time\s+allowed)\b|\bon\s+time\b|\bkeep(?:s|ing)?\s+to\s+(?:time|budget|schedule)\b|\bbefore\s+the\s+deadline\b|\bbefore\s+(?:the|their|your|each)\s+(?:first|second|third|next|following)\s+(?:meeting|call|visit|session|appointment|demo|shift|review|handover)\b|(?<!^[\s\p{P}]*)\b(?:before|by)\s+the\s+end\s+of\s+(?:the\s+|their\s+|your\s+|each\s+|that\s+)?(?:shift|working\s+day|day|visit|call)\b`,
      'iu',
    ),
  // At once: "immediately after giving the dose", "immediately on discovery" (a time limit of
  // none).
  () => /\bimmediately\s+(?:after|on|upon|following|when)\b/i,
  // Made or done to a named standard or to specification: "Prepare stocks to the standards of
  // the ACF", "Weld a butt joint to AWS D1.1 standards", "cut to specification". Not a standard
  // that is the object of comparing, relating, aligning or changing ("Compare the menu to the
  // standards of ..."), and not an unnamed one ("to industry standards", "to required
  // standards": the labelled sets read no degree in them).
  () =>
    lazy(
      String.raw`(?<!\b(?:[Cc]ompar|[Rr]elat|[Ii]ntroduc|[Mm]ap|[Ll]ink|[Cc]onnect|[Aa]lign|[Cc]hang|[Aa]mend|[Rr]evis|[Uu]pdat|[Aa]ddition|[Oo]rient)\p{L}*\s+(?:[\p{L}\p{N}'’-]+\s+){0,5})\b[Tt]o\s+(?:(?:the\s+)?standards?\s+(?:of|set\s+by)\s+(?:the\s+)?\p{Lu}|\p{Lu}[\p{Lu}\p{N}.-]+\s+(?:[\p{Lu}\p{N}][\p{Lu}\p{N}.:-]*\s+){0,2}standards?\b|spec(?:ification)?(?=\s*(?:$|[.,;:)]|(?:and|or|with|within)\b)))`,
      'u',
    ),
];

/** For each pattern of CRITERIA, in order, a word it cannot match without. */
const CRITERIA_GATES: RegExp[] = [
  /sec|min|hour|hrs|day|week|month|attempt|tries/i,
  /least|most|more|fewer|less|up to|minimum|maximum|exactly|all|each|any/i,
  /%|percent|per cent/i,
  /word|page|slide/i,
  /\bof\b/i,
  /\bor (?:fewer|less|more|under|over)\b/i,
  /\bor (?:higher|better|above|greater|more)\b/i,
  /within/i,
  /within/i,
  /±|\+\/-/,
  /\bto\b/i,
  /every|each|a row|consecutive|successive/i,
  /without|\bno\b/i,
  /\b(?:all|every|each)\b/i,
  /without/i,
  /\b(?:all|every|each)\b/i,
  /\b(?:all|every|each)\b/i,
  /with|\b(?:no|zero)\b/i,
  /error|unaided|unassisted|independently|memory|heart|first|single|one/i,
  /scor|rated|graded|marked|judged|assessed/i,
  /meet|satisf|follow|accord|defined|specified|described|set out|outlined|required|shown|illustrated|laid out|listed|stated|as in|compl|in line|consistent|standard|that|conform|per |against|align/i,
  /rights/i,
  /scor|achiev|pass|obtain|earn/i,
  /pass/i,
  /pass/i,
  /accuracy/i,
  /\bfew|minimal|minor/i,
  /\bas (?:judged|rated|assessed|evaluated)/i,
  /every/i,
  /\b(?:per|a|an|each) (?:second|minute|hour|day|week|month)/i,
  /gap|error|deviation|toleran|variation|difference|drift|leak|loss|margin|offset/i,
  /\bto\b/i,
  /budget|deadline|schedule|on time|to time|time limit|timescale|timeframe|time allowed|end of|before (?:the|their|your|each) /i,
  /immediately/i,
  /\bto\b.*\b(?:standard|spec)/i,
];

/** A cheap test for STANDARD_CODE: a standards body's prefix and a digit. */
const STANDARD_GATE =
  /(?:BS|ISO|IEC|EN|ANSI|ASTM|ASME|NFPA|NEC|IEEE|DIN|AS|CSA|UL|WCAG|IPC|SAE)\b.{0,8}\d/;
/** A named standard: "to BS 7671", "meeting WCAG 2.1 AA", "in line with ISO 27001": a
 * standards body's prefix then its number (case matters: "to PHP 8" and "to ES6" are not
 * standards met). */
const STANDARD_CODE =
  /\b(?:[Tt]o|[Mm]eet(?:s|ing)?|[Ss]atisf(?:y|ies|ying)|[Ff]ollow(?:s|ing)?|[Aa]ccording\s+to|[Ii]n\s+(?:line|accordance|compliance)\s+with|[Cc]ompl(?:y|ies|ying|iant)\s+with|[Cc]onform(?:s|ing)?\s+to|[Pp]er|[Aa]gainst)\s+(?:the\s+)?(?:BS(?:\s+EN)?|ISO(?:\/IEC)?|IEC|EN|ANSI|ASTM|ASME|NFPA|NEC|IEEE|DIN|AS(?:\/NZS)?|CSA|UL|WCAG|IPC|SAE)(?:[\s-][A-Z]{1,2}(?=[\s-]?\d))?[\s-]?[A-Z]?\d(?:[\w:/-]|\.(?=\w))*/;

if (CRITERIA_GATES.length !== CRITERIA.length) throw new Error('CRITERIA_GATES out of step');
const CRITERIA_MADE: (RegExp | LazyPattern | undefined)[] = [];
function criterion(k: number): RegExp | LazyPattern {
  return (CRITERIA_MADE[k] ??= CRITERIA[k]!());
}

/** A count right after the verb ("Name three side effects", "Describe the four stages",
 * "Recall the first twenty elements"): how many things the learner gives, a quantity (Mager
 * 1962); only after a verb whose things the learner produces or recalls (see COUNTED). */
const COUNT_AFTER_VERB = lazy(
  String.raw`^\s+(?:at\s+least\s+|at\s+most\s+|up\s+to\s+|(?:all\s+)?the\s+(?:first\s+|last\s+|top\s+)?)?${NUM}\s+[\p{L}]`,
  'iu',
);
/** Verbs after which a count is what the learner gives, not the material they are given
 * ("Join three data frames", "Prioritise five tickets", "Compare two theories"): those that
 * recall, explain or produce things, and these. */
const COUNTED = new Set(COUNTED_VERBS);
const COUNTED_LEVELS = new Set<BloomLevel>(['remember', 'understand', 'create']);

/** Words that can start what a verb acts on. */
const FOLLOWS_VERB = wordSet(
  'the a an it them their its your this these those that how why what when where whether which his her our my each all any both one two three four five six seven eight nine ten another other some several multiple new basic simple into up out back off down',
);
/** Words that cannot start what a verb acts on: after "Rules", "Definition", "Mean" they mark a
 * noun phrase ("Rules of probability", "Mean and median"). */
const NOT_AN_OBJECT = wordSet(
  "of and or vs versus is are was were has have had can will should must may might 's as than per",
);
/** Function words a bare object never starts with. */
const NOT_A_BARE_OBJECT = new Set([
  ...NOT_AN_OBJECT,
  ...'in on at for with by from about into onto over under between among through during without within via like such so but then also'.split(
    ' ',
  ),
]);
/** A preposition or a list of commas between two verbs: "and" then joins what they govern
 * ("issues in data science and program evaluation", "repositories, branches, commits, and
 * pull requests"), so a verb after it needs an article or pronoun to read as a behaviour. */
const PREPOSITION =
  /\b(?:in|of|for|with|on|at|from|between|among|within|across|through|into|about|by|than|like|to)\b/i;
const SUBORDINATE = /\b(?:how|when|why|that|which|whether|if|where|who|while|so)\b/i;
/** A finite verb inside a subordinate clause ("what security means"): a bare verb after it and
 * "and" belongs to the main clause ("... and understand Y"). */
const FINITE = lazy(
  String.raw`\b(?:is|are|was|were|has|does|did|means|works|happens|matters|[\p{L}]{3,}(?:es|ed))\b`,
  'iu',
);
/** Modals repeated after "and" before a further verb ("and will understand", "and can situate"). */
const MODAL = new Set(['can', 'will', 'should', 'shall', 'must']);
/** Words whose full stop ends an abbreviation, not a sentence ("e.g. Use ...", "etc."). */
const ABBREVIATION =
  /\b(?:e\.\s?g|i\.\s?e|etc|cf|vs|approx|incl|esp|fig|no|dr|mr|mrs|ms|st)\.\s+$/i;
// `\s*(?:,\s*)?`, not `\s*,?\s*`: two quantifiers over the same spaces backtrack.
const INFINITIVE_PAIR = lazy(String.raw`\bto\s+[\p{L}-]+\s*(?:,\s*)?(?:and|or|then)\s+$`, 'iu');
/** Vague phrases after which a gerund names the behaviour ("Learn about using X", "Get
 * comfortable reading API docs", "Feel confident using the terminal", "Be comfortable in creating
 * notebooks", "Gain experience in welding aluminium"). */
const LEARNING =
  /^(?:learn|learn about|learn more about|learn a bit more about|know about|(?:get|become|feel|be) (?:comfortable|confident)|(?:get|become|feel|be) comfortable in|gain experience in)$/;
/** "develop proficiency in writing SQL", "develop confidence in presenting": a skill named by
 * its behaviour, stated vaguely; the level meant is the behaviour's. */
const SKILL_IN = /\b(?:proficiency|competence|confidence|expertise|skills?)\s+in$/;

/** Readings by lexicon (a configuration's word lists), then by text; with a lead-in's verb,
 * by verb and text in a map of their own. */
let cache = new WeakMap<
  Lexicon,
  { plain: Map<string, ObjectiveReading>; led: Map<string, ObjectiveReading> }
>();
let cached = 0;

/** Forgets every cached reading (bounded at 20,000; see core/caches.ts). */
export function clearObjectiveReadings(): void {
  cache = new WeakMap();
  cached = 0;
  recognitionCache = new WeakMap();
}

/** How a lead-in's verb that takes its items as "that" clauses is passed to readObjective:
 * "understand that". */
export const CLAUSE_LEAD = ' that';
/** A lead-in whose verb takes each item as a clause: "Students will understand that...". */
export const CLAUSE_LEAD_TEXT = /\bthat\s*(?::|\.\.\.|…)?\s*$/i;

/** Analyse an objective's plain text. `leadVerb` is a verb carried by the block's lead-in
 * (ending in CLAUSE_LEAD when the lead-in ends "... understand that:"). */
export function readObjective(
  plain: string,
  lex: Lexicon,
  leadVerb: string | null,
): ObjectiveReading {
  let maps = cache.get(lex);
  if (!maps) cache.set(lex, (maps = { plain: new Map(), led: new Map() }));
  const map = leadVerb === null ? maps.plain : maps.led;
  const key = leadVerb === null ? plain : `${leadVerb}\u0000${plain}`;
  const hit = map.get(key);
  if (hit) return hit;
  const reading = computeReading(plain, lex, leadVerb);
  if (passiveStarts.size) readAsPassive.add(reading);
  // The participles read belong to this text only.
  passiveStarts.clear();
  if (++cached > 20_000) {
    maps.plain.clear();
    maps.led.clear();
    cached = 0;
  }
  map.set(key, reading);
  return reading;
}

/** Readings (readObjective) that read a passive performance criterion. */
const readAsPassive = new WeakSet<ObjectiveReading>();

/** Whether a text reads as a passive performance criterion of a unit of competency
 * ("Cables are terminated in accordance with AS/NZS 3000"): a worker's behaviour, though its
 * grammar is a statement's. 'standard' when it names the degree or standard met, 'passive'
 * when not ("Faults are diagnosed and rectified"), null when it is not passive. */
export function readsAsPassiveCriterion(
  plain: string,
  lex: Lexicon,
): 'passive' | 'standard' | null {
  const reading = readObjective(plain, lex, null);
  if (reading.verb === null || !readAsPassive.has(reading)) return null;
  return reading.criterion ? 'standard' : 'passive';
}
/** Whether passive performance criteria are read (analysis) or not (recognition). */
let passiveOn = true;
/** Where the participle of a passive criterion stands in the text being read: it is the verb
 * whatever follows it ("are obtained, confirmed and applied"). */
const passiveStarts = new Set<number>();
let recognitionCache = new WeakMap<Lexicon, Map<string, ObjectiveReading>>();

/**
 * The reading recognition uses to tell an objective from a statement or an outcome: as
 * `readObjective`, but a passive performance criterion ("Materials are checked for quality")
 * is not read through, so what is recognised as an objective is as before the sixth pass; a
 * text recognised as an objective is then analysed with `readObjective`.
 */
export function readObjectiveForRecognition(plain: string, lex: Lexicon): ObjectiveReading {
  // Most texts read no passive criterion: their reading for recognition is the analysis's
  // reading (read once, and cached for the analysis that follows); only the others are read
  // again with passives off.
  const full = readObjective(plain, lex, null);
  if (!readAsPassive.has(full)) return full;
  let map = recognitionCache.get(lex);
  if (!map) recognitionCache.set(lex, (map = new Map()));
  const hit = map.get(plain);
  if (hit) return hit;
  passiveOn = false;
  let reading: ObjectiveReading;
  try {
    reading = computeReading(plain, lex, null);
  } finally {
    passiveOn = true;
    passiveStarts.clear();
  }
  if (map.size > 20_000) map.clear();
  map.set(plain, reading);
  return reading;
}

/** A behaviour read at a word, and the index of the last word it took (its verb, or the verb
 * after "learn how to"). */
interface Found {
  b: BehaviourReading;
  /** Index of the verb word itself (the one inflected). */
  verbAt: number;
  last: number;
}

type Mode = 'start' | 'adjacent' | 'later';

function computeReading(plain: string, lex: Lexicon, led: string | null): ObjectiveReading {
  const { masked: unmarked, placeholders } = maskPlaceholders(plain);
  const masked = maskEnumeration(unmarked);
  passiveStarts.clear();
  // "Students will understand that ..." (CLAUSE_LEAD): each item is a proposition the lead-in's
  // verb takes, as is an item that starts with "That" under any carried verb ("That only about
  // 10% of energy passes ..."). Its first word is a noun, not the behaviour ("Changes to one
  // population ripple ..."), and its numbers are what is learnt, not a degree.
  const clauseLed = led !== null && led.endsWith(CLAUSE_LEAD);
  const leadVerb = clauseLed ? led.slice(0, -CLAUSE_LEAD.length) : led;
  const clause = clauseLed || (leadVerb !== null && /^\s*that\s/i.test(masked));
  let start = skipLeadIns(masked, masked.length - masked.trimStart().length, lex);
  const criterionFrom = start;
  let condition: PlainSpan | null = null;
  // A label ("Task 1:") or a condition ("Given a CSV,") is only set aside when a behaviour
  // follows it; else it is what the item says.
  for (let round = 0; round < 2; round++) {
    const rest = masked.slice(start);
    const cond = execText(CONDITION, rest);
    if (cond && !condition) {
      // "Given a personal computer, a table and a chair, enter ...", "Given an address in
      // Dublin, Ohio, drive ...": a condition with commas of its own ends at the comma after
      // which a behaviour starts (at most three more).
      let len = cond[0].length;
      let after = skipLeadIns(masked, start + len, lex);
      for (let more = 0; more < 3 && !startsBehaviour(masked, after, lex); more++) {
        const next = CONDITION_MORE.exec(masked.slice(start + len, start + len + 160));
        if (!next) break;
        len += next[0].length;
        after = skipLeadIns(masked, start + len, lex);
      }
      if (startsBehaviour(masked, after, lex)) {
        // Trailing spaces and commas by a loop (a regex anchored at the end is quadratic on runs).
        const whole = masked.slice(start, start + len);
        let cut = whole.length;
        while (cut > 0 && /[\s,]/u.test(whole[cut - 1]!)) cut--;
        const text = whole.slice(0, cut);
        condition = { start, end: start + text.length, text };
        start = after;
        continue;
      }
    }
    let moved = false;
    if (!startsBehaviour(masked, start, lex))
      for (const re of [LABEL, BRACKET_LABEL, CODE_LABEL]) {
        const label = execText(re, rest);
        if (!label) continue;
        const after = skipLeadIns(masked, start + label[0].length, lex);
        if (startsBehaviour(masked, after, lex)) {
          start = after;
          moved = true;
          break;
        }
      }
    if (moved) continue;
    break;
  }
  const ws = words(masked, start);
  let i = skipAdverbs(masked, ws, 0, lex);
  // "A knowledge of contemporary issues", "An understanding of professional responsibility"
  // (programme outcomes): the state noun's phrase, its article and degree words set aside.
  if (ws[i]?.lower === 'a' || ws[i]?.lower === 'an') {
    let j = i + 1;
    while (ws[j] && DEGREE.has(ws[j]!.lower) && j - i < 4) j++;
    if (ws[j] && STATE_NOUNS.has(ws[j]!.lower) && matchVague(ws, j, lex)) i = j;
  }

  const behaviours: Found[] = [];
  let first = clause ? null : behaviourAt(masked, ws, i, lex, 'start', null);
  // Under a lead-in that carries its verb ("Students will know..."), "Transitions that link
  // reasons" is what is known: a word in its -s form that only the English lexicon knows as a
  // verb starts a noun phrase, not a behaviour.
  if (
    first &&
    leadVerb &&
    !first.b.known &&
    !first.b.vague &&
    first.verbAt === i &&
    /s$/.test(ws[i]!.lower) &&
    ws[i]!.lower !== first.b.verb.lemma
  )
    first = null;
  // "How to plot the data" (not a question, and no lead-in verb to inherit): the behaviour is
  // "plot", stated vaguely.
  if (
    !first &&
    !leadVerb &&
    ws[i]?.lower === 'how' &&
    ws[i + 1]?.lower === 'to' &&
    !/\?\s*$/.test(masked)
  )
    first = howTo(masked, ws, i, lex);
  // "What is data security?", "Why is X important?", "How does DNS work?": a question in
  // place of an objective asks, as a heading of what is learnt, for an explanation.
  if (!first && !clause) first = questionAt(masked, ws, i);
  if (!first && !leadVerb) first = topicAt(masked, ws, i);
  if (
    first?.b.vague &&
    (QUESTION_KEYS.has(first.b.vague.key) || TOPIC_KEYS.has(first.b.vague.key))
  ) {
    behaviours.push(first);
  } else if (first) {
    behaviours.push(first);
    behaviours.push(...moreBehaviours(masked, ws, first, lex));
  } else if (leadVerb) {
    const info = lex.verb(leadVerb);
    const vagueLead = lex.vague.find((p) => p.key === leadVerb);
    behaviours.push({
      b: {
        verb: { start, end: start, text: '', lemma: leadVerb },
        level: vagueLead ? null : (info?.level ?? null),
        alternatives: vagueLead ? [] : (info?.alternatives ?? []),
        vague: vagueLead ? { start, end: start, text: '', ...vagueFields(vagueLead) } : null,
        real: null,
        known: !!(info || vagueLead),
        fromLeadIn: true,
      },
      verbAt: -1,
      last: -1,
    });
  }

  const bs = behaviours.map((f) => f.b);
  const firstB = bs[0] ?? null;
  // The objective's level: the highest any behaviour asks for.
  let top: BehaviourReading | null = null;
  for (const b of bs) if (b.level && (!top || rank(b.level) > rank(top.level!))) top = b;
  const firstVague = bs.find((b) => b.vague) ?? null;
  const verbEnd = firstB && !firstB.fromLeadIn ? (firstB.real ?? firstB.verb).end : -1;
  const meantLevel = top
    ? null
    : firstVague
      ? firstVague.vague!.meant
      : bs.length
        ? null
        : topicMeant(masked, ws, i, lex);
  return {
    behaviourStart: start,
    behaviours: bs,
    condition,
    // As a whole, a vague phrase's verb is its first word ("Be" of "Be familiar with"): the
    // recognisers read the word there.
    verb: firstB
      ? firstB.vague && firstB.verb.end > firstB.verb.start
        ? {
            ...firstB.verb,
            end: firstB.verb.start + (/^[^\s]+/u.exec(firstB.verb.text)?.[0].length ?? 0),
            text: /^[^\s]+/u.exec(firstB.verb.text)?.[0] ?? firstB.verb.text,
          }
        : firstB.verb
      : null,
    level: top?.level ?? null,
    alternatives: top?.alternatives ?? [],
    vague: !!firstVague,
    vaguePhrase: firstVague?.vague ?? null,
    realVerb: firstB?.real && firstB.vague ? { ...firstB.real, level: firstB.level } : null,
    verbFromLeadIn: !!firstB?.fromLeadIn,
    criterion: clause
      ? null
      : findCriterion(
          masked,
          criterionFrom,
          verbEnd,
          countsAfter(firstB, lex),
          makesLength(firstB, lex),
        ),
    placeholder: placeholders[0]
      ? { ...placeholders[0], text: plain.slice(placeholders[0].start, placeholders[0].end) }
      : null,
    meantLevel,
  };
}

/** Words that end a topic's head: what follows them is its complement ("Care and use | of
 * tools", "Strategies | to prevent harassment") or a clause ("Employers | must correct"). */
const TOPIC_END = wordSet(
  'of for in on to with about under from by at as into within between among against during via versus vs that which who whose where when while whether including such must should shall will would can could may might is are was were be been has have had do does did',
);

/**
 * The level a topic stated in place of an objective (a noun phrase, `no-verb`) most likely
 * means, from its heads (vague-phrases.json "topics"): the words before its first
 * preposition, clause or bracket. A listed head noun gives its level ("Safe use of ladders"
 * apply, "Statistical analysis of" analyze); a gerund that ends its phrase ("Silver and soft
 * soldering", "Problem solving"; not "Building regulations", nor a field: "Digital marketing")
 * its verb's level, apply for a verb only the English lexicon knows; else understand, what a topic asks of learners being to
 * explain it. The highest counts.
 */
function topicMeant(text: string, ws: Word[], i: number, lex: Lexicon): BloomLevel {
  let best: BloomLevel | null = null;
  const take = (l: BloomLevel) => {
    if (!best || rank(l) > rank(best)) best = l;
  };
  for (let k = i; k < ws.length && k - i < 12; k++) {
    const w = ws[k]!;
    if (TOPIC_END.has(w.lower)) break;
    const gap = ws[k + 1] ? text.slice(w.end, ws[k + 1]!.start) : '';
    const head = lex.topicHead(w.lower);
    if (head) take(head);
    else if (
      /ing$/.test(w.lower) &&
      w.lower.length > 5 &&
      !lex.topicFields.has(w.lower) &&
      (!ws[k + 1] || /[,&/:;(]/.test(gap) || /^(?:and|or)$/.test(ws[k + 1]!.lower))
    ) {
      const lemma = lex.lemma(w.lower);
      const info = lemma ? lex.verb(lemma) : undefined;
      if (info) take(info.level);
      else if (!lemma && lex.englishLemma(w.lower)) take('apply');
    }
    if (/[:;(.!?\u2013\u2014]/u.test(gap)) break;
  }
  return best ?? lex.topicDefault;
}

/** Whether a count after the first behaviour's verb is what the learner gives (COUNTED). */
function countsAfter(b: BehaviourReading | null, lex: Lexicon): boolean {
  if (!b || b.fromLeadIn) return false;
  const lemma = (b.real ?? b.verb).lemma;
  const base = lex.verb(lemma)?.level;
  return COUNTED.has(lemma) || (!!base && COUNTED_LEVELS.has(base));
}

/** Whether a length right after the first behaviour's verb is the size of what it makes or
 * gives ("Write a 1,500-word essay"), not of what it works on ("Proofread a 2,000-word
 * application"). */
function makesLength(b: BehaviourReading | null, lex: Lexicon): boolean {
  if (!b || b.fromLeadIn) return true;
  const lemma = (b.real ?? b.verb).lemma;
  return LENGTH_MADE.has(lemma) || lex.verb(lemma)?.level === 'create';
}

function rank(level: BloomLevel): number {
  return BLOOM_LEVELS.indexOf(level);
}

function vagueFields(p: VaguePhrase): Omit<VagueSpan, keyof PlainSpan> {
  return {
    key: p.key,
    meant: p.meant,
    suggest: p.suggest,
    ...(p.replaces ? { replaces: p.replaces } : {}),
  };
}

/** Strips lead-ins ("Students will be able to", "By the end, you'll") from `from`. */
function skipLeadIns(masked: string, from: number, lex: Lexicon): number {
  let start = from;
  for (let round = 0; round < 6; round++) {
    const rest = masked.slice(start);
    let moved = 0;
    for (const re of ITEM_LEAD_INS) {
      const m = execText(re, rest);
      if (m && m[0].length > 0 && m[0].length < rest.length) {
        moved = m[0].length;
        break;
      }
    }
    if (!moved && (rest.includes('earning about') || rest.includes('EARNING ABOUT'))) {
      const m = execText(LEARNING_ABOUT_FRAME, rest);
      if (m && m[0].length < rest.length) moved = m[0].length;
    }
    if (!moved) {
      for (const re of FRAMES_BEFORE_BEHAVIOUR) {
        const m = execText(re, rest);
        if (!m || m[0].length >= rest.length) continue;
        const at = start + m[0].length;
        const ws = words(masked.slice(0, Math.min(masked.length, at + 100)), at);
        if (matchVague(ws, 0, lex) || startsBehaviour(masked, at, lex)) moved = m[0].length;
        break;
      }
    }
    if (!moved) {
      // "You learn how to ...", "Students also explore ...": a subject, then a vague phrase.
      // ("Participants rate the course 4 out of 5" states a result, not an objective.)
      const m = SUBJECT.exec(rest);
      if (m && m[0].length < rest.length) {
        const ws = words(
          masked.slice(0, Math.min(masked.length, start + m[0].length + 100)),
          start + m[0].length,
        );
        // "You" speaks to the learner: any behaviour follows ("You describe DNS zones").
        const you = /^you\b/i.test(m[0]);
        if (
          matchVague(ws, 0, lex) ||
          ((you || presentBehaviour(m[0], ws, lex)) &&
            startsBehaviour(masked, start + m[0].length, lex))
        )
          moved = m[0].length;
      }
    }
    if (!moved && passiveOn && !passiveStarts.size) {
      moved = passiveCriterion(masked, start, lex);
      if (moved) passiveStarts.add(start + moved);
    }
    if (!moved) break;
    start += moved;
    while (start < masked.length && /\s/.test(masked[start]!)) start++;
  }
  return start;
}

/**
 * "We set relevant headers", "Students solve two-step equations", "The learner identifies
 * ...": a learner subject, then a verb in the present that agrees with it (the base form
 * after a plural, -s after a singular) and is a verb of the Bloom lists or a phrasal verb, so a
 * statement of what learners do ("Students work in pairs", with a verb only the English
 * lexicon knows, is not read through). A rate or a result ("Participants rate the course 4
 * out of 5") stays as written: "rate" is not a Bloom verb.
 */
function presentBehaviour(subject: string, ws: Word[], lex: Lexicon): boolean {
  const w = ws[0];
  if (!w) return false;
  const lemma = lex.lemma(w.lower);
  if (!lemma || (!lex.verb(lemma) && !lex.phrasalByHead.has(lemma))) return false;
  if (/\bexcels?\s+(?:in|at)\s+$/i.test(subject)) return w.lower !== lemma && /ing$/.test(w.lower);
  if (RESULT_VERBS.has(lemma)) return false;
  // "Graduates find employment", "Alumni secure jobs": a result of the programme.
  if (EMPLOYMENT.test(ws[1]?.lower ?? '')) return false;
  if (/\bcan\s+$/i.test(subject)) return w.lower === lemma;
  const singular = SINGULAR_LEARNER.test(subject);
  return singular ? w.lower !== lemma && w.lower.endsWith('s') : w.lower === lemma;
}

/** "Materials are checked for quality", "Hazards are identified, assessed and reported",
 * "Faults have been reported" (performance criteria of units of competency, in the passive):
 * the subject and the auxiliary are set aside and the participles read as the behaviours, in
 * their base form. So are "Tools selected for the task are ..." (the participle after the
 * subject is the behaviour). Only a participle of a Bloom verb that is not an arrangement
 * ("Lunch is provided", "The course is delivered online", "Work is graded by the tutor"), and
 * not after a learner or the course as subject. Returns how far to move, or 0. */
function passiveCriterion(masked: string, at: number, lex: Lexicon): number {
  const ws = words(masked.slice(0, Math.min(masked.length, at + 240)), at);
  if (!ws[0] || NOT_PASSIVE_SUBJECT.has(ws[0].lower)) return 0;
  // "Explain how standards are aligned", "Ensure that tools are cleaned": a behaviour whose
  // object is a clause, not a passive criterion.
  if (lex.verb(ws[0].lower) && ws[1] && CLAUSE_OBJECT.has(ws[1].lower)) return 0;
  const participle = (w: Word | undefined): boolean => {
    if (!w || !testText(LOWER_FIRST, w.text)) return false;
    const lemma = lex.lemma(w.lower);
    if (!lemma || lemma === w.lower || (/(?:s|ing)$/.test(w.lower) && !/ed$/.test(w.lower)))
      return false;
    return !!lex.verb(lemma) && !NOT_CRITERION_PARTICIPLE.has(lemma);
  };
  for (let j = 1; j < Math.min(ws.length - 1, 10); j++) {
    const w = ws[j]!;
    if (NOT_PASSIVE_SUBJECT.has(w.lower) || CLAUSE_WORD.test(w.lower)) return 0;
    let k = -1;
    if (w.lower === 'is' || w.lower === 'are') k = j + 1;
    else if ((w.lower === 'has' || w.lower === 'have') && ws[j + 1]?.lower === 'been') k = j + 2;
    else if (
      j <= 4 &&
      !lex.verb(ws[0].lower) &&
      participle(w) &&
      /^\s+(?:for|to|by|in|from|as|on)\s/.test(masked.slice(w.end, w.end + 6)) &&
      ws.slice(j + 1, j + 12).some((x) => x.lower === 'are' || x.lower === 'is')
    )
      // "Tools and equipment selected to carry out tasks are consistent with ...".
      return w.start - at;
    if (k < 0) continue;
    // "Lectures are recorded", "The final grade is calculated": the course's own things.
    if (ARRANGEMENT_SUBJECT.has(ws[j - 1]!.lower)) return 0;
    while (ws[k] && lex.isAdverb(ws[k]!.lower) && !participle(ws[k])) k++;
    return participle(ws[k]) ? ws[k]!.start - at : 0;
  }
  return 0;
}
/** Verbs that are also adjectives, read as such after a participle and "and" ("missing and
 * duplicate values", "unused and obsolete files", "damaged and dirty tools"). */
const ADJECTIVE_TOO = wordSet(
  'duplicate separate correct complete clean clear close open direct perfect present free empty dry wet warm cool secure level even equal double total invalid obsolete dirty broken loose tight slow fast',
);
/** Words that start a clause or a noun phrase after a verb ("Explain how X are ..."). */
/** Nouns a word before them modifies ("rate reasoning", "design thinking"). */
const REASONING = wordSet('reasoning thinking');
const SUBJECT_PRONOUN = wordSet('i he she we they');
/** Words after "to" that make it a preposition, not an infinitive's ("to a given situation"). */
const TO_DETERMINER = wordSet('a an the their his her its our your this these those each all any');
/** Bloom verbs in their base form that are never nouns: after "and" each starts a behaviour
 * even inside a phrase with a preposition ("... of seawater and define salinity"); words that
 * are nouns too (list, state, name, control, review, outline, estimate) are not here. */
const NEVER_A_NOUN = wordSet(
  'describe define explain interpret identify discuss demonstrate evaluate analyze analyse calculate compute classify summarize summarise recognize recognise distinguish illustrate differentiate justify locate predict assess compare apply solve derive determine examine investigate diagnose formulate prioritize prioritise categorize categorise infer deduce verify specify modify utilize utilise perform operate contextualize contextualise synthesize synthesise hypothesize hypothesise criticize criticise appraise construe explicate',
);
const CLAUSE_OBJECT = wordSet(
  'how what why that which whether when where if who whom the a an all each any every their your its our his her them these those this',
);
const CLAUSE_WORD = /^(?:how|what|why|that|which|whether|when|where|if|who|whom)$/;
/** Subjects of passive statements that are not performance criteria. */
const NOT_PASSIVE_SUBJECT = wordSet(
  'you we they students student learners learner participants participant trainees trainee pupils apprentices candidates course courses module unit programme program workshop session sessions class lesson lunch this it there',
);
/** Head nouns of a course's own things: their passives are its arrangements ("Lectures are
 * recorded and posted", "Labs are completed in pairs"), not a worker's performance criteria
 * (as a modifier they may be: "Lab equipment is cleaned ..."). */
const ARRANGEMENT_SUBJECT = wordSet(
  'lecture lectures lab labs practical practicals reading readings assignment assignments attendance grade grades mark marks feedback slide slides recording recordings seminar seminars tutorial tutorials exam exams examination examinations quiz quizzes homework objective objectives outcome outcomes syllabus timetable deadline deadlines submission submissions',
);
/** Participles of a course's arrangements, not a performer's behaviour. */
const NOT_CRITERION_PARTICIPLE = wordSet(
  'provide deliver grade mark hold offer run teach give require expect base design intend introduce expose familiarise familiarize encourage train prepare equip qualify include cover schedule list publish post award expect allow permit limit',
);

const EMPLOYMENT = /^(?:employment|jobs?|work|positions?|careers?|roles?|promotion|places?)$/;

const PARTICLE = new Set(['to', 'from', 'into', 'onto', 'on', 'in', 'with', 'up', 'out']);
/** After a learner subject, verbs of a result to measure ("Participants rate the course 4 out
 * of 5") or of a course's arrangements ("We meet every Tuesday", "Students work in pairs",
 * "Students read chapter 3"), not behaviours. */
const RESULT_VERBS = wordSet(
  'rate score complete attend pass achieve reach finish enrol enroll return submit meet work read watch listen sit take bring need go come have get spend receive join',
);

/** Adverbs of degree without -ly that stand before a verb ("Further refine", "To better
 * understand", "to more fully explain"); "more" only before an adverb in -ly. */
const DEGREE_ADVERBS = wordSet('further better more');
/** Adjectives in -ly that start a noun phrase, not a verb ("Weekly safety walkthroughs", "Daily
 * log checks", "Early warning signs"); as adverbs they follow the verb ("Check the logs daily")
 * or stand before a comma ("Daily, record the temperatures"). */
const LY_ADJECTIVES = wordSet(
  'daily weekly monthly quarterly yearly hourly nightly fortnightly biweekly early timely',
);

/** Whether `ws[k]` is a verb in its base form after an adverb of degree (see skipAdverbs). */
function degreeVerb(ws: Word[], k: number, lex: Lexicon): boolean {
  const v = ws[k]!;
  if (ws[k + 1]?.lower === 'of') return false;
  if (matchVague(ws, k, lex)) return true;
  if (lex.lemma(v.lower) === v.lower && lex.verb(v.lower)) return true;
  return (
    lex.englishLemma(v.lower) === v.lower &&
    /^(?:the|a|an|your|their|its|his|her|our|my|this|these|those|each|all)$/.test(
      ws[k + 1]?.lower ?? '',
    )
  );
}

/** Index of the first word after leading adverbs ("Effectively and accurately communicate",
 * "Safely, quickly and accurately enter", "Further refine", "To better understand"). */
function skipAdverbs(text: string, ws: Word[], i: number, lex: Lexicon): number {
  let j = i;
  for (;;) {
    const w = ws[j];
    if (
      j < ws.length - 1 &&
      lex.isAdverb(w!.lower) &&
      !(LY_ADJECTIVES.has(w!.lower) && !text.slice(w!.end, ws[j + 1]!.start).includes(','))
    ) {
      j++;
      continue;
    }
    // "Further refine the technique", "better manage time", "To better understand": a verb in
    // its base form follows (a Bloom verb, a vague one, or an English verb before an article or
    // a possessive), not "of" after it ("Further study of ..." is a noun phrase); "Further the
    // aims", "Better outcomes", "Better sleep habits", "Further reading" stay as they were.
    if (
      j < ws.length - 1 &&
      DEGREE_ADVERBS.has(w!.lower) &&
      text.slice(w!.end, ws[j + 1]!.start).trim() === '' &&
      (lex.isAdverb(ws[j + 1]!.lower)
        ? !LY_ADJECTIVES.has(ws[j + 1]!.lower)
        : w!.lower !== 'more' && degreeVerb(ws, j + 1, lex))
    ) {
      j++;
      continue;
    }
    if (
      j > i &&
      (w?.lower === 'and' || w?.lower === 'or') &&
      ws[j + 2] &&
      lex.isAdverb(ws[j + 1]!.lower)
    ) {
      j++;
      continue;
    }
    return j;
  }
}

/** Whether a behaviour starts at `at` (after adverbs), or "how to" does. */
function startsBehaviour(masked: string, at: number, lex: Lexicon): boolean {
  const ws = words(masked.slice(0, Math.min(masked.length, at + 200)), at);
  const i = skipAdverbs(masked, ws, 0, lex);
  if (ws[i]?.lower === 'how' && ws[i + 1]?.lower === 'to') return true;
  return behaviourAt(masked, ws, i, lex, 'start', null) !== null;
}

/**
 * The behaviour whose verb is at `ws[i]`, or null. `mode` says where it stands: at the start
 * of the objective (any form of a known verb; an English-lexicon verb in its base or -ing form
 * followed by what it acts on), right after another verb ("Identify, describe and explain":
 * the same form), or later after "and", "then", ";" ("Create a repository and push it": the
 * same form, followed by what it acts on).
 */
/** Prepositions with the form of a present participle. */
const ING_PREPOSITIONS = wordSet('including excluding regarding concerning according');

function behaviourAt(
  text: string,
  ws: Word[],
  i: number,
  lex: Lexicon,
  mode: Mode,
  main: Word | null,
): Found | null {
  let k = i;
  if (!ws[k]) return null;
  // "and be able to utilise them" inside a coordination.
  if (ws[k]!.lower === 'be' && ws[k + 1]?.lower === 'able' && ws[k + 2]?.lower === 'to') k += 3;
  // "will have built": the participle is the verb.
  if (ws[k]?.lower === 'have' && ws[k + 1] && isParticiple(ws[k + 1]!, lex)) k += 1;
  const w = ws[k];
  if (!w) return null;
  // "Describing the organisation of the courts, including federal and state courts": a
  // preposition in -ing form introduces examples, never a behaviour.
  if (ING_PREPOSITIONS.has(w.lower)) return null;
  // "Learn advanced features, like the collections module": "like" introduces examples.
  if (mode !== 'start' && w.lower === 'like') return null;

  const vague = matchVague(ws, k, lex);
  if (vague && formOk(w, lex.lemma(w.lower) ?? w.lower, mode, main)) {
    // "read, understand, and critically interpret": a vague verb inside a series of verbs.
    if (
      vague.phrase.words.length === 1 &&
      mode !== 'start' &&
      !objectOk(text, ws, k, 'bare') &&
      !(mode === 'adjacent' && inSeries(text, ws, k, lex))
    )
      return null;
    const last = ws[vague.end - 1]!;
    const phrase: VagueSpan = {
      start: w.start,
      end: last.end,
      text: text.slice(w.start, last.end),
      ...vagueFields(vague.phrase),
    };
    // "understand how to configure", "learn to configure", "learn about using": the real
    // behaviour follows.
    let j = vague.end;
    const endsWithParticle = /\s(?:to|for|with|of|about|in|into)$/.test(vague.phrase.key);
    // "Learn how to X", "learn about how to X", "be aware of how to X", "learn about how you
    // can X": procedural knowledge, the behaviour is X.
    let how = howAt(ws, j, !endsWithParticle || /\s(?:about|of)$/.test(vague.phrase.key));
    if (how > 0) j += how;
    else if (ws[j]?.lower === 'to' && !endsWithParticle) j += 1;
    else if (!(
      (LEARNING.test(vague.phrase.key) || SKILL_IN.test(vague.phrase.key)) &&
      ws[j] &&
      /ing$/.test(ws[j]!.lower)
    ))
      j = -1;
    let real: Found | null = null;
    if (j > 0 && ws[j]) {
      const rw = ws[j]!;
      const lemma = lex.lemma(rw.lower);
      const info = lemma ? lex.verb(lemma) : undefined;
      const base = rw.lower.endsWith('ing') ? null : rw.lower;
      if (info && (lemma === base || rw.lower.endsWith('ing'))) {
        real = {
          b: known(text, ws, j, lemma!, info, lex),
          verbAt: j,
          last: j,
        };
      } else {
        const eng = lex.englishLemma(rw.lower);
        if (eng && (eng === base || rw.lower.endsWith('ing')) && !lex.vagueByHead.has(eng)) {
          real = { b: unknown(text, rw, eng), verbAt: j, last: j };
          // "Learn about networking, tooling, hardening systems": a gerund the Bloom lists do
          // not know is as often a topic as a behaviour, so it gives no level of its own (what
          // the phrase names decides the level meant).
          if (how === 0 && ws[vague.end]?.lower !== 'to') real.b = { ...real.b, level: null };
        }
      }
    }
    // "See how we can do ...": only a verb whose level is known is read through "how we can".
    if (how === 3 && !real?.b.known) {
      real = null;
      how = 0;
    }
    const lv = real ? (how > 0 ? procedural(real.b) : real.b) : null;
    if (how > 0 && !lv?.level) phrase.meant = 'apply';
    else if (
      !real &&
      !endsWithParticle &&
      ws[vague.end]?.lower === 'when' &&
      ws[vague.end + 1]?.lower === 'to'
    ) {
      // "Know when to reef the sail", "learn when to refer a client": the judgement of when an
      // action is called for (Anderson & Krathwohl 2001, ch. 5: checking and critiquing against
      // conditions), Evaluate: "Decide when to ...".
      phrase.meant = 'evaluate';
    } else if (
      !real &&
      !endsWithParticle &&
      (ws[vague.end]?.lower === 'how' || ws[vague.end]?.lower === 'why') &&
      ws[vague.end + 1]?.lower !== 'to' &&
      rank(phrase.meant) < rank('understand')
    ) {
      // "Know how the heart pumps blood", "know why dough rests": an explanation of a process or
      // a cause, Understand (explaining), not recall.
      phrase.meant = 'understand';
      phrase.suggest = lex.suggestFor('understand') ?? phrase.suggest;
    } else if (!real) {
      const following = ws.slice(vague.end, vague.end + OBJECT_WORDS).map((x) => x.lower);
      const meant = lex.meantByObject(vague.phrase.key, following);
      if (meant && meant !== phrase.meant) {
        phrase.meant = meant;
        phrase.suggest = lex.suggestFor(meant) ?? phrase.suggest;
      }
    }
    return {
      b: {
        verb: { ...span(text, w, last, vague.phrase.key) },
        level: lv?.level ?? null,
        alternatives: lv?.alternatives ?? [],
        vague: phrase,
        real: real ? real.b.verb : null,
        known: true,
        fromLeadIn: false,
      },
      verbAt: k,
      last: real ? real.last : vague.end - 1,
    };
  }

  // "Back up the database", "Come up with three options".
  const p = phrasalAt(ws, k, lex);
  if (p && formOk(w, lex.lemma(w.lower) ?? w.lower, mode, main)) {
    const last = k + p.words - 1;
    if (mode === 'later' && !objectOk(text, ws, last, 'bare')) return null;
    return { b: known(text, ws, last, p.info.verb, p.info, lex, k), verbAt: k, last };
  }

  const lemma = lex.lemma(w.lower);
  const info = lemma ? lex.verb(lemma) : undefined;
  if (lemma && info && formOk(w, lemma, mode, main)) {
    // A passive criterion's later participle has no object: the subject is what it acts on
    // ("Circuits are simulated in SPICE and compared against the specification").
    const passive = passiveStarts.size > 0 && w.lower !== lemma && /ed$/.test(w.lower);
    if (mode === 'later' && !passive && !objectOk(text, ws, k, 'bare')) return null;
    if (mode === 'start' && w.lower !== lemma && !startOk(text, ws, k, lemma, true, lex))
      return null;
    return { b: known(text, ws, k, lemma, info, lex), verbAt: k, last: k };
  }

  // "Setup a Python environment", "Login to the portal": a phrasal verb written as one word.
  const closed = lex.closedPhrasal.get(w.lower);
  if (closed && mode === 'start' && startOk(text, ws, k, w.lower, false, lex)) {
    return { b: known(text, ws, k, closed.verb, closed, lex), verbAt: k, last: k };
  }

  // A verb only the English lexicon knows: a behaviour of unknown level.
  const eng = lex.englishLemma(w.lower);
  // "First-line benzodiazepines", "Third-party libraries", "Two-step verification": a compound
  // that opens with an ordinal or a number is an adjective, whatever its last part is.
  if (eng && ordinalCompound(eng)) return null;
  if (eng && !lex.verb(eng) && w.lower.length > 2) {
    const ok =
      mode === 'start'
        ? startOk(text, ws, k, eng, false, lex) || checklistVerb(text, ws, k, eng)
        : formOk(w, eng, mode, main) &&
          (objectOk(text, ws, k, 'determiner') ||
            verbFollows(text, ws, k, lex, true) ||
            // A later verb of a series that starts the objective ("Hail and relay messages by
            // semaphore").
            (!!main && k <= seriesEnd(text, ws, ws.indexOf(main), lex)));
    if (!ok) return null;
    // "Problem-solve", "co-create", "peer-review": a compound verb is its last part (English
    // compounds are right-headed), so it has that verb's level.
    const dash = eng.lastIndexOf('-');
    const head = dash > 0 ? lex.verb(eng.slice(dash + 1)) : undefined;
    if (head && !/^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|multi)/.test(eng))
      return { b: known(text, ws, k, eng, head, lex), verbAt: k, last: k };
    // "Pray the Our Father from memory": a text said from memory is recalled (remember), a
    // level the lexicon gives ("byMemory"), so no unknown-verb hint.
    if (lex.memory?.verbs.has(eng) && fromMemoryAt(ws, k + 1, lex, text))
      return {
        b: { ...unknown(text, w, eng), level: lex.memory.level, known: true },
        verbAt: k,
        last: k,
      };
    return { b: unknown(text, w, eng), verbAt: k, last: k };
  }
  return null;
}

/** Whether a compound's first part is an ordinal or a number ("first-line", "third-party",
 * "two-step", "24-hour"); string operations, as it is asked of every hyphenated word. */
function ordinalCompound(word: string): boolean {
  const dash = word.indexOf('-');
  if (dash <= 0) return false;
  const head = word.slice(0, dash);
  const c = head.charCodeAt(0);
  return (c >= 48 && c <= 57) || ORDINAL_WORDS.has(head);
}
const ORDINAL_WORDS = new Set(
  'first second third fourth fifth sixth seventh eighth ninth tenth one two three four five six seven eight nine ten twelve hundred'.split(
    ' ',
  ),
);

/** Verbs that put things into groups ("Categorize credit and debit into columns"). */
const SORTING_VERBS = new Set([
  'categorize',
  'categorise',
  'classify',
  'sort',
  'group',
  'divide',
  'separate',
  'split',
  'organize',
  'organise',
  'arrange',
  'allocate',
]);

/** Determiners and possessives: after a word in -s at the start, they make it a verb. */
const CHECKLIST_OBJECT = wordSet('the a an its their his her each all any this these that those');

/**
 * "Inflates the tyres", "Dribbles the ball past a defender", "Assumes the driving position":
 * a checklist or performance criterion in the third person, its subject (the candidate, the
 * operator) left out. A word in -s at the start that the English lexicon knows as a verb is
 * one before an article or a possessive; before a bare noun it may be a plural ("Sprains and
 * strains in young athletes") and stays a topic.
 */
function checklistVerb(text: string, ws: Word[], k: number, lemma: string): boolean {
  const w = ws[k]!;
  const next = ws[k + 1];
  if (!next || w.lower === lemma || !/[^s]s$/.test(w.lower)) return false;
  return /^\s+$/.test(text.slice(w.end, next.start)) && CHECKLIST_OBJECT.has(next.lower);
}

function howTo(text: string, ws: Word[], i: number, lex: Lexicon): Found | null {
  // After "how to" a word is in verb position, whatever follows it: "How to stay calm", "How
  // to defuse difficult customers" name a procedure as "How to defuse an angry caller" does.
  const real =
    behaviourAt(text, ws, i + 2, lex, 'adjacent', null) ?? afterHowTo(text, ws, i + 2, lex);
  if (!real || real.b.vague) return null;
  const how = ws[i]!;
  const to = ws[i + 1]!;
  const lv = procedural(real.b);
  return {
    b: {
      verb: span(text, how, to, 'how to'),
      level: lv.level,
      alternatives: lv.alternatives,
      vague: {
        start: how.start,
        end: to.end,
        text: text.slice(how.start, to.end),
        ...HOW_TO,
        meant: lv.level ?? HOW_TO.meant,
      },
      real: real.b.verb,
      known: true,
      fromLeadIn: false,
    },
    verbAt: i + 2,
    last: real.last,
  };
}
/** After "how to" a word is in verb position: an English-lexicon verb in its base form is the
 * behaviour ("and how to auto-close issues"). */
function afterHowTo(text: string, ws: Word[], k: number, lex: Lexicon): Found | null {
  const w = ws[k];
  if (!w || w.lower.length < 3) return null;
  const eng = lex.englishLemma(w.lower);
  if (eng !== w.lower || lex.vagueByHead.has(eng)) return null;
  return { b: unknown(text, w, eng), verbAt: k, last: k };
}

/** Words of "how to" or "how you can" at `ws[j]` (0 when there are none). */
function howAt(ws: Word[], j: number, allowed: boolean): number {
  if (!allowed || ws[j]?.lower !== 'how') return 0;
  if (ws[j + 1]?.lower === 'to') return 2;
  if (
    HOW_SUBJECT.has(ws[j + 1]?.lower ?? '') &&
    /^(?:can|could|should|would|might|will)$/.test(ws[j + 2]?.lower ?? '')
  )
    return 3;
  return 0;
}
const HOW_SUBJECT = new Set(['you', 'we', 'they', 'students', 'learners', 'participants', 'one']);

/**
 * "How to X" names procedural knowledge, how to do something (Anderson & Krathwohl 2001,
 * ch. 4): what it asks is carrying out that procedure, Apply, whatever level X has on its own
 * ("Learn how to inspect the history", "how to check stock from an IoT device"); X's level
 * stays an alternative. A verb of unknown level is still a procedure. Create stays create.
 */
function procedural(b: { level: BloomLevel | null; alternatives: BloomLevel[] }): {
  level: BloomLevel;
  alternatives: BloomLevel[];
} {
  if (b.level === 'create') return { level: 'create', alternatives: b.alternatives };
  const alternatives: BloomLevel[] = [];
  for (const l of [b.level, ...b.alternatives])
    if (l && l !== 'apply' && !alternatives.includes(l)) alternatives.push(l);
  return { level: 'apply', alternatives };
}

/** The vague-phrase keys of a question read as an objective. */
export const QUESTION_KEYS: ReadonlySet<string> = new Set(['what is', 'why', 'how does']);

/**
 * An item that is a question ("What is data security?", "What are containers?", "Why is
 * version control important?", "How does DNS resolve a name?"): stated as what the lesson
 * answers, not as what learners will do, so vague; what it asks for is an explanation,
 * Understand (Anderson & Krathwohl 2001: explaining, the question stems "What is ...?",
 * "Why ...?", "How does ... work?" of the revised taxonomy's guides). Other questions ("Which
 * ...?", "When ...?") are not read: their level is not as clear.
 */
function questionAt(text: string, ws: Word[], i: number): Found | null {
  if (!/\?\s*$/.test(text)) return null;
  const w = ws[i];
  const next = ws[i + 1]?.lower ?? '';
  if (!w || !ws[i + 2]) return null;
  let key: string;
  let last = i;
  if (w.lower === 'what' && /^(?:is|are|was|were)$/.test(next)) {
    key = 'what is';
    last = i + 1;
  } else if (w.lower === 'why') key = 'why';
  else if (
    w.lower === 'how' &&
    /^(?:does|do|did|is|are|can|could)$/.test(next) &&
    !/^(?:i|you|we|one|to)$/.test(ws[i + 2]!.lower)
  ) {
    key = 'how does';
    last = i + 1;
  } else return null;
  return askedToExplain(text, ws, i, last, key);
}

/** The vague-phrase keys of a topic stated in place of an objective ("What git is"). */
export const TOPIC_KEYS: ReadonlySet<string> = new Set(['what', 'why', 'how', 'that']);

/**
 * A topic in place of an objective, not a question ("What git and GitHub are", "How a bill
 * becomes law", "Why hand hygiene prevents infection", "That version control keeps a
 * history"): what the lesson is about, with no behaviour stated, so vague; what it asks of
 * learners is to explain it, Understand (as for the question forms above). A finite verb must
 * follow within the clause, so "What next" or "How much" is not read.
 */
function topicAt(text: string, ws: Word[], i: number): Found | null {
  if (/\?\s*$/.test(text)) return null;
  const w = ws[i];
  if (!w || !TOPIC_KEYS.has(w.lower) || ws.length - i < 3) return null;
  const next = ws[i + 1]!.lower;
  // "What we will do today", "How you will be assessed": the course's plan, not a topic.
  if (/^(?:to|much|many|long|often|far|about|if|else|next|not|we|you|i|they)$/.test(next))
    return null;
  // "That is", "What is": a question or a sentence about the text, not a topic.
  if (/^(?:is|are|was|were|do|does|did|can|could|will|would|should)$/.test(next)) return null;
  const clause = ws.slice(i + 2, i + 12).map((x) => x.lower);
  if (
    !clause.some((x) =>
      /^(?:is|are|was|were|has|have|does|do|can|could|will|would|should|must|may|might|matters?|works?|becomes?|means?)$/.test(
        x,
      ),
    ) &&
    !clause.some((x, k) => k > 0 && /[^s]s$/.test(x) && !/(?:ss|us|is|ics)$/.test(x))
  )
    return null;
  return askedToExplain(text, ws, i, i, w.lower);
}

/**
 * Words i..last read as a vague phrase (a question or a topic in place of a behaviour) whose
 * meant level is Understand: what it asks of learners is to explain it.
 */
function askedToExplain(text: string, ws: Word[], i: number, last: number, key: string): Found {
  const a = ws[i]!;
  const b = ws[last]!;
  return {
    b: {
      verb: span(text, a, b, key),
      level: null,
      alternatives: [],
      vague: {
        start: a.start,
        end: b.end,
        text: text.slice(a.start, b.end),
        key,
        meant: 'understand',
        suggest: ['explain', 'describe', 'summarize'],
      },
      real: null,
      known: true,
      fromLeadIn: false,
    },
    verbAt: i,
    last,
  };
}

/** "How to X" as an objective: X stated as a topic, not as something learners will do. */
const HOW_TO = {
  key: 'how to',
  meant: 'apply' as BloomLevel,
  suggest: ['explain', 'describe', 'demonstrate', 'outline', 'show'],
};

/** A verb the Bloom lists know, at `ws[k]`, or spread over `ws[first..k]` ("back up"); its
 * level read from what follows `ws[k]`. */
function known(
  text: string,
  ws: Word[],
  k: number,
  lemma: string,
  info: VerbInfo,
  lex: Lexicon,
  first = k,
): BehaviourReading {
  const lv = levelOf(info, ws, k, lex, text);
  return {
    verb: span(text, ws[first]!, ws[k]!, lemma),
    level: lv.level,
    alternatives: lv.alternatives,
    vague: null,
    real: null,
    known: true,
    fromLeadIn: false,
  };
}

/**
 * A verb the English lexicon knows and the Bloom lists do not ("stream data", "conjugate
 * verbs", "chair a meeting", "ensure every patient ..."): a behaviour, read at Apply. Such verbs
 * name something carried out on what follows them, which is what Apply is ("carrying out or
 * using a procedure in a given situation", Anderson & Krathwohl 2001), as the hands-on verbs of
 * the published skills lists are; on all four labelled sets every one of them was labelled
 * apply. `known` stays false: the level is Bloomline's reading, not the lists', and
 * `unknown-verb` says so.
 */
function unknown(text: string, w: Word, lemma: string): BehaviourReading {
  return {
    verb: span(text, w, w, lemma),
    level: 'apply',
    alternatives: [],
    vague: null,
    real: null,
    known: false,
    fromLeadIn: false,
  };
}

function span(text: string, a: Word, b: Word, lemma: string): PlainSpan & { lemma: string } {
  return { start: a.start, end: b.end, text: text.slice(a.start, b.end), lemma };
}

function isParticiple(w: Word, lex: Lexicon): boolean {
  const lemma = lex.lemma(w.lower);
  return !!lemma && lemma !== w.lower && !w.lower.endsWith('ing') && !w.lower.endsWith('s');
}

/** A verb after another takes the same form ("Identifying and explaining", "Explains and
 * compares"), or its base form. */
function formOk(w: Word, lemma: string, mode: Mode, main: Word | null): boolean {
  if (mode === 'start' || !main) return true;
  if (w.lower === lemma) return true;
  // "Constructs and delivers": the same ending, -s, -ed or -ing.
  const ending = (x: string) =>
    x.endsWith('ing') ? 'ing' : x.endsWith('ed') ? 'ed' : /[^s]s$/.test(x) ? 's' : x.slice(-2);
  return main.lower !== lemma && ending(w.lower) === ending(main.lower) && main.lower.length > 3;
}

/**
 * Whether what follows `ws[k]` can be what a verb acts on. 'determiner': an article, pronoun,
 * quantifier or number ("and stack them", "and skip the header"); 'bare' also allows a noun
 * with no article ("and make commits", "and install libraries").
 */
/** Whether the word after `ws[k]`, past an article, is capitalised: "Learn Basic CSS",
 * "Build a Personal Portfolio Page" go on in Title Case. */
function titleCaseAfter(ws: Word[], k: number): boolean {
  let j = k + 1;
  if (ws[j] && ARTICLE.has(ws[j]!.lower)) j++;
  return ws[j] !== undefined && testText(CAPITALISED, ws[j]!.text);
}
const ARTICLE = new Set(['a', 'an', 'the']);

function objectOk(text: string, ws: Word[], k: number, how: 'determiner' | 'bare'): boolean {
  const next = ws[k + 1];
  if (!next) return false;
  const gap = text.slice(ws[k]!.end, next.start);
  if (!/^\s+$/.test(gap)) return false;
  if (FOLLOWS_VERB.has(next.lower) || /^\d/.test(next.lower)) return true;
  // "explain at least some of their views": a quantity starts what the verb acts on.
  if (next.lower === 'at' && (ws[k + 2]?.lower === 'least' || ws[k + 2]?.lower === 'most'))
    return true;
  if (how === 'determiner') return false;
  if (NOT_A_BARE_OBJECT.has(next.lower)) {
    // "view and restore older versions": a verb, "and", a verb with its object.
    return false;
  }
  return true;
}

/** "Problem-solve and create innovative answers", "view and restore older versions": "and" or
 * "or" then a Bloom verb in its base form with what it acts on, so `ws[k]` is a verb too. */
/** Whether "and"/"or" and a verb with what it acts on follow `ws[k]`; with `english`, also a
 * verb only the English lexicon knows ("ream and thread conduit", inside a list of verbs). */
function verbFollows(text: string, ws: Word[], k: number, lex: Lexicon, english = false): boolean {
  const and = ws[k + 1]?.lower;
  const other = ws[k + 2]?.lower;
  if ((and !== 'and' && and !== 'or') || !other) return false;
  // "ream and thread conduit", "Cut, ream, and thread conduit" (a serial comma).
  const gap = text.slice(ws[k]!.end, ws[k + 1]!.start).trim();
  if (gap !== '' && gap !== ',') return false;
  const verb =
    (lex.lemma(other) === other && !!lex.verb(other)) ||
    (english && lex.englishLemma(other) === other);
  if (verb) return objectOk(text, ws, k + 2, 'bare');
  // "Constructs and delivers a lesson plan" (competency lists): both verbs in -s, and an
  // article or pronoun after the second ("Tests and quizzes count" is no behaviour).
  const here = ws[k]!.lower;
  const lemma = lex.lemma(other) ?? lex.englishLemma(other);
  return (
    !!lemma &&
    lemma !== other &&
    /[^s]s$/.test(here) &&
    /[^s]s$/.test(other) &&
    (!!lex.verb(lemma) || lex.englishLemma(other) === lemma) &&
    objectOk(text, ws, k + 2, 'determiner')
  );
}

/** Whether a verb at `k` is followed by ", " or "and"/"or" and another behaviour ("read,
 * understand, and critically interpret", "understand and be able to apply"). */
function inSeries(text: string, ws: Word[], k: number, lex: Lexicon): boolean {
  let j = k + 1;
  if (!ws[j]) return false;
  const gap = text.slice(ws[k]!.end, ws[j]!.start).trim();
  if (gap !== '' && gap !== ',') return false;
  if (ws[j]!.lower === 'and' || ws[j]!.lower === 'or') j++;
  else if (gap !== ',') return false;
  while (ws[j] && lex.isAdverb(ws[j]!.lower)) j++;
  if (ws[j]?.lower === 'be' && ws[j + 1]?.lower === 'able' && ws[j + 2]?.lower === 'to') j += 3;
  const w = ws[j];
  if (!w) return false;
  const lemma = lex.lemma(w.lower);
  return !!lemma && lemma === w.lower && (!!lex.verb(lemma) || lex.vagueByHead.has(lemma));
}

/**
 * A gerund objective in a series ("Identifying, describing and comparing the parts of a
 * flower", "Explaining and comparing two models"): a gerund followed by ", " or "and"/"or" and
 * another gerund of a Bloom verb that acts on something.
 */
function gerundFollows(text: string, ws: Word[], k: number, lex: Lexicon): boolean {
  // "Identifies, describes and explains the stages" (competency lists): the same in -s, with
  // an article or pronoun after the last verb.
  const s = /[^s]s$/.test(ws[k]!.lower);
  if (!ws[k]!.lower.endsWith('ing') && !s) return false;
  let j = k + 1;
  const gap = ws[j] ? text.slice(ws[k]!.end, ws[j]!.start).trim() : '';
  if (gap !== '' && gap !== ',') return false;
  if (ws[j]?.lower === 'and' || ws[j]?.lower === 'or') j++;
  else if (gap !== ',') return false;
  const other = ws[j];
  if (!other || !(s ? /[^s]s$/.test(other.lower) : other.lower.endsWith('ing'))) return false;
  const lemma = lex.lemma(other.lower);
  if (!lemma || lemma === other.lower || !lex.verb(lemma)) return false;
  return gerundFollows(text, ws, j, lex) || objectOk(text, ws, j, s ? 'determiner' : 'bare');
}

/**
 * At the start, a word the Bloom lexicon knows only as an inflection ("Rules", "Armed"), a
 * one-word phrasal verb or an English-lexicon verb must read as a verb: base or -ing form
 * (`inflectedOk` allows any form), followed on the same clause by what it acts on, not by
 * "of", "is", "and" ("Rules of probability", "Mean and median"), a colon ("Supply chain
 * evaluation:") or a call ("sum()"), in an item that is not a Title Case name ("File
 * Directory").
 */
function startOk(
  text: string,
  ws: Word[],
  k: number,
  lemma: string,
  inflectedOk: boolean,
  lex: Lexicon,
): boolean {
  const w = ws[k]!;
  // "I have drawn and labelled a food web", "We have documented and shared the plan": right
  // after the perfect's "have" (set aside as a lead-in), a participle before "and" is the verb,
  // not an adjective of a topic ("Written and oral communication").
  if (
    w.lower !== lemma &&
    !w.lower.endsWith('ing') &&
    (ws[k + 1]?.lower === 'and' || ws[k + 1]?.lower === 'or') &&
    afterPerfect(text, w.start)
  )
    return true;
  if (!inflectedOk && w.lower !== lemma && !w.lower.endsWith('ing')) return false;
  if (inflectedOk && passiveStarts.has(w.start)) return true;
  const next = ws[k + 1];
  if (!next) return false;
  if (gerundFollows(text, ws, k, lex)) return true;
  if (verbSeries(text, ws, k, lex)) return true;
  const gap = text.slice(w.end, next.start);
  // "Achieve >4.0/5.0 user satisfaction", "Score ≥80% on the simulation": a comparison sign
  // is part of the number the verb acts on.
  if (COMPARED_NUMBER_GAP.test(gap) && /^\d/.test(next.lower)) return true;
  if (!/^\s+$/.test(gap)) return false;
  if (verbFollows(text, ws, k, lex)) return true;
  // "Work as part of a team", "Act as a mentor to new starters": "as" with a role after it
  // ("Water as a solvent" names a topic).
  if (next.lower === 'as' && testText(AS_ROLE, text.slice(next.end, next.end + 40))) return true;
  if (NOT_AN_OBJECT.has(next.lower)) return false;
  // A label ("Supply chain evaluation: ...") or a dash ("Passwords - a crash course").
  const window = text.slice(w.end, ws[Math.min(ws.length - 1, k + 4)]!.end);
  if (/:|\s[-–—]\s/.test(window)) return false;
  if (inflectedOk) return true;
  const after = ws.slice(k + 1, k + 7).filter((x) => x.text.length >= 3);
  if (after.length && after.every((x) => testText(CAPITALISED, x.text))) return false;
  // "File permissions", "Thread pools": a verb and a bare noun alone name a topic; a verb
  // reads as one with an article or pronoun after it, a sentence's full stop, or words enough
  // for a clause ("Stream data from an S3 bucket").
  if (FOLLOWS_VERB.has(next.lower) || /^\d/.test(next.lower)) return true;
  return ws.length - k - 1 >= 3 || /[.!]\s*$/.test(text);
}

/** Between a verb and a number: a space and a comparison sign ("> ", "≥", "<="). */
const COMPARED_NUMBER_GAP = /^\s+(?:[<>≤≥~≈]=?|\+\/-|±)\s*$/;

/** A role after "as": part of a team, a member of one, a mentor, a leader. */
const AS_ROLE = lazy(
  String.raw`^\s+(?:(?:an?\s+)?(?:integral\s+|active\s+|effective\s+)?part\s+of|an?\s+(?:(?:team|group|crew)\s+)?(?:member|mentor|role\s+model|leader|team|group|liaison|advocate|ambassador|buddy|coach)s?\b|one\s+team\b)`,
  'i',
);

/** Whether the text before `at` ends with "I have", "we have", "I've" (and "also"). Tried on
 * the 24 characters before it only. */
function afterPerfect(text: string, at: number): boolean {
  return PERFECT_BEFORE.test(text.slice(Math.max(0, at - 24), at));
}
const PERFECT_BEFORE = /(?:^|[^A-Za-z])(?:i|we)\s+(?:have|['’]ve)\s+(?:also\s+)?$/i;

/** Words that start a clause after a bare object ("information by radio", "searches using
 * database limiters"): with one of them, a series of verbs reads as behaviours, not a topic. */
const CLAUSE_WORDS = wordSet(
  'the a an their your its this these those by with using from to into onto in on at for through via under within without during across between',
);

/**
 * Whether `ws[k]` starts a series of verbs in their base form joined by commas and a final
 * "and" / "or" ("Transmit and receive information by visual signalling", "Prevent, control and
 * fight fires in the engine room"), with a clause after the last verb: an article, a
 * preposition among the words after it, or a full stop. Such a series names behaviours even
 * where the verbs are ones only the English lexicon knows; a series before a bare noun or two
 * ("Table and figure placement", "Heat, light and sound energy") names a topic.
 */
function verbSeries(text: string, ws: Word[], k: number, lex: Lexicon): boolean {
  return seriesEnd(text, ws, k, lex) > k;
}

/** The index of the last verb of such a series starting at `ws[k]`, or -1. */
function seriesEnd(text: string, ws: Word[], k: number, lex: Lexicon): number {
  const isVerb = (x: string) => lex.englishLemma(x) === x || (lex.lemma(x) === x && !!lex.verb(x));
  let j = k;
  let joined = false;
  while (!joined) {
    const next = ws[j + 1];
    if (!next) return -1;
    const gap = text.slice(ws[j]!.end, next.start).trim();
    let at: number;
    if ((gap === '' || gap === ',') && (next.lower === 'and' || next.lower === 'or')) {
      at = j + 2;
      joined = true;
    } else if (gap === ',') at = j + 1;
    else return -1;
    const v = ws[at];
    if (!v || !isVerb(v.lower)) return -1;
    j = at;
  }
  if (!objectOk(text, ws, j, 'bare')) return -1;
  const rest = ws.slice(j + 1);
  if (rest.filter((x) => x.text.length >= 3).every((x) => testText(CAPITALISED, x.text))) return -1;
  return rest.some((x) => CLAUSE_WORDS.has(x.lower)) || /[.!]\s*$/.test(text) ? j : -1;
}

/** Further behaviours after the first: "Identify, describe and explain", "Create a repo and
 * push it", "Summarize X, identify Y, and mitigate Z", "X, as well as view and restore Y",
 * "Know how to A and how to B", "Describe X and understand Y". */
function moreBehaviours(text: string, ws: Word[], first: Found, lex: Lexicon): Found[] {
  const out: Found[] = [];
  if (first.verbAt < 0) return out;
  const mainWord = ws[first.b.real ? first.last : first.verbAt] ?? ws[first.verbAt]!;
  const firstVerbEnd = ws[first.last]!.end;
  // Directly after the verb: ", describe and explain" (same form). Gaps are compared trimmed:
  // tests like `^\s*,?\s*$` backtrack quadratically on long runs of spaces.
  let i = first.last + 1;
  let prev = first;
  while (i < ws.length) {
    // "push to and pull from a remote", "create, push to, and pull from": a particle of the
    // verb before "and" or a comma.
    if (
      PARTICLE.has(ws[i]!.lower) &&
      i === prev.last + 1 &&
      ws[i + 1] &&
      (ws[i + 1]!.lower === 'and' ||
        ws[i + 1]!.lower === 'or' ||
        text.slice(ws[i]!.end, ws[i + 1]!.start).trim() === ',')
    )
      i++;
    const gap = text.slice(ws[i - 1]!.end, ws[i]!.start).trim();
    const conj = ws[i]!.lower;
    let at = -1;
    if ((gap === '' || gap === ',') && (conj === 'and' || conj === 'or')) at = i + 1;
    else if (gap === ',' && i === prev.last + 1) at = i;
    else if (gap === '&' || gap === 'and/or' || gap === '/') at = i;
    if (at < 0 || !ws[at]) break;
    // "read, understand, and critically interpret": an adverb before the next verb.
    while (ws[at + 1] && lex.isAdverb(ws[at]!.lower)) at++;
    const f = behaviourAt(text, ws, at, lex, 'adjacent', mainWord);
    if (!f) break;
    // "Explain and describe X", "Select and choose X", "Compare and contrast X": near-synonyms
    // on one object ask for one behaviour (bloom-verbs.json "sameBehaviour"); a vague verb is
    // always its own behaviour, so that it is reported.
    // "Qualify or disqualify a lead": a decision's two verdicts, one behaviour.
    // "Discuss/explain X", "Name/tell/recall X": a slash offers the author's alternative
    // wordings of one behaviour (as "and/or" does), read as the first; not an alternative of a
    // higher level ("Identify/critique"), which is kept so that the level read is not lowered.
    if (
      f.b.vague ||
      prev.b.vague ||
      !(
        lex.sameBehaviour(prev.b.verb.lemma, f.b.verb.lemma) ||
        (gap === '/' && !!f.b.level && !!prev.b.level && rank(f.b.level) <= rank(prev.b.level)) ||
        // (Read as the first: only when the first's level is the lists' or neither's is.)
        (conj === 'or' &&
          (prev.b.known || !f.b.known) &&
          lex.verdicts(prev.b.verb.lemma, f.b.verb.lemma))
      )
    )
      out.push(f);
    prev = f;
    i = f.last + 1;
    if (gap !== ',' || f.b.vague) {
      // After "and X" the list is over unless a comma follows X (", and Y").
      const g = ws[i] ? text.slice(ws[i - 1]!.end, ws[i]!.start).trim() : '';
      if (g !== ',' && ws[i]?.lower !== 'and' && ws[i]?.lower !== 'or') break;
    }
  }
  // "Use a drone to photograph and map a field": a means verb's purpose of two or more distinct
  // actions asks for each; the first is read with the means verb ("use ... to photograph").
  if (out.length === 0 && lex.purposeList.has(first.b.verb.lemma)) {
    const more = purposeList(text, ws, first.last + 1, lex, mainWord);
    if (more.length > 0) {
      out.push(...more);
      prev = more[more.length - 1]!;
      i = prev.last + 1;
    }
  }
  // Later: "and push it to GitHub" (a verb followed by what it acts on). The text between two
  // behaviours grows with k, so it is read in pieces: SUBORDINATE from where the last candidate
  // left off (one character back, for its `\b`), the infinitive test on the last few words
  // only; reading all of it for each candidate was quadratic.
  let lastEnd = ws[prev.last]!.end;
  let subFrom = lastEnd;
  let subordinate = false;
  let finite = false;
  let governed = false;
  // An infinitive since the last behaviour ("to construct queries and modify results"): a verb
  // after "and" may be its second verb.
  let infinitive = false;
  let commas = 0;
  for (let k = Math.max(i, prev.last + 1); k < ws.length; k++) {
    const w = ws[k]!;
    const before = text.slice(Math.max(lastEnd, subFrom - 1), w.start);
    const gap = text.slice(ws[k - 1]!.end, w.start);
    const prevWord = ws[k - 1]!.lower;
    const andGap = /^\s+$/.test(gap);
    const joined =
      ((prevWord === 'and' || prevWord === 'then') && andGap) ||
      (prevWord === 'also' && ws[k - 2]?.lower === 'and' && andGap) ||
      // "Review the appraiser's performance and clearly summarize the agreed level": an adverb
      // of manner between "and" and the verb; not two adverbs joined ("ethically and
      // appropriately to facilitate", "effectively and artistically lead").
      (ws[k - 2]?.lower === 'and' &&
        andGap &&
        w.lower !== 'to' &&
        prevWord.endsWith('ly') &&
        lex.isAdverb(prevWord) &&
        !(ws[k - 3]?.lower.endsWith('ly') && lex.isAdverb(ws[k - 3]!.lower)) &&
        /^\s+$/.test(text.slice(ws[k - 2]!.end, ws[k - 1]!.start))) ||
      // "Majors can identify causes and can situate events", "Students will know X, and will
      // understand Y": the modal repeated after "and".
      (MODAL.has(prevWord) && ws[k - 2]?.lower === 'and' && andGap) ||
      (prevWord === 'as' && ws[k - 2]?.lower === 'well' && ws[k - 3]?.lower === 'as');
    // A second sentence that starts with a verb ("Know how to replace the brake assembly.
    // Demonstrate brake bleeding.") states a further behaviour, as after a semicolon.
    const semicolon =
      /;\s*$/.test(gap) ||
      (k >= 2 && /,\s*then\s*$/.test(text.slice(ws[k - 2]!.end, w.start))) ||
      (/^[.!?]\s+$/.test(gap) &&
        testText(CAPITALISED, w.text) &&
        !ABBREVIATION.test(text.slice(Math.max(0, w.start - 12), w.start)));
    const comma = /^\s*,\s*$/.test(gap);
    // "and how to auto-close issues": a second behaviour through "how to"; not when a telling
    // verb's object is a when / why / where question that "and how to X" is part of
    // ("Explain when and how to move a casualty", "Describe when to call and how to ...").
    if (
      joined &&
      w.lower === 'how' &&
      ws[k + 1]?.lower === 'to' &&
      ws[k + 2] &&
      !(
        out.length === 0 &&
        lex.question?.verbs.has(first.b.verb.lemma) &&
        lex.question.words.has(ws[first.last + 1]?.lower ?? '')
      )
    ) {
      const f =
        behaviourAt(text, ws, k + 2, lex, 'adjacent', null) ?? afterHowTo(text, ws, k + 2, lex);
      if (f) {
        if (!f.b.vague) f.b = { ...f.b, ...procedural(f.b) };
        out.push(f);
        lastEnd = ws[f.last]!.end;
        subFrom = lastEnd;
        subordinate = false;
        finite = false;
        governed = false;
        infinitive = false;
        commas = 0;
        k = f.last;
        continue;
      }
    }
    if (SUBORDINATE.test(before)) subordinate = true;
    if (subordinate && testText(FINITE, before)) finite = true;
    if (PREPOSITION.test(before)) governed = true;
    // "to" then a word that is no determiner ("to construct", not "to a given situation").
    if (prevWord === 'to' && k - 1 > prev.last && !TO_DETERMINER.has(w.lower)) infinitive = true;
    for (const c of before) if (c === ',') commas++;
    subFrom = w.start;
    if (!joined && !semicolon && !comma) continue;
    // "read works critically and to compare their arguments": a second infinitive; "and an
    // ability to engage in life-long learning" (programme outcomes): the frame set aside.
    const ability =
      joined && (w.lower === 'an' || w.lower === 'the') && ws[k + 1]?.lower === 'ability'
        ? k + 1
        : joined && w.lower === 'ability'
          ? k
          : -1;
    const framed = ability >= 0 && ws[ability + 1]?.lower === 'to' && !!ws[ability + 2];
    const at = framed ? ability + 2 : joined && w.lower === 'to' && ws[k + 1] ? k + 1 : k;
    const f = framed
      ? verbAfterFrame(text, ws, at, lex)
      : behaviourAt(text, ws, at, lex, 'later', mainWord);
    if (!f) continue;
    // "Categorize credit and debit into the correct columns": a sorting verb's object of one or
    // two words and another after "and", then where they go ("into ..."): more of the object,
    // not a second behaviour ("Categorize transactions and record them" has its own object).
    if (
      joined &&
      !framed &&
      f.last === at &&
      k - 2 - (prev.last + 1) <= 1 &&
      k - 2 >= prev.last + 1 &&
      SORTING_VERBS.has(first.b.verb.lemma) &&
      ws[at + 1]?.lower === 'into'
    )
      continue;
    // "Identify missing and duplicate values": a participle alone before "and", then a word that
    // is also an adjective, modify one noun; no second behaviour.
    if (
      joined &&
      !framed &&
      k - 2 === prev.last + 1 &&
      /(?:ing|ed)$/.test(ws[k - 2]!.lower) &&
      ADJECTIVE_TOO.has(ws[at]!.lower)
    )
      continue;
    // "Use ratio and rate reasoning to solve ...": a word right before a noun of reasoning or
    // thinking modifies it, as "proportional" does; no second behaviour.
    if (joined && !framed && f.last === at && REASONING.has(ws[at + 1]?.lower ?? '')) continue;
    // "Describe some research methods and research designs": a word of the object before
    // "and" again after it names more of the object, not a second behaviour.
    if (joined && !framed && repeatsObjectWord(ws, prev.last + 1, k - 1, ws[at]!.lower)) continue;
    // After ", " alone only a verb with an article or pronoun after it ("Summarize X,
    // identify these threats, and mitigate them"); "the structure, function and evolution"
    // has none.
    if (comma && !joined && !objectOk(text, ws, f.last, 'determiner')) continue;
    // "..., the second project, Learn Basic CSS by Building a Cafe Menu": a capitalised verb
    // after a comma inside the sentence, with a capitalised word after it, starts a name in
    // Title Case (a project, a module), which is what the behaviour acts on.
    if (comma && !joined && testText(CAPITALISED, w.text) && titleCaseAfter(ws, k)) continue;
    const explicit =
      framed || semicolon || prevWord === 'then' || prevWord === 'as' || prevWord === 'also';
    // "following licensing rules, house policies and knowledge of allergens": a noun of an inner
    // state (vague-phrases.json "states") in a list of what the behaviour attends to is part of
    // the list, no further behaviour (a vague verb, "and understand X", "and show an
    // understanding of X", still is; so is a nominalised action, "installation and
    // configuration of").
    if (!explicit && f.b.vague && lex.stateNouns.has(ws[f.verbAt]!.lower)) continue;
    // A passive criterion's participle after a phrase ("simulated in SPICE and compared
    // against ...") needs no object: the subject is what it acts on.
    const participle =
      passiveStarts.size > 0 &&
      /ed$/.test(ws[f.verbAt]!.lower) &&
      ws[f.verbAt]!.lower !== f.b.verb.lemma;
    // "Locate the ocean basins on a map and describe modern methods": after "and", a verb that
    // is never a noun, with what it acts on, is a behaviour though no article starts its object
    // (a word that is also a noun, "and control systems", can be more of the phrase).
    const verbOnly =
      joined &&
      !infinitive &&
      NEVER_A_NOUN.has(ws[f.verbAt]!.lower) &&
      f.b.verb.lemma === ws[f.verbAt]!.lower &&
      objectOk(text, ws, f.last, 'bare') &&
      // "and describe they differ": a subject pronoun starts a clause, not an object.
      !SUBJECT_PRONOUN.has(ws[f.last + 1]!.lower);
    if (
      !explicit &&
      !participle &&
      !verbOnly &&
      (governed || commas >= 2) &&
      !f.b.real &&
      !(f.b.vague && f.b.vague.key.includes(' ')) &&
      !objectOk(text, ws, f.last, 'determiner')
    )
      continue;
    // Inside "how ...", "that ...": the verb belongs to that clause, unless that clause has
    // its own finite verb and this one is bare ("Explain what X means and understand Y").
    if (subordinate && !(finite && ws[f.verbAt]!.lower === f.b.verb.lemma.split(' ')[0])) continue;
    // "the steps to plan and run a retrospective": both verbs belong to one infinitive.
    const tail = Math.max(firstVerbEnd, ws[Math.max(0, k - 8)]!.start - 1);
    if (testText(INFINITIVE_PAIR, text.slice(tail, w.start))) continue;
    out.push(f);
    lastEnd = ws[f.last]!.end;
    subFrom = lastEnd;
    subordinate = false;
    finite = false;
    governed = false;
    infinitive = false;
    commas = 0;
    k = f.last;
    // Its own adjacent list: "as well as view and restore older versions".
    let j = f.last + 1;
    while (ws[j] && (ws[j]!.lower === 'and' || ws[j]!.lower === 'or') && ws[j + 1]) {
      const g = behaviourAt(text, ws, j + 1, lex, 'adjacent', ws[f.verbAt]!);
      if (!g || !objectOk(text, ws, g.last, 'bare')) break;
      out.push(g);
      lastEnd = ws[g.last]!.end;
      subFrom = lastEnd;
      k = g.last;
      j = g.last + 1;
    }
  }
  return out;
}

/** After "and an ability to" a word in its base form is a verb: "undertake, independent
 * study", "engage in life-long learning" (what follows need not look like an object). */
function verbAfterFrame(text: string, ws: Word[], at: number, lex: Lexicon): Found | null {
  const f = behaviourAt(text, ws, at, lex, 'adjacent', null);
  if (f) return f;
  const w = ws[at];
  if (!w || w.lower.length < 3) return null;
  const eng = lex.englishLemma(w.lower);
  if (eng !== w.lower || lex.vagueByHead.has(eng)) return null;
  return { b: unknown(text, w, eng), verbAt: at, last: at };
}

/** Whether `word` is among `ws[from..to)` (the object of the behaviour before it). */
function repeatsObjectWord(ws: Word[], from: number, to: number, word: string): boolean {
  for (let j = Math.max(from, to - 8); j < to; j++) if (ws[j]!.lower === word) return true;
  return false;
}

/** The verb at `ws[i]`'s level, and its other levels: by what it makes where that decides it
 * ("write a literature review" is create, "create a repository" apply), else the lexicon's.
 * Words in quotes name a term, not what is made: 'Define "independent variable"' is remember,
 * where "Define a variable" (in code) is apply. */
function levelOf(
  info: VerbInfo,
  ws: Word[],
  i: number,
  lex: Lexicon,
  text: string,
): { level: BloomLevel; alternatives: BloomLevel[] } {
  // "Formulate and solve a linear programming problem", "create, push to, and pull from a
  // remote": the verbs share the object (a particle after a further verb goes with it).
  let from = i + 1;
  // A verb only the English lexicon knows counts in its base form ("Create and sustain a
  // relationship").
  const isVerb = (w: Word | undefined) =>
    !!w && (!!lex.verb(lex.lemma(w.lower) ?? '') || lex.englishLemma(w.lower) === w.lower);
  for (;;) {
    const w = ws[from];
    if (!w) break;
    const gap = text.slice(ws[from - 1]!.end, w.start).trim();
    let next = -1;
    if (
      (w.lower === 'and' || w.lower === 'or') &&
      (gap === '' || gap === ',') &&
      isVerb(ws[from + 1])
    )
      next = from + 2;
    else if (gap === ',' && isVerb(w) && w.lower === lex.lemma(w.lower)) next = from + 1;
    if (next < 0) break;
    from = next;
    if (ws[from] && /^(?:to|from|into|in|on|with|onto|up|out)$/.test(ws[from]!.lower)) from++;
  }
  // "Use a scoring matrix to choose a supplier", "Apply the Gibbs cycle to assess your
  // performance": a judgement stated as the purpose of using a tool is what is asked for.
  const purpose = lex.purpose?.means.has(info.verb) ? purposeAt(ws, from, lex, text) : null;
  if (purpose)
    return {
      level: purpose,
      alternatives: [
        info.level,
        ...info.alternatives.filter((a) => a !== purpose && a !== info.level),
      ],
    };
  const following = unquotedWords(text, ws, from);
  // "Identify the five soil forming factors", "Define the five ICS functions": a definite,
  // counted set after a recall verb is a list as taught, recalled whole.
  const counted = lex.counted?.verbs.has(info.verb) && countedSet(following);
  // "Write the Ten Commandments from memory": a text said or written from memory is recalled.
  const memory = lex.memory?.verbs.has(info.verb) && fromMemoryAt(ws, from, lex, text);
  let byObject = memory
    ? lex.memory!.level
    : counted
      ? lex.counted!.level
      : (lex.levelBySuitability(info.verb, following) ??
        lex.levelByRelation(info.verb, following) ??
        lex.levelByStandard(info.verb, following) ??
        lex.levelByObject(info.verb, following) ??
        lex.levelByMaterial(info.verb, wordsAfter(ws, from, MATERIAL_WORDS)));
  // "Assemble a bookcase from the manufacturer's instructions": a product made by procedure.
  if ((byObject ?? info.level) === 'create')
    byObject = lex.levelByProcedure(info.verb, following) ?? byObject;
  // "Identify how tides are formed", "Name the rock types and how they form": a recall verb
  // whose object is an explanation of how or why.
  if ((byObject ?? info.level) === 'remember' && explanationAt(ws, from, lex, text))
    byObject = lex.explanation!.level;
  if (!byObject || byObject === info.level) return info;
  return {
    level: byObject,
    alternatives: [
      info.level,
      ...info.alternatives.filter((a) => a !== byObject && a !== info.level),
    ],
  };
}

/** Whether an object's words start with "the" and a count ("the five classes", "the 17
 * essential nutrients"; not "the first twenty", a part of a longer list). */
function countedSet(following: readonly string[]): boolean {
  return following[0] === 'the' && testText(COUNT_WORD, following[1] ?? '');
}
const COUNT_WORD = lazy(String.raw`^${NUM}$`, 'iu');

/** Whether a marker of recall from memory ("from memory", "by heart"; bloom-verbs.json
 * "byMemory") follows a verb's object, from `ws[from]`, within a dozen words and before a stop
 * (";", ":", ".", a parenthesis). */
function fromMemoryAt(ws: Word[], from: number, lex: Lexicon, text: string): boolean {
  const markers = lex.memory!.markers;
  for (let k = from; k < Math.min(ws.length, from + 12); k++) {
    if (k > from && /[;:.()]/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) return false;
    for (const m of markers) if (m.every((part, n) => ws[k + n]?.lower === part)) return true;
  }
  return false;
}

/** Whether a recall verb's object, from `ws[from]`, is or ends with a "how" / "why" clause
 * with its own subject (bloom-verbs.json "byExplanation"): right after the verb, or joined to
 * the object by "and" or a comma, within a dozen words and before a stop (";", ":", ".", a
 * parenthesis) or a further behaviour ("and describe how ..." is that behaviour's). A listener
 * named after the verb ("tell you how") is passed over; "about" + a topic after a verb of
 * telling ("tell about") is an account of it, read the same. */
function explanationAt(ws: Word[], from: number, lex: Lexicon, text: string): boolean {
  const e = lex.explanation;
  const verb = lex.lemma(ws[from - 1]?.lower ?? '') ?? '';
  if (!e || !e.verbs.has(verb)) return false;
  // Who is told, right after the verb ("tell you how ...", "tell a partner why ..."): the
  // clause follows it.
  for (const l of e.listeners)
    if (l.every((part, n) => ws[from + n]?.lower === part)) {
      from += l.length;
      break;
    }
  // "Tell (you) about the points of view": an account of the topic, as "describe" gives.
  if (e.about.has(verb) && ws[from]?.lower === 'about' && ws[from + 1]) return true;
  for (let k = from; k < Math.min(ws.length - 1, from + 12); k++) {
    const gap = k > from ? text.slice(ws[k - 1]!.end, ws[k]!.start) : '';
    if (/[;:.()]/.test(gap)) return false;
    const w = ws[k]!.lower;
    if (!e.words.has(w)) continue;
    const joined = k === from || /,/.test(gap) || ws[k - 1]!.lower === 'and';
    return joined && !e.not.has(ws[k + 1]!.lower);
  }
  return false;
}

/** The level of a judgement that is the purpose of a means verb's object ("to choose a
 * supplier", "to make decisions about ..."): the first "to" + verb within a dozen words of the
 * clause, read in context, when it is at the purpose level (bloom-verbs.json "byPurpose") and
 * not a step of a procedure ("to check the temperature"); else null. */
function purposeAt(ws: Word[], from: number, lex: Lexicon, text: string): BloomLevel | null {
  const p = lex.purpose!;
  for (let k = from; k < Math.min(ws.length - 1, from + 12); k++) {
    if (k > from && /[,;:.()]/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) return null;
    if (ws[k]!.lower !== 'to') continue;
    const v = ws[k + 1]!;
    const lemma = lex.lemma(v.lower);
    const info = lemma === v.lower ? lex.verb(lemma) : undefined;
    if (!info) continue;
    if (p.not.has(lemma!) || lex.purpose!.means.has(lemma!)) return null;
    const level = levelOf(info, ws, k + 1, lex, text).level;
    // "Use census data to compare ...": an analysis as the purpose is asked for too.
    if (level === 'analyze' && p.analyses.has(lemma!)) return level;
    return level === p.level ? p.level : null;
  }
  return null;
}

/** The further actions of a means verb's purpose, "to A, B and C" within a few words of it
 * (bloom-verbs.json "byPurpose" listMeans): B and C, each a known verb in its base form that is
 * not vague and not a near-synonym of the one before ("to test and check" is one). Empty when the
 * purpose is one action ("Use a level to check that ...") or a gerund ("Apply X to welding and
 * joining"). */
function purposeList(text: string, ws: Word[], from: number, lex: Lexicon, main: Word): Found[] {
  for (let k = from; k < Math.min(ws.length - 1, from + 12); k++) {
    if (k > from && /[,;:.()]/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) return [];
    if (ws[k]!.lower !== 'to') continue;
    const v = ws[k + 1]!;
    // A verb in its base form, known to the verb table or to the English lexicon.
    const lemma = lex.lemma(v.lower) ?? lex.englishLemma(v.lower);
    if (lemma !== v.lower) return [];
    const out: Found[] = [];
    let prevLemma = lemma;
    let j = k + 2;
    while (j < ws.length) {
      const gap = text.slice(ws[j - 1]!.end, ws[j]!.start).trim();
      let at = -1;
      if ((gap === '' || gap === ',') && (ws[j]!.lower === 'and' || ws[j]!.lower === 'or'))
        at = j + 1;
      else if (gap === ',') at = j;
      if (at < 0 || !ws[at]) break;
      const f = behaviourAt(text, ws, at, lex, 'adjacent', main);
      if (!f || f.b.vague || ws[f.verbAt]!.lower !== f.b.verb.lemma) break;
      if (!lex.sameBehaviour(prevLemma, f.b.verb.lemma)) out.push(f);
      prevLemma = f.b.verb.lemma;
      j = f.last + 1;
    }
    return out;
  }
  return [];
}

/** Words after a verb in which {@link Lexicon.levelByMaterial} looks for "in" and the material
 * ("Identify literary techniques and creative uses of language in literary texts"). */
const MATERIAL_WORDS = 14;
function wordsAfter(ws: Word[], from: number, n: number): string[] {
  return ws.slice(from, from + n).map((w) => w.lower);
}

/** Words after a verb passed to {@link Lexicon.levelByObject} (it looks at fewer). */
const OBJECT_WORDS = 8;

/** Up to OBJECT_WORDS lowercased words from `ws[from]`, leaving out words inside quotes
 * ("...", “...”, ‘...’). Looks at no more than 4 * OBJECT_WORDS words. */
function unquotedWords(text: string, ws: Word[], from: number): string[] {
  const out: string[] = [];
  let quoted = false;
  let pos = from > 0 ? ws[from - 1]!.end : 0;
  for (let k = from; k < ws.length && k < from + 4 * OBJECT_WORDS; k++) {
    const w = ws[k]!;
    for (let c = pos; c < w.start; c++) {
      const ch = text[c];
      if (ch === '"') quoted = !quoted;
      else if (ch === '“' || ch === '‘') quoted = true;
      else if (ch === '”' || ch === '’') quoted = false;
    }
    pos = w.end;
    if (!quoted) {
      out.push(w.lower);
      if (out.length === OBJECT_WORDS) break;
    }
  }
  return out;
}

function phrasalAt(ws: Word[], i: number, lex: Lexicon): { info: VerbInfo; words: number } | null {
  const head = lex.lemma(ws[i]!.lower) ?? ws[i]!.lower;
  const list = lex.phrasalByHead.get(head);
  if (!list) return null;
  for (const info of list) {
    const parts = info.verb.split(' ');
    if (parts.every((p, k) => k === 0 || ws[i + k]?.lower === p))
      return { info, words: parts.length };
  }
  return null;
}

function matchVague(
  ws: Word[],
  i: number,
  lex: Lexicon,
): { phrase: VaguePhrase; end: number } | null {
  const w = ws[i];
  if (!w) return null;
  // The word's own phrases first ("understanding of" before "understand").
  const head = lex.lemma(w.lower) ?? w.lower;
  const own = lex.vagueByHead.get(w.lower);
  const byLemma = head !== w.lower ? lex.vagueByHead.get(head) : undefined;
  const candidates = own && byLemma ? [...own, ...byLemma] : (own ?? byLemma);
  if (!candidates) return null;
  // "Understand and be able to explain X", "understand and be able to articulate X": a
  // behaviour of understanding after "be able to" is how the understanding is shown, one
  // behaviour (a wrapper, as "develop the ability to explain" is), vague, at that behaviour's
  // level, which the reader takes from the verb after "to" (seven objectives of three real sets,
  // all labelled one behaviour). A behaviour above understanding ("understand and be able to
  // apply the policy") is a second behaviour (labelled so), and "understand and explain X" stays
  // two.
  if (
    WRAPPED_BY_ABILITY.has(head) &&
    ws[i + 1]?.lower === 'and' &&
    ws[i + 2]?.lower === 'be' &&
    ws[i + 3]?.lower === 'able' &&
    ws[i + 4]?.lower === 'to'
  ) {
    const v = ws[i + 5];
    const p = candidates.find((c) => c.words.length === 1 && !c.learner && !c.beforeGerund);
    const info = v && lex.lemma(v.lower) === v.lower ? lex.verb(v.lower) : undefined;
    if (p && info && rank(info.level) <= rank('understand')) return { phrase: p, end: i + 4 };
  }
  for (const p of candidates) {
    if (p.learner === 'required') continue;
    if (p.beforeGerund && !testText(GERUND_END, ws[i + p.words.length]?.lower ?? '')) continue;
    let ok = true;
    for (let k = 1; k < p.words.length; k++) {
      const t = ws[i + k];
      if (!t || (t.lower !== p.words[k] && lex.lemma(t.lower) !== p.words[k])) {
        ok = false;
        break;
      }
    }
    if (ok) return { phrase: p, end: i + p.words.length };
  }
  // Words between a phrase's parts: "have a solid conceptual understanding of", "demonstrate a
  // working knowledge of", "develop beginning proficiency with", "have an awareness and basic
  // understanding of", "demonstrate knowledge about".
  for (const p of candidates) {
    if (
      p.words.length < 2 ||
      !(p.learner || p.words.some((x) => STATE_NOUNS.has(x) || TOPIC_NOUNS.has(x)))
    )
      continue;
    const end = looseEnd(ws, i, p);
    if (end < 0) continue;
    // "an awareness and basic understanding of": the phrase of the second noun when it means
    // more ("have an understanding of", understand, over "have an awareness of", remember).
    const second = ws[end - 2] && STATE_NOUNS.has(ws[end - 2]!.lower) ? ws[end - 2]!.lower : null;
    if (second && !p.words.includes(second)) {
      const q = candidates.find((c) => c.words.includes(second));
      if (q && rank(q.meant) > rank(p.meant)) return { phrase: q, end };
    }
    return { phrase: p, end };
  }
  // "Develop the knowledge to describe ...", "Demonstrate the knowledge and skills to plan ...",
  // "Acquire knowledge and skills sufficient to operate ...": knowledge gained or shown for a
  // behaviour after "to", a wish as "develop the ability to" is (vague, at that behaviour's
  // level, which the reader takes from the verb after "to").
  // "Demonstrate the basic knowledge and skills needed for entry into the profession": for what
  // it is needed, knowledge and skills mean apply, knowledge alone understand.
  if (KNOWLEDGE_FOR.has(head)) {
    const end = knowledgeToEnd(ws, i + 1, lex, head);
    if (end > 0) {
      const meant =
        ws[end]!.lower === 'for' && ws[end - 1]!.lower !== 'knowledge' ? 'apply' : 'understand';
      return {
        phrase: {
          words: [head, 'knowledge'],
          key: `${head} knowledge`,
          meant,
          suggest: lex.suggestFor(meant) ?? ['explain'],
        },
        end,
      };
    }
  }
  // "Acquire a working vocabulary of 800-1000 words", "Gain new scientific and technological
  // vocabulary", "Increase their vocabulary": words learnt, no behaviour stated (five real sets
  // label it vague, meant remember).
  if (VOCABULARY_FOR.has(head)) {
    const end = vocabularyEnd(ws, i + 1);
    if (end > 0)
      return {
        phrase: {
          words: [head, 'vocabulary'],
          key: `${head} vocabulary`,
          meant: 'remember',
          suggest: lex.suggestFor('remember') ?? ['define'],
        },
        end,
      };
  }
  // "Improve critical reading skills", "Build scientific and technical writing skills",
  // "Develop your research skills": a wish for skills with no behaviour stated (Mager).
  for (const p of candidates) {
    if (p.words.length !== 2 || p.words[1] !== 'skills') continue;
    const end = skillsEnd(ws, i + 1, p.words[0] === 'develop');
    if (end > 0) return { phrase: p, end };
  }
  return null;
}

/** Verbs of gaining or growing a vocabulary ("Acquire a working vocabulary", "Increase their
 * vocabulary"); not "have" ("have a base sign vocabulary of 100 signs" states what is known). */
const VOCABULARY_FOR = wordSet(
  'acquire gain develop build expand increase enlarge enrich broaden extend improve cultivate',
);
/** After such a verb: the end of "[a / their] [adjectives] vocabulary", when what follows is not
 * more of a noun ("Build a vocabulary quiz"), or -1. Up to four words before the noun, of which
 * one may be other than an adjective by its form ("Gain new scientific and technological
 * vocabulary"). */
function vocabularyEnd(ws: Word[], t: number): number {
  for (let n = 0, other = 0; n < 5 && ws[t]; n++, t++) {
    const w = ws[t]!.lower;
    if (w === 'vocabulary' || w === 'vocabularies') {
      const next = ws[t + 1]?.lower;
      const punctuated = !!ws[t + 1] && ws[t + 1]!.start - ws[t]!.end > 1;
      return !next || punctuated || VOCABULARY_FOLLOWER.has(next) ? t + 1 : -1;
    }
    if (SKILLS_STOP.has(w) && !(n === 0 && (w === 'a' || w === 'an'))) return -1;
    if (/\d/.test(w)) return -1;
    if (!DEGREE.has(w) && !testText(ADJECTIVE_FORM, w) && !(w === 'and' && betweenWord(ws, t)))
      if (++other > 1) return -1;
  }
  return -1;
}
const VOCABULARY_FOLLOWER = wordSet(
  'for in through by to needed necessary required relevant adequate sufficient and as that which with of related across during at on while within',
);

/** Vague verbs whose behaviour may follow as "and be able to" + a verb. */
const WRAPPED_BY_ABILITY = wordSet('understand know comprehend');
/** Verbs of gaining or showing knowledge for a behaviour ("develop the knowledge to ..."). */
const KNOWLEDGE_FOR = wordSet(
  'develop gain acquire build demonstrate show display exhibit possess have obtain attain',
);
/** After such a verb: where "[the] [degree words] knowledge [and skills] [necessary] " ends
 * when "to" and a verb in its base form follow (the index of "to"; "to work safely", "to
 * function as": a verb the English lexicon knows will do, as the behaviour wished for), or
 * after "necessary / needed / required for" ("the knowledge and skills needed for entry into
 * the profession": the index of "for"), or -1. */
function knowledgeToEnd(ws: Word[], t: number, lex: Lexicon, head: string): number {
  for (let n = 0; n < 4 && ws[t] && ws[t]!.lower !== 'knowledge' && betweenWord(ws, t); n++) t++;
  if (ws[t]?.lower !== 'knowledge') return -1;
  t++;
  if (ws[t]?.lower === 'and' && /^(?:skills?|abilit(?:y|ies))$/.test(ws[t + 1]?.lower ?? '')) {
    // "Graduates will have the knowledge and ability to function on teams": had, an ability to
    // do something is that behaviour ("have the ability to function", read as function), with
    // knowledge beside it (held-out-real-18 labels three so, not vague).
    if (head === 'have' && ws[t + 1]!.lower.startsWith('abilit')) return -1;
    t += 2;
  }
  if (/^(?:necessary|needed|required|sufficient)$/.test(ws[t]?.lower ?? '')) {
    t++;
    if (ws[t]?.lower === 'for' && ws[t + 1]) return t;
  }
  const v = ws[t + 1];
  if (
    ws[t]?.lower !== 'to' ||
    !v ||
    !(
      (lex.lemma(v.lower) === v.lower && !!lex.verb(v.lower)) ||
      lex.englishLemma(v.lower) === v.lower
    )
  )
    return -1;
  return t;
}

/** Nouns of an inner state in vague phrases ("an understanding of"). */
const STATE_NOUNS = new Set([
  'knowledge',
  'comprehension',
  'understanding',
  'awareness',
  'appreciation',
  'proficiency',
  'familiarity',
  'insight',
  'grasp',
  'competence',
  'competency',
  'grounding',
  'foundation',
  'introduction',
  'overview',
]);
/** What a course introduces ("To introduce basic pharmacodynamic concepts"): up to three
 * words of its own may stand before the noun. */
const TOPIC_NOUNS = new Set([
  'concepts',
  'principles',
  'ideas',
  'fundamentals',
  'basics',
  'theories',
  'terminology',
  'notions',
]);
/** The learner named after a teacher's verb ("introduce students to", "provide learners with",
 * "familiarise yourself with"). */
const LEARNER_OBJECTS = wordSet(
  'students learners participants trainees pupils delegates attendees apprentices candidates you yourself yourselves themselves them staff employees',
);
/** Words of degree an author puts before such a noun ("a solid, working knowledge"). */
const DEGREE = new Set(
  (
    'a an the basic good solid sound firm strong clear deep deeper better broad broader thorough ' +
    'conceptual general fundamental practical beginning introductory foundational ' +
    'comprehensive detailed in-depth full fuller rudimentary some working critical greater ' +
    'increased overall holistic essential sufficient adequate initial elementary ' +
    'advanced intermediate richer complete extensive robust proper real true functional ' +
    'meaningful nuanced rounded well-rounded wider deep-seated literal their your his her our my its'
  ).split(' '),
);
const PREPOSITION_LIKE: Record<string, string[]> = {
  // "Demonstrate knowledge regarding how to minimize risk": "regarding" and "concerning" are
  // "of" as "about" is.
  of: ['of', 'about', 'regarding', 'concerning'],
  about: ['about', 'of', 'regarding', 'concerning'],
  in: ['in', 'with'],
  with: ['with', 'in'],
};

/** After a vague phrase's verb, where the rest of the phrase may start: past a phrase set off
 * by commas ("Demonstrate, using written and spoken communication, a knowledge of",
 * "Demonstrate, when interpreting oral and written texts, knowledge of"; at most twelve words)
 * or the medium ("demonstrate in writing an understanding of", "Demonstrate both written and
 * orally an understanding of"); else the next word. A gap of two characters or more between
 * words is punctuation ("Demonstrate, using"), as in skillsEnd. */
function afterInterrupter(ws: Word[], i: number): number {
  const t = i + 1;
  if (!ws[t]) return t;
  if (ws[t]!.start - ws[i]!.end >= 2) {
    for (let k = t + 1; k < ws.length && k <= t + 12; k++)
      if (ws[k]!.start - ws[k - 1]!.end >= 2) return k;
    return t;
  }
  let k = t;
  let medium = false;
  while (ws[k] && k - t < 7 && MEDIUM_WORDS.has(ws[k]!.lower)) {
    if (MEDIUM.has(ws[k]!.lower)) medium = true;
    k++;
  }
  return medium ? k : t;
}
/** The medium of a performance ("in writing", "orally", "both written and oral") and the
 * words that join it. */
const MEDIUM = wordSet('writing written orally oral verbally spoken');
const MEDIUM_WORDS = wordSet(
  'writing written orally oral verbally spoken in and or both form forms',
);

/** Where a vague phrase with a state noun ends when degree words stand between its parts, and
 * "of"/"about", "in"/"with" are interchangeable; -1 when it does not match. */
/** After "improve", "develop", "build": the end of "[their] [adjectives] skills", when what
 * follows the skills is not more of a noun ("Build a skills matrix"), or -1. */
function skillsEnd(ws: Word[], t: number, competence = false): number {
  if (/^(?:their|your|his|her|our|my|one's|the|basic|key|core|essential)$/.test(ws[t]?.lower ?? ''))
    t++;
  // Up to five words of any kind before the noun, and up to eight when all but one are
  // adjectives by their form ("Develop fundamental physical, vocal, analytical, and imaginative
  // skills for acting"; not "develop and apply foundational knowledge and skills").
  for (let n = 0, other = 0; n < 8 && ws[t]; n++, t++) {
    if (n >= 5 && other > 1) return -1;
    const w = ws[t]!.lower;
    const next = ws[t + 1]?.lower;
    // "Develop interpersonal skills, a professional attitude ...": punctuation (a gap wider
    // than a space) ends the noun phrase as a preposition does.
    const punctuated = !!ws[t + 1] && ws[t + 1]!.start - ws[t]!.end > 1;
    if (w === 'skills') return !next || punctuated || SKILLS_FOLLOWER.has(next) ? t + 1 : -1;
    // "Develop musical competencies: sight-singing, ...", "Develop intercultural competence
    // through study", "Develop competency in access control": competence wished for, as skills
    // are (after develop only: "to maintain and improve clinical competence" is a purpose); not
    // "the competence of a court" or "a competency framework" (a noun reads on).
    if (
      competence &&
      other <= 1 &&
      COMPETENCE_NOUNS.has(w) &&
      (!next || punctuated || (SKILLS_FOLLOWER.has(next) && next !== 'of' && next !== 'and'))
    )
      return t + 1;
    // "Develop the ability to determine ...", "Develop abilities to listen actively",
    // "Develop competencies necessary to meet ...": an ability wished for, as skills are, whose
    // behaviour is the verb after "to" ("Develop the capacity to evaluate evidence" is
    // evaluating). Only before "to" or "necessary / needed / required": "Develop the capacity
    // of a reservoir" is no such wish ("problem-solving abilities and skills" reads on).
    if (ABILITY_NOUNS.has(w) && /^(?:to|necessary|needed|required)$/.test(ws[t + 1]?.lower ?? ''))
      return t + 1;
    if (SKILLS_STOP.has(w) || /\d/.test(w)) return -1;
    // Adjectives by their form, words of degree, and "and" between adjectives do not count.
    if (!DEGREE.has(w) && !testText(ADJECTIVE_FORM, w) && !(w === 'and' && betweenWord(ws, t)))
      other++;
  }
  return -1;
}
const COMPETENCE_NOUNS = wordSet('competence competences competency competencies abilities');
const ABILITY_NOUNS = wordSet(
  'ability abilities capacity capacities capability capabilities competence competences competency competencies',
);
const SKILLS_FOLLOWER = wordSet(
  'for in through by to needed necessary required relevant and or as that which with when of across during at on while within',
);
const SKILLS_STOP = wordSet(
  'a an that which who to for of in on with by from into through so such than then plan plans',
);

/** An adjective by its form ("historical", "theoretical", "artistic", "evaluative",
 * "broad-based"): with the degree words, what may stand between a vague phrase's parts
 * ("demonstrate historical knowledge of", "a broad based theoretical, artistic and technical
 * knowledge of"). */
const ADJECTIVE_FORM = lazy(
  String.raw`^(?:\p{L}+-\p{L}+|\p{L}{3,}(?:ical|al|ic|ive|ous|ful|ent|ant|ary|ory|ible|able|ed))$`,
  'u',
);
/** Whether `ws[t]` may stand between a vague phrase's parts: a degree word, an adjective by its
 * form, or "and" between two such words. */
function betweenWord(ws: Word[], t: number): boolean {
  const w = ws[t]!.lower;
  if (DEGREE.has(w)) return true;
  // "clinically relevant knowledge of": an adverb before an adjective; "the pilot's knowledge
  // of": a possessive.
  if (/\p{L}{3,}ly$/u.test(w) && ws[t + 1] && testText(ADJECTIVE_FORM, ws[t + 1]!.lower))
    return true;
  if (/^\p{L}+['’]s$/u.test(w) && ws[t - 1]?.lower === 'the') return true;
  if (w === 'and') {
    const prev = ws[t - 1]?.lower ?? '';
    const next = ws[t + 1]?.lower ?? '';
    return testText(ADJECTIVE_FORM, prev) && (DEGREE.has(next) || testText(ADJECTIVE_FORM, next));
  }
  return testText(ADJECTIVE_FORM, w) && !STATE_NOUNS.has(w);
}

function looseEnd(ws: Word[], i: number, p: VaguePhrase): number {
  const words = p.words;
  let t = p.learner ? i + 1 : afterInterrupter(ws, i);
  if (p.learner) {
    // "give students an overview of", "provide the learners with a grounding in".
    const u = /^(?:the|our|all)$/.test(ws[t]?.lower ?? '') ? t + 1 : t;
    if (ws[u] && LEARNER_OBJECTS.has(ws[u]!.lower)) {
      t = u + 1;
      if (ws[t]?.lower === 'with' && words[1] !== 'with') t++;
    } else if (p.learner === 'required') return -1;
  }
  for (let k = 1; k < words.length; k++) {
    const pw = words[k]!;
    if (TOPIC_NOUNS.has(pw)) {
      // "introduce basic pharmacodynamic concepts", "introduce the concept of".
      let skipped = 0;
      while (
        ws[t] &&
        ws[t]!.lower !== pw &&
        `${ws[t]!.lower}s` !== pw &&
        skipped < 3 &&
        !NOT_A_BARE_OBJECT.has(ws[t]!.lower)
      ) {
        t++;
        skipped++;
      }
      if (ws[t]?.lower !== pw && `${ws[t]?.lower}s` !== pw) return -1;
      t++;
      continue;
    }
    if (pw === 'a' || pw === 'an') {
      if (ws[t]?.lower === 'a' || ws[t]?.lower === 'an') t++;
      continue;
    }
    const preps = PREPOSITION_LIKE[pw];
    if (!preps) {
      let skipped = 0;
      while (ws[t] && ws[t]!.lower !== pw && betweenWord(ws, t) && skipped < 8) {
        t++;
        skipped++;
      }
      if (ws[t]?.lower !== pw) return -1;
      t++;
      continue;
    }
    // "an awareness and basic understanding of": a second state noun before the preposition.
    if (ws[t]?.lower === 'and') {
      let u = t + 1;
      while (ws[u] && betweenWord(ws, u) && u - t < 6) u++;
      if (ws[u] && STATE_NOUNS.has(ws[u]!.lower)) t = u + 1;
    }
    if (!ws[t] || !preps.includes(ws[t]!.lower)) return -1;
    t++;
  }
  return t;
}

/** The measurable degree a text states, read as an objective's criterion is ("within 10
 * minutes, with no errors"): for an ABCD "Degree:" line under an objective. */
export function criterionIn(text: string): PlainSpan | null {
  return text.length > 2000 ? null : findCriterion(text, 0, -1, false, true);
}

function findCriterion(
  text: string,
  from: number,
  verbEnd: number,
  counted: boolean,
  lengthMade: boolean,
): PlainSpan | null {
  let best: PlainSpan | null = null;
  const body = from > 0 ? ' '.repeat(from) + text.slice(from) : text;
  for (let k = 0; k < CRITERIA.length; k++) {
    // A cheap test first: most criteria never need their (costly to compile) pattern.
    if (!CRITERIA_GATES[k]!.test(body)) continue;
    const re = criterion(k);
    const m = execText(re, body);
    // "Proofread a 2,000-word application": the size of the material, not of a product.
    if (
      m &&
      re === LENGTH &&
      !lengthMade &&
      verbEnd >= 0 &&
      m.index >= verbEnd &&
      /^\s+(?:a|an|the|this|each)\s+$/i.test(body.slice(verbEnd, m.index))
    )
      continue;
    if (m && (!best || m.index < best.start))
      best = { start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  if (STANDARD_GATE.test(body)) {
    const m = STANDARD_CODE.exec(body);
    if (m && (!best || m.index < best.start))
      best = { start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  if (!best && verbEnd >= 0 && counted) {
    const m = execText(COUNT_AFTER_VERB, text.slice(verbEnd));
    if (m) {
      const s = verbEnd + m[0].length - m[0].trimStart().length;
      best = {
        start: s,
        end: verbEnd + m[0].length - 1,
        text: text.slice(s, verbEnd + m[0].length - 1).trim(),
      };
    }
  }
  return best;
}
