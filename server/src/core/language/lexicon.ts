// The Bloom verb lexicon and the vague-phrase lexicon (data files in ./data), plus the words a
// project adds in its configuration, with a small lemmatiser that maps "Identifying",
// "Explains", "wrote" to the base form the lexicons use. Matching is by whole words only:
// user word lists are never compiled into regular expressions.
import bloomData from './data/bloom-verbs.json' with { type: 'json' };
import vagueData from './data/vague-phrases.json' with { type: 'json' };
import englishData from './data/english-verbs.json' with { type: 'json' };
import { BLOOM_LEVELS, type BloomLevel } from '../model.js';

export interface VerbInfo {
  verb: string;
  level: BloomLevel;
  alternatives: BloomLevel[];
}

export interface VaguePhrase {
  /** The phrase as words ("be", "familiar", "with"). */
  words: string[];
  key: string;
  meant: BloomLevel;
  suggest: string[];
  /** How many of the phrase's words a rewrite replaces (all when absent). */
  replaces?: number;
  /** Read only with the learner named after its verb ("introduce students to", "give
   * participants an overview of"), or also without ("provide students with a grounding in"). */
  learner?: 'required' | 'optional';
  /** Read only before a gerund, which names the behaviour ("Get comfortable reading API docs";
   * "Be comfortable in front of a class" states no behaviour a verb could replace). */
  beforeGerund?: true;
}

export interface LevelInfo {
  order: number;
  meaning: string;
  asks: string;
}

interface BloomData {
  sources: string[];
  levels: Record<BloomLevel, LevelInfo>;
  verbs: { verb: string; level: string; alternatives?: string[] }[];
  phrasal?: { verb: string; level: string; alternatives?: string[] }[];
  /** `clauses`: words that open a content clause right after the verb ("Recognize that ...",
   * "Recognize how ..."), or a preposition that opens what it acts on ("Advocate for a client"),
   * read at `level` as an object would be; a wh-word before "to" opens an infinitive ("how to
   * reset"), not a clause. */
  byObject?: {
    verbs: string[];
    level: string;
    objects: string[];
    clauses?: string[];
    /** Words that, right after the object, make it something else: the classes, functions or
     * types "of" something in the world are terms, not a program's artefacts. */
    notBefore?: string[];
    sources?: string[];
  }[];
  /** Words in a verb's object that make it an original work whatever it names ("an original
   * design", "a novel algorithm"): create. */
  originalMarkers?: string[];
  /** Which "what/how/why ..." clauses a verb can take ("Explain what SSH is"; never "Use what
   * SSH is"), for rewrites. A verb missing here takes none. */
  complements?: Record<string, string[]>;
  /** Verbs read at `level` when what they name is followed by a clause of suitability ("for
   * which X would be suitable", "that could be carried out in branches"). */
  bySuitability?: { verbs: string[]; level: string };
  /** A judgement stated as the purpose of a means verb ("Use a scoring matrix to choose a
   * supplier"): the objective asks for the judgement. `not`: purposes that are steps of a
   * procedure with an instrument ("to check the temperature"). */
  byPurpose?: {
    means: string[];
    level: string;
    not: string[];
    listMeans?: string[];
    /** Purposes read at analyze ("Use census data to compare ..."): an analysis stated as the
     * purpose of the means is what is asked for, as a judgement is. */
    analyses?: string[];
  };
  sameBehaviour?: { groups: string[][]; verdicts?: { pairs: string[][] } };
  /** Verbs read at `level` when what they name is qualified by a relation to a topic ("the
   * factors that affect food safety", "the risks associated with lone working"). */
  byRelation?: { verbs: string[]; level: string; objects: string[]; relations: string[] }[];
  /** Verbs read at `level` when what they name is sought "in" given material ("devices in a
   * political speech", "steps in their workflow"). */
  byMaterial?: { verbs: string[]; level: string; material: string[] };
  /** Recall verbs read at `level` when what they name is, or ends with, a "how" / "why" clause
   * with its own subject ("Identify how tides are formed", "Name the rock types and how they
   * form"); `not`: words after "how" that make no such clause ("how to", "how many");
   * `listeners`: who is told, between the verb and the clause ("tell you how ...");
   * `about`: verbs for which "about" + a topic asks for an account of it ("tell about"). */
  byExplanation?: {
    verbs: string[];
    level: string;
    words: string[];
    not: string[];
    listeners?: string[];
    about?: string[];
  };
  /** Verbs of checking read at `level` when a standard is named within the first words of what
   * is checked ("Check calculations for accuracy", "Monitor progress against the plan"). */
  byStandard?: { verbs: string[]; level: string; standards: string[] };
  /** Verbs of telling whose object, a when / why / where question, takes "and how to X" as
   * part of it ("Explain when and how to move a casualty"): no further behaviour. */
  byQuestion?: { verbs: string[]; words: string[] };
  /** Recall verbs read at `level` before a definite, counted set ("Identify the five soil
   * forming factors"), whatever the object table makes of its noun. */
  byCount?: { verbs: string[]; level: string };
  /** Verbs of saying or writing a text, read at `level` when a marker says it is done from
   * memory ("Pray the Our Father from memory", "Say the creed by heart"). */
  byMemory?: { verbs: string[]; level: string; markers: string[] };
  /** Verbs that make something, read at `level` when what they make is made from given
   * material of a procedure ("from the manufacturer's instructions", "from a kit") or "by
   * following" it, unless an original-work marker says otherwise. */
  byProcedure?: { verbs: string[]; level: string; from: string[] };
  irregular: Record<string, string>;
}

interface EnglishData {
  verbs: string;
  nearest: string;
}

/** Words that end the object of a verb: prepositions, relative pronouns, conjunctions. */
const OBJECT_STOP = new Set([
  'about',
  'according',
  'after',
  'against',
  'and',
  'as',
  'at',
  'before',
  'but',
  'by',
  'during',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'so',
  'than',
  'that',
  'to',
  'under',
  'until',
  'using',
  'when',
  'where',
  'which',
  'while',
  'who',
  'whose',
  'with',
  'within',
  'without',
]);
/** How many words after the verb the object may start at ("a clear, 3,000-word review"). */
const OBJECT_WINDOW = 6;
/** Nouns of quantity or arrangement: in "a sequence of commands" the object is the commands. */
const PARTITIVES = new Set([
  'sequence',
  'sequences',
  'series',
  'set',
  'sets',
  'pair',
  'pairs',
  'list',
  'lists',
  'number',
  'couple',
  'group',
  'groups',
  'collection',
  'collections',
  'variety',
  'range',
  'chain',
  'chains',
  'combination',
  'combinations',
  'roll',
  'rolls',
  'reel',
  'reels',
  'batch',
  'batches',
  'bundle',
  'bundles',
]);
interface VagueData {
  phrases: {
    phrase: string;
    meant: string;
    suggest: string[];
    replaces?: number;
    learner?: 'required';
    then?: 'gerund';
  }[];
  /** Verbs of gaining, having, showing or giving, each paired with each state noun. */
  states?: {
    verbs: string[];
    nouns: { noun: string; preps: string[]; meant: string; learner?: 'required' }[];
  };
  /** The level meant by what a vague phrase names: "Learn the Greek alphabet" (facts,
   * remember), "Know the principles of X" (concepts, understand). */
  meantByObject?: { phrases: string[]; meant: string; objects: string[] }[];
  /** The level a topic stated in place of an objective means, by its head noun. */
  topics?: { default: string; fields?: string[]; heads: { meant: string; nouns: string[] }[] };
}

/** Words that may follow the noun of material in "identify X in <material>". */
const MATERIAL_END =
  /^(?:and|or|such|including|like|that|which|who|to|for|by|with|using|from|of|as|where|when|e|i|about|on|at)$/;

/** Words ending in -ly that are verbs, so never skipped as adverbs. */
const LY_VERBS = new Set([
  'apply',
  'supply',
  'reply',
  'rely',
  'multiply',
  'comply',
  'imply',
  'tally',
  'rally',
  'ally',
  'fly',
  'bully',
  'belly',
  'sully',
]);

export class Lexicon {
  readonly verbs = new Map<string, VerbInfo>();
  /** Multi-word verbs ("back up", "come up with") by their first word, longest first. */
  readonly phrasalByHead = new Map<string, VerbInfo[]>();
  /** Vague phrases by their first word, longest first. */
  readonly vagueByHead = new Map<string, VaguePhrase[]>();
  readonly vague: VaguePhrase[] = [];
  readonly levels: Record<BloomLevel, LevelInfo>;
  readonly sources: string[];
  /** Levels by what the verb makes: verb -> objects by their last word. */
  private readonly byObject = new ObjectTable();
  /** bloom-verbs.json byObject `clauses`: verb -> clause word -> level. */
  private readonly byClause = new Map<string, Map<string, BloomLevel>>();
  /** The same for the level a vague phrase means, by phrase. */
  private readonly meantBy = new ObjectTable();
  private readonly irregular: Map<string, string>;
  private readonly lemmaCache = new Map<string, string | null>();
  private readonly englishCache = new Map<string, string | null>();
  /** One-word spellings of phrasal verbs ("setup", "login", "backup") -> the phrasal verb. */
  readonly closedPhrasal = new Map<string, VerbInfo>();
  private readonly originalMarkers: Set<string>;
  /** Wh-words and "that" each rewrite verb can take before a clause. */
  readonly complements: Map<string, Set<string>>;
  private readonly suitability: { verbs: Set<string>; level: BloomLevel } | null;
  /** bloom-verbs.json "byPurpose": means verbs, the level of a judgement as their purpose and
   * the purposes that do not count. */
  readonly purpose: {
    means: Set<string>;
    level: BloomLevel;
    not: Set<string>;
    analyses: Set<string>;
  } | null;
  /** bloom-verbs.json "byPurpose" listMeans: means verbs whose purpose "to A and B" is two
   * behaviours. */
  readonly purposeList: ReadonlySet<string>;
  /** bloom-verbs.json "byProcedure". */
  private readonly procedure: { verbs: Set<string>; level: BloomLevel; from: Set<string> } | null;
  /** vague-phrases.json "topics": the level meant by a topic's head noun, and by default. */
  private readonly topicHeads = new Map<string, BloomLevel>();
  readonly topicDefault: BloomLevel;
  /** vague-phrases.json "states": the nouns of an inner state ("knowledge", "awareness"). */
  readonly stateNouns: ReadonlySet<string>;
  /** Gerunds that name a field or discipline ("engineering", "marketing"), not a practice. */
  readonly topicFields: ReadonlySet<string>;
  /** bloom-verbs.json "byMaterial". */
  private readonly material: {
    verbs: Set<string>;
    level: BloomLevel;
    nouns: Set<string>;
  } | null;
  /** bloom-verbs.json "byStandard". */
  private readonly standard: {
    verbs: Set<string>;
    level: BloomLevel;
    words: Set<string>;
  } | null;
  /** bloom-verbs.json "byQuestion". */
  readonly question: { verbs: Set<string>; words: Set<string> } | null;
  /** bloom-verbs.json "byCount". */
  readonly counted: { verbs: Set<string>; level: BloomLevel } | null;
  /** bloom-verbs.json "byMemory" (markers as lowercased word lists). */
  readonly memory: { verbs: Set<string>; level: BloomLevel; markers: string[][] } | null;
  /** bloom-verbs.json "byExplanation". */
  readonly explanation: {
    verbs: Set<string>;
    level: BloomLevel;
    words: Set<string>;
    not: Set<string>;
    /** Lowercased word lists. */
    listeners: string[][];
    about: Set<string>;
  } | null;
  /** bloom-verbs.json "sameBehaviour": each near-synonym verb -> its group's index. */
  private readonly synonymGroup = new Map<string, number>();
  /** bloom-verbs.json "sameBehaviour" "verdicts": "a b" for each pair, both ways. */
  private readonly verdictPairs = new Set<string>();
  private readonly relation = new Map<
    string,
    { level: BloomLevel; objects: Set<string>; relations: Set<string> }[]
  >();

  constructor(
    extraVague: readonly string[] = [],
    extraVerbs: Partial<Record<BloomLevel, string[]>> = {},
  ) {
    const bloom = bloomData as unknown as BloomData;
    const vague = vagueData as unknown as VagueData;
    this.levels = bloom.levels;
    this.sources = bloom.sources;
    this.irregular = new Map(Object.entries(bloom.irregular));
    for (const v of bloom.verbs) {
      this.verbs.set(v.verb, {
        verb: v.verb,
        level: v.level as BloomLevel,
        alternatives: (v.alternatives ?? []) as BloomLevel[],
      });
    }
    for (const v of bloom.phrasal ?? []) {
      const info = {
        verb: v.verb,
        level: v.level as BloomLevel,
        alternatives: (v.alternatives ?? []) as BloomLevel[],
      };
      const head = v.verb.split(' ')[0]!;
      const list = this.phrasalByHead.get(head) ?? [];
      list.push(info);
      list.sort((a, b) => b.verb.length - a.verb.length);
      this.phrasalByHead.set(head, list);
      if (v.verb.split(' ').length === 2) this.closedPhrasal.set(v.verb.replace(' ', ''), info);
    }
    this.originalMarkers = new Set(bloom.originalMarkers ?? []);
    this.suitability = bloom.bySuitability
      ? {
          verbs: new Set(bloom.bySuitability.verbs),
          level: bloom.bySuitability.level as BloomLevel,
        }
      : null;
    this.purpose = bloom.byPurpose
      ? {
          means: new Set(bloom.byPurpose.means),
          level: bloom.byPurpose.level as BloomLevel,
          not: new Set(bloom.byPurpose.not),
          analyses: new Set(bloom.byPurpose.analyses ?? []),
        }
      : null;
    this.purposeList = new Set(bloom.byPurpose?.listMeans ?? []);
    this.material = bloom.byMaterial
      ? {
          verbs: new Set(bloom.byMaterial.verbs),
          level: bloom.byMaterial.level as BloomLevel,
          nouns: new Set(bloom.byMaterial.material),
        }
      : null;
    this.standard = bloom.byStandard
      ? {
          verbs: new Set(bloom.byStandard.verbs),
          level: bloom.byStandard.level as BloomLevel,
          words: new Set(bloom.byStandard.standards),
        }
      : null;
    this.question = bloom.byQuestion
      ? { verbs: new Set(bloom.byQuestion.verbs), words: new Set(bloom.byQuestion.words) }
      : null;
    this.counted = bloom.byCount
      ? { verbs: new Set(bloom.byCount.verbs), level: bloom.byCount.level as BloomLevel }
      : null;
    this.memory = bloom.byMemory
      ? {
          verbs: new Set(bloom.byMemory.verbs),
          level: bloom.byMemory.level as BloomLevel,
          markers: bloom.byMemory.markers.map((m) => m.toLowerCase().split(' ')),
        }
      : null;
    this.explanation = bloom.byExplanation
      ? {
          verbs: new Set(bloom.byExplanation.verbs),
          level: bloom.byExplanation.level as BloomLevel,
          words: new Set(bloom.byExplanation.words),
          not: new Set(bloom.byExplanation.not),
          listeners: (bloom.byExplanation.listeners ?? []).map((l) => l.toLowerCase().split(' ')),
          about: new Set(bloom.byExplanation.about ?? []),
        }
      : null;
    this.procedure = bloom.byProcedure
      ? {
          verbs: new Set(bloom.byProcedure.verbs),
          level: bloom.byProcedure.level as BloomLevel,
          from: new Set(bloom.byProcedure.from),
        }
      : null;
    (bloom.sameBehaviour?.groups ?? []).forEach((g, i) => {
      for (const v of g) this.synonymGroup.set(v, i);
    });
    for (const [a, b] of bloom.sameBehaviour?.verdicts?.pairs ?? [])
      if (a && b) this.verdictPairs.add(`${a} ${b}`).add(`${b} ${a}`);
    for (const rule of bloom.byRelation ?? [])
      for (const verb of rule.verbs) {
        const list = this.relation.get(verb) ?? [];
        list.push({
          level: rule.level as BloomLevel,
          objects: new Set(rule.objects),
          relations: new Set(rule.relations),
        });
        this.relation.set(verb, list);
      }
    this.complements = new Map(
      Object.entries(bloom.complements ?? {}).map(([verb, words]) => [verb, new Set(words)]),
    );
    for (const rule of bloom.byObject ?? [])
      for (const verb of rule.verbs) {
        this.byObject.add(verb, rule.objects, rule.level as BloomLevel, rule.notBefore);
        for (const word of rule.clauses ?? []) {
          const clauses = this.byClause.get(verb) ?? new Map<string, BloomLevel>();
          clauses.set(word, rule.level as BloomLevel);
          this.byClause.set(verb, clauses);
        }
      }
    // Rules are added once the phrases are known: "*knowledge" names every phrase with that noun.
    const meantRules = vague.meantByObject ?? [];
    this.topicDefault = (vague.topics?.default ?? 'understand') as BloomLevel;
    this.topicFields = new Set(vague.topics?.fields ?? []);
    this.stateNouns = new Set((vague.states?.nouns ?? []).map((n) => n.noun));
    for (const h of vague.topics?.heads ?? [])
      for (const n of h.nouns) this.topicHeads.set(n, h.meant as BloomLevel);
    for (const [level, words] of Object.entries(extraVerbs)) {
      for (const w of words ?? [])
        this.verbs.set(w, { verb: w, level: level as BloomLevel, alternatives: [] });
    }
    const phrases: VaguePhrase[] = vague.phrases.map((p) => ({
      words: p.phrase.split(' '),
      key: p.phrase,
      meant: p.meant as BloomLevel,
      suggest: p.suggest,
      ...(p.replaces ? { replaces: p.replaces } : {}),
      ...(p.learner ? { learner: p.learner } : {}),
      ...(p.then === 'gerund' ? { beforeGerund: true as const } : {}),
    }));
    const suggestAt = (level: string) =>
      phrases.find((p) => p.words.length === 1 && p.meant === level)?.suggest ?? ['explain'];
    // "obtain an understanding of", "provide a grounding in": each verb with each state noun.
    const listed = new Set(phrases.map((p) => p.key));
    for (const verb of vague.states?.verbs ?? [])
      for (const n of vague.states?.nouns ?? [])
        for (const prep of n.preps) {
          const key = `${verb} ${n.noun} ${prep}`;
          if (listed.has(key)) continue;
          listed.add(key);
          phrases.push({
            words: key.split(' '),
            key,
            meant: n.meant as BloomLevel,
            suggest: suggestAt(n.meant),
            learner: n.learner ?? 'optional',
          });
        }
    const understand = phrases.find((p) => p.key === 'understand');
    for (const p of extraVague) {
      if (phrases.some((q) => q.key === p)) continue;
      phrases.push({
        words: p.split(' '),
        key: p,
        meant: 'understand',
        suggest: understand?.suggest ?? ['explain'],
      });
    }
    for (const p of phrases) {
      // A project's own verb list wins over the built-in vague list.
      if (p.words.length === 1 && this.verbs.has(p.key) && extraVerbsHas(extraVerbs, p.key))
        continue;
      this.vague.push(p);
      const head = p.words[0]!;
      const list = this.vagueByHead.get(head) ?? [];
      list.push(p);
      list.sort((a, b) => b.words.length - a.words.length);
      this.vagueByHead.set(head, list);
    }
    for (const p of this.vague) if (p.words.length === 1) this.verbs.delete(p.key);
    for (const rule of meantRules)
      for (const phrase of rule.phrases) {
        const keys = phrase.startsWith('*')
          ? this.vague.filter((p) => p.words.includes(phrase.slice(1))).map((p) => p.key)
          : [phrase];
        for (const key of keys) this.meantBy.add(key, rule.objects, rule.meant as BloomLevel);
      }
  }

  /** Whether two verbs (lemmas) are near-synonyms that, joined before one object, ask for one
   * behaviour ("Explain and describe", "Select and choose"; bloom-verbs.json "sameBehaviour"). */
  sameBehaviour(a: string, b: string): boolean {
    const g = this.synonymGroup.get(a);
    return g !== undefined && g === this.synonymGroup.get(b);
  }

  /** Whether two verbs (lemmas) are a decision's two verdicts, which joined by "or" before one
   * object ask for one behaviour ("Qualify or disqualify a lead"; bloom-verbs.json
   * "sameBehaviour" "verdicts"). */
  verdicts(a: string, b: string): boolean {
    return this.verdictPairs.has(`${a} ${b}`);
  }

  /**
   * The level of `verb` given the lowercase words that follow it, when what it makes decides
   * it ("write a literature review" is create, "write a summary" understand), else null. The
   * object is sought in the first few words, up to a preposition or relative pronoun; a
   * plural ("essays", "policies") counts.
   */
  levelByObject(verb: string, following: readonly string[]): BloomLevel | null {
    // "an original design", "a novel algorithm" mark a product as original only after a verb
    // that makes something (apply or create: write, develop, make, produce); "Identify unique
    // features" and "Review novel research" recognise or judge what exists.
    // "Recognize that cell division occurs in stages", "Recognize how meanings are created": a
    // content clause is what the verb acts on.
    const clause = following[0] ? this.byClause.get(verb)?.get(following[0]) : undefined;
    if (clause && following[1] !== undefined && following[1] !== 'to') return clause;
    const level = this.verbs.get(verb)?.level;
    const makes = level === 'apply' || level === 'create';
    return objectLevel(this.byObject.get(verb), following, makes ? this.originalMarkers : null);
  }

  /** The level of `verb` when what it names is followed, within a few words, by a relative
   * clause of suitability or possibility ("projects for which version control would be
   * suitable", "pieces of work that could be carried out in branches"), else null. */
  levelBySuitability(verb: string, following: readonly string[]): BloomLevel | null {
    if (!this.suitability?.verbs.has(verb)) return null;
    for (let j = 1; j < Math.min(following.length - 1, OBJECT_WINDOW + 1); j++) {
      const w = following[j]!;
      const relative =
        ((w === 'which' || w === 'whom') &&
          /^(?:for|in|to|with|on|under)$/.test(following[j - 1]!)) ||
        w === 'that' ||
        w === 'where' ||
        w === 'when';
      if (!relative) continue;
      for (let k = j + 1; k < Math.min(following.length, j + 5); k++)
        if (/^(?:would|could|should|might|may)$/.test(following[k]!)) return this.suitability.level;
      return null;
    }
    return null;
  }

  /** The level of `verb` when what it names is qualified by a relation to a topic, right after
   * the noun or after "that / which" ("the factors that affect food safety", "risks associated
   * with lone working", "factors contributing to falls"), else null. */
  levelByRelation(verb: string, following: readonly string[]): BloomLevel | null {
    const rules = this.relation.get(verb);
    if (!rules) return null;
    for (let j = 0; j < Math.min(following.length - 1, OBJECT_WINDOW); j++) {
      const w = following[j]!;
      if (OBJECT_STOP.has(w)) return null;
      for (const r of rules) {
        if (!singulars(w).some((b) => r.objects.has(b))) continue;
        let k = j + 1;
        if (following[k] === 'that' || following[k] === 'which') k++;
        if (/^(?:may|can|could|might|commonly|often|directly)$/.test(following[k] ?? '')) k++;
        if (r.relations.has(following[k] ?? '')) return r.level;
      }
    }
    return null;
  }

  /** The level of a verb of checking when a standard is named within the first eight words of
   * what is checked ("calculations for accuracy", "progress against the plan", "for
   * conformance to specifications"; bloom-verbs.json "byStandard"), else null. */
  levelByStandard(verb: string, following: readonly string[]): BloomLevel | null {
    const s = this.standard;
    if (!s?.verbs.has(verb)) return null;
    for (let j = 0; j < Math.min(following.length, 8); j++)
      if (singulars(following[j]!).some((b) => s.words.has(b))) return s.level;
    return null;
  }

  /** The level of `verb` when what it names is sought in given material: "in" and, within a
   * few words, a noun of material ("persuasive devices in a political speech", "structure in
   * narrative and descriptive texts", "steps in their own workflow"); not "in case of", "in
   * order to". Else null. */
  levelByMaterial(verb: string, following: readonly string[]): BloomLevel | null {
    const m = this.material;
    if (!m?.verbs.has(verb)) return null;
    for (let j = 0; j < following.length - 1; j++) {
      // "Identify key terms and use them in an essay": the material is the next behaviour's.
      if (/^(?:and|or|then)$/.test(following[j]!)) {
        const next = this.lemma(following[j + 1]!);
        if (next && this.verbs.has(next)) return null;
      }
      if (following[j] !== 'in') continue;
      if (
        /^(?:case|order|accordance|line|terms|addition|relation|time|place|charge)$/.test(
          following[j + 1]!,
        )
      )
        return null;
      for (let k = j + 1; k < Math.min(following.length, j + 6); k++) {
        const w = following[k]!;
        if (
          /^(?:that|which|who|to|for|by|with|on|at|from|of|including|such|like|especially|particularly|e|i)$/.test(
            w,
          )
        )
          break;
        // The material is the phrase's last noun: "in written work", "in plays and"; not "in the
        // work area", "in a text box".
        const ends = (at: number) => at >= following.length || MATERIAL_END.test(following[at]!);
        if (singulars(w).some((b) => m.nouns.has(b)) && ends(k + 1)) return m.level;
        if (k + 1 < following.length && m.nouns.has(`${w} ${following[k + 1]}`) && ends(k + 2))
          return m.level;
      }
      return null;
    }
    return null;
  }

  /** The level of a verb that makes something when what it makes is made by a procedure: made
   * "from" given instructions, a kit, plans, a template or a recipe ("Assemble a bookcase from
   * the manufacturer's instructions", "Build a logger from an Arduino kit"), or "by following"
   * / "following the" ones; null when nothing says so or an original-work marker names the
   * product ("an original sculpture from scrap"). */
  levelByProcedure(verb: string, following: readonly string[]): BloomLevel | null {
    const p = this.procedure;
    if (!p?.verbs.has(verb)) return null;
    for (let j = 0; j < following.length; j++) {
      const w = following[j]!;
      if (this.originalMarkers.has(w)) return null;
      if (j === 0) continue;
      // "by following the plans", "following the kit's instructions" (not "the following").
      if (w === 'following' && following[j - 1] !== 'the') return p.level;
      if (w !== 'from') continue;
      // "from the manufacturer's instructions", "from an Arduino kit": the source's head noun
      // within the next four words.
      for (let k = j + 1; k < Math.min(following.length, j + 5); k++) {
        const x = following[k]!;
        if (singulars(x).some((b) => p.from.has(b))) return p.level;
        if (k + 1 < following.length && p.from.has(`${x} ${following[k + 1]}`)) return p.level;
        if (OBJECT_STOP.has(x)) break;
      }
      return null;
    }
    return null;
  }

  /** The level a vague phrase most likely means given what follows it ("learn the Greek
   * alphabet": remember), when its object decides it, else null. */
  meantByObject(phrase: string, following: readonly string[]): BloomLevel | null {
    return objectLevel(this.meantBy.get(phrase), following, null);
  }

  /** The level a topic's head noun means ("analysis": analyze, "care": apply), if listed. */
  topicHead(noun: string): BloomLevel | undefined {
    return this.topicHeads.get(noun);
  }

  /** Rewrites for a vague phrase meant at `level`: those of the one-word vague verb that
   * means it ("know": remember, "understand": understand). */
  suggestFor(level: BloomLevel): string[] | null {
    return this.vague.find((p) => p.words.length === 1 && p.meant === level)?.suggest ?? null;
  }

  /** A vague head that is a noun, not a verb ("knowledge of", "understanding of"). */
  private isNominal(word: string): boolean {
    const phrases = this.vagueByHead.get(word);
    return (
      !!phrases &&
      !this.verbs.has(word) &&
      !this.phrasalByHead.has(word) &&
      phrases.every((p) => p.words.length > 1)
    );
  }

  isKnown(word: string): boolean {
    return this.verbs.has(word) || this.vagueByHead.has(word) || this.phrasalByHead.has(word);
  }

  /**
   * The base form of a word if it is (an inflection of) a known verb or vague head word, else
   * null. "identifying" -> identify, "explains" -> explain, "wrote" -> write.
   */
  lemma(word: string): string | null {
    const w = word.toLowerCase().replace(/’/g, "'");
    const cached = this.lemmaCache.get(w);
    if (cached !== undefined) return cached;
    const result = this.computeLemma(w);
    if (this.lemmaCache.size > 50_000) this.lemmaCache.clear();
    this.lemmaCache.set(w, result);
    return result;
  }

  private computeLemma(w: string): string | null {
    // "understanding" heads "understanding of" but is still a form of "understand".
    if (
      this.isKnown(w) &&
      !(this.isNominal(w) && inflectionCandidates(w).some((c) => this.isKnown(c)))
    )
      return w;
    const irr = this.irregular.get(w);
    if (irr !== undefined && this.isKnown(irr)) return irr;
    const candidates = inflectionCandidates(w);
    for (const c of candidates) if (this.isKnown(c)) return c;
    // "Re-run", "re-installing": the verb after a hyphenated re- (unhyphenated forms such as
    // "rerun" are listed; "resources" is not "re" + "sources").
    if (w.startsWith('re-') && w.length > 5) return this.computeLemma(w.slice(3));
    return null;
  }

  /** Forgets the words looked up so far (each cache is bounded anyway). */
  clearCaches(): void {
    this.lemmaCache.clear();
    this.englishCache.clear();
    this.nearestCache.clear();
  }

  verb(lemma: string): VerbInfo | undefined {
    return this.verbs.get(lemma);
  }

  /**
   * The base form of a word that the English lexicon (WordNet 3.1, data/english-verbs.json)
   * knows as a verb, or null: "streaming" -> stream. A prefix that makes verbs from verbs
   * ("subset", "preprocess", "unset", "re-enable") and a hyphenated compound whose last part is
   * a verb ("problem-solve", "fine-tune") count too.
   */
  englishLemma(word: string): string | null {
    const w = word.toLowerCase().replace(/’/g, "'");
    const cached = this.englishCache.get(w);
    if (cached !== undefined) return cached;
    const result = this.computeEnglishLemma(w);
    if (this.englishCache.size > 50_000) this.englishCache.clear();
    this.englishCache.set(w, result);
    return result;
  }

  private computeEnglishLemma(w: string): string | null {
    // Not every vague head is a verb ("knowledge of", "definition of").
    const isVerb = (c: string) => isEnglishVerb(c) || (this.isKnown(c) && !this.isNominal(c));
    // The word itself, also made with a prefix ("overseed", not "oversee" + "-d").
    if (isVerb(w) || derivedVerb(w)) return w;
    const irr = this.irregular.get(w);
    if (irr !== undefined && isVerb(irr)) return irr;
    const candidates = inflectionCandidates(w);
    for (const c of candidates) if (isVerb(c)) return c;
    // An inflection of a verb made with a prefix or in a compound only where no inflection is
    // a verb itself: "rebutting" is "rebut", not "re" + "butt".
    if (irr !== undefined && derivedVerb(irr)) return irr;
    for (const c of candidates) if (derivedVerb(c)) return c;
    return null;
  }

  /** Verbs of the Bloom lexicon nearest to an English verb it does not know (WordNet synonyms,
   * then hypernyms), at most three. */
  nearest(verb: string): string[] {
    let near = this.nearestCache.get(verb);
    if (!near) {
      near = (nearestOf(verb) ?? []).filter((v) => this.verbs.has(v));
      if (this.nearestCache.size > 5_000) this.nearestCache.clear();
      this.nearestCache.set(verb, near);
    }
    return near;
  }
  private readonly nearestCache = new Map<string, string[]>();

  isAdverb(word: string): boolean {
    const w = word.toLowerCase();
    return w.length > 4 && w.endsWith('ly') && !LY_VERBS.has(w) && !this.verbs.has(w);
  }

  /** Verbs of a level, in lexicon order, for suggestions and completion. */
  verbsAt(level: BloomLevel): string[] {
    const out: string[] = [];
    for (const v of this.verbs.values()) if (v.level === level) out.push(v.verb);
    return out;
  }
}

function extraVerbsHas(extra: Partial<Record<BloomLevel, string[]>>, word: string): boolean {
  return BLOOM_LEVELS.some((l) => extra[l]?.includes(word));
}

const cache = new Map<string, Lexicon>();

/** Forgets the words every lexicon has looked up (bounded; see core/caches.ts). */
export function clearLexiconCaches(): void {
  for (const lex of cache.values()) lex.clearCaches();
}

/** The lexicon for a configuration's word lists (shared between files with the same lists). */
export function lexiconFor(
  extraVague: readonly string[] = [],
  extraVerbs: Partial<Record<BloomLevel, string[]>> = {},
): Lexicon {
  const key = JSON.stringify([extraVague, extraVerbs]);
  let lex = cache.get(key);
  if (!lex) {
    if (cache.size > 16) cache.clear();
    lex = new Lexicon(extraVague, extraVerbs);
    cache.set(key, lex);
  }
  return lex;
}

/** Base forms a word may be an inflection of ("identifying" -> identify, identifye). */
function inflectionCandidates(w: string): string[] {
  const candidates: string[] = [];
  const n = w.length;
  if (w.endsWith('ies') && n > 4) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es') && n > 3) candidates.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('s') && !w.endsWith('ss') && n > 2) candidates.push(w.slice(0, -1));
  if (w.endsWith('ing') && n > 4) {
    const stem = w.slice(0, -3);
    candidates.push(stem, stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2])
      candidates.push(stem.slice(0, -1));
    if (stem.endsWith('y')) candidates.push(stem.slice(0, -1) + 'ie');
  }
  if (w.endsWith('ied') && n > 4) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed') && n > 3) {
    const stem = w.slice(0, -2);
    candidates.push(stem, w.slice(0, -1));
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2])
      candidates.push(stem.slice(0, -1));
  }
  return candidates;
}

// The English lexicon: its words, one space between each, sorted by code unit and unique
// (scripts/english-verbs.mjs; a test checks it). A word is found by binary search in that
// string, from the offsets where its words start, made on first use: the same answers as a Set
// of its 8,698 words, without making 8,698 strings and the Set (0.5 MB, a tenth of what a cold
// check of a small file allocates; BENCHMARKS.md, "Cold start, fourth round").
let englishStarts: Int32Array | null = null;
function englishWordStarts(all: string): Int32Array {
  let n = 1;
  for (let i = all.indexOf(' '); i >= 0; i = all.indexOf(' ', i + 1)) n++;
  const starts = new Int32Array(n + 1);
  let k = 1;
  for (let i = all.indexOf(' '); i >= 0; i = all.indexOf(' ', i + 1)) starts[k++] = i + 1;
  starts[n] = all.length + 1; // one past the end of the last word, as if a space followed it
  return starts;
}
/** Whether `w` is a word of the English lexicon (exactly: `verbs.split(' ').includes(w)`). */
export function isEnglishVerb(w: string): boolean {
  const all = (englishData as EnglishData).verbs;
  const starts = (englishStarts ??= englishWordStarts(all));
  let lo = 0;
  let hi = starts.length - 2; // word i is all.slice(starts[i], starts[i + 1] - 1)
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const from = starts[mid]!;
    const len = starts[mid + 1]! - 1 - from;
    // Compare w with the word by code unit, as `<` compares strings.
    let c = 0;
    const m = Math.min(len, w.length);
    for (let j = 0; j < m && c === 0; j++) c = w.charCodeAt(j) - all.charCodeAt(from + j);
    if (c === 0) c = w.length - len;
    if (c === 0) return true;
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return false;
}
/** The "nearest" entry of a verb, found in the data's string (one lookup per hint: cheaper
 * than building a map of 6,500 entries at start). */
function nearestOf(verb: string): string[] | undefined {
  const all = (englishData as EnglishData).nearest;
  const key = `${verb}:`;
  let at = all.startsWith(key) ? 0 : all.indexOf(` ${key}`);
  if (at < 0) return undefined;
  if (at > 0) at += 1;
  const end = all.indexOf(' ', at);
  return all.slice(at + key.length, end < 0 ? all.length : end).split(',');
}

/** Prefixes that make verbs from verbs (Quirk et al. 1985, App. I.15-I.25: re-, un-, pre-,
 * sub-, de-, dis-, mis-, co-, over-, under-, auto-): "subset", "preprocess", "unset". */
const VERB_PREFIXES = /^(?:re|un|pre|sub|de|dis|mis|co|over|under|auto)-?(?=[a-z]{3})/;
function derivedVerb(w: string): boolean {
  const prefixed = VERB_PREFIXES.exec(w);
  if (prefixed && isEnglishVerb(w.slice(prefixed[0].length))) return true;
  // "problem-solve", "fine-tune", "version-control", "auto-close": the last part is the verb.
  const dash = w.lastIndexOf('-');
  return dash > 0 && dash < w.length - 3 && isEnglishVerb(w.slice(dash + 1));
}

/** Objects of a verb, by the base form of their last word ("review" for "literature review"),
 * longest first. */
type ObjectRules = Map<
  string,
  { words: string[]; level: BloomLevel; notBefore?: ReadonlySet<string> }[]
>;

/**
 * Object rules by verb (or vague phrase), each key's built on its first lookup from the lists
 * added for it, in the order they were added: the same table as building them all at start
 * (1,700 objects split and sorted, a third of the lexicon's construction), for the few keys a
 * small file asks about (BENCHMARKS.md, "Cold start, fourth round").
 */
export class ObjectTable {
  private readonly lists = new Map<
    string,
    { objects: readonly string[]; level: BloomLevel; notBefore?: ReadonlySet<string> }[]
  >();
  private readonly built = new Map<string, ObjectRules>();

  add(
    key: string,
    objects: readonly string[],
    level: BloomLevel,
    notBefore?: readonly string[],
  ): void {
    const entry = { objects, level, notBefore: notBefore ? new Set(notBefore) : undefined };
    const list = this.lists.get(key);
    if (list) list.push(entry);
    else this.lists.set(key, [entry]);
  }

  get(key: string): ObjectRules | undefined {
    let rules = this.built.get(key);
    if (rules) return rules;
    const lists = this.lists.get(key);
    if (!lists) return undefined;
    rules = new Map();
    for (const { objects, level, notBefore } of lists) addObjects(rules, objects, level, notBefore);
    this.built.set(key, rules);
    return rules;
  }
}

function addObjects(
  rules: ObjectRules,
  objects: readonly string[],
  level: BloomLevel,
  notBefore?: ReadonlySet<string>,
): void {
  for (const o of objects) {
    const words = o.split(' ');
    const list = rules.get(words[words.length - 1]!) ?? [];
    list.push(notBefore ? { words, level, notBefore } : { words, level });
    list.sort((a, b) => b.words.length - a.words.length);
    rules.set(words[words.length - 1]!, list);
  }
}

/** The nouns `word` can be, itself or as a plural (essays, policies, hypotheses, analyses). */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('s')) {
    out.push(word.slice(0, -1));
    if (word.endsWith('es')) out.push(word.slice(0, -2), `${word.slice(0, -2)}is`);
    if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  }
  return out;
}

/**
 * The level the object named in `following` gives, by `rules`: the last object named before
 * the noun phrase ends wins ("a policy review"); a multi-word object is matched whole
 * ("literature review"). An original-work marker ("an original design") makes it create where
 * `originals` are given. Objects are found by their last word, so the cost does not grow with
 * the length of the tables.
 */
function objectLevel(
  rules: ObjectRules | undefined,
  following: readonly string[],
  originals: ReadonlySet<string> | null,
): BloomLevel | null {
  if (!rules) return null;
  let found: BloomLevel | null = null;
  // The window counts from where the object starts: after "a sequence of", "a roll of" it
  // starts again ("Develop a reel of 16 mm cine film").
  let shift = 0;
  let from = 0;
  // A phrase that starts inside the window may end just after it.
  for (let j = 0; j < Math.min(following.length, OBJECT_WINDOW + 2 + shift); j++) {
    const w = following[j]!;
    // "a sequence of commands", "a set of aliases": the object is what follows "of".
    if (w === 'of' && j > 0 && PARTITIVES.has(following[j - 1]!)) {
      shift = j;
      continue;
    }
    if (OBJECT_STOP.has(w)) break;
    if (j - shift < OBJECT_WINDOW && originals?.has(w)) return 'create';
    let hit: { words: string[]; level: BloomLevel } | undefined;
    for (const base of singulars(w)) {
      for (const r of rules.get(base) ?? []) {
        const start = j - r.words.length + 1;
        if (
          r.notBefore?.has(following[j + 1] ?? '') ||
          start < from ||
          start - shift >= OBJECT_WINDOW ||
          (hit && hit.words.length >= r.words.length)
        )
          continue;
        let same = true;
        for (let k = 0; k < r.words.length - 1 && same; k++)
          same = following[start + k] === r.words[k];
        if (same) hit = r;
      }
    }
    if (hit) {
      found = hit.level;
      from = j + 1;
    } else if (j - shift >= OBJECT_WINDOW) break;
  }
  return found;
}
