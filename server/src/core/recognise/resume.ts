// The walk resumed at a checkpoint (BENCHMARKS.md, "Twentieth step" and "Twenty-first step").
// A build of a document notes, at each heading where nothing is pending across it (no label,
// no assessment open, no div in the document), what the walk has made so far: the lengths of
// the outline's lists and the builder's, the frames of the walk with their namings' counts, the
// generated IDs' counters, and the questions the walk asked about what lies ahead (whether later
// headings name objectives, whether the subsections after a lead-in hold nothing but lists).
// The next build of the same document, after an edit that leaves every top-level node up to a
// little after such a heading the same parse node (the parse hands on unchanged pieces), takes
// the last outline's lists up to that checkpoint as they are and walks from the heading on:
// the prefix is what a fresh walk would make again, because the walk reads nothing after a
// node but the two siblings after it, the questions (asked again of the new text and compared)
// and the document-wide decisions (compared: the heading plan, the count of "end-point
// assessment", the number of H1s, the file's name). test/unit/section-structure.test.ts
// compares resumed builds with fresh ones after random edits, and counts the resumes.
import type { RootContent } from 'mdast';
import type { Lexicon } from '../language/lexicon.js';
import type { Outline, Span } from '../model.js';
import type { BlockName } from './names.js';
import type { OutlineNotes } from './noted.js';
import type { ParagraphMemo, Reads } from './reuse.js';
import type { Naming } from './scope.js';

/** A frame of the walk's stack (walk.ts), as noted at a checkpoint (its naming a copy). */
export interface FrameCopy {
  depth: number;
  section: number;
  naming: Naming | null;
  deep: boolean;
  owns: boolean;
}

/** What the walk had made when it reached a checkpoint heading, its closing done. */
export interface Checkpoint {
  /** The heading's index among the root's children. */
  child: number;
  sections: number;
  blocks: number;
  objectives: number;
  outcomes: number;
  assessments: number;
  unread: number;
  notes: number;
  codeSpans: number;
  itemStarts: number;
  headings: number;
  questions: number;
  memos: number;
  explicit: [number, number, number];
  linking: [number, number, number];
  noteSections: number;
  withoutOwnVerb: number;
  criteria: boolean;
  title: string | null;
  course: { heading: Span | null; depth: number };
  /** The sections that may get children after it (the frames'), with their children's count. */
  children: [number, number][];
  frames: FrameCopy[];
  /** The generated IDs' counters changed since the checkpoint before: key, count, key, ... */
  counters: (string | number)[];
  /** Where the heading starts in the text. */
  at: number;
}

/** The least distance, in characters of text, from one checkpoint to the next noted: the walk
 * resumes at the start of the parse's piece the edit is in at best (4 KB: parse.ts), so a
 * checkpoint at every heading (a long outline's 1,780) would be noted mostly for nothing. */
export const CHECKPOINT_SPACING = 1024;

/** A question the walk asked about the nodes after one (answered again before a resume). */
export type Question =
  | { kind: 'lists'; i: number; depth: number; answer: boolean }
  | {
      kind: 'ahead';
      i: number;
      section: number;
      /** The outline's title and the course section's depth when it was asked. */
      title: string | null;
      depth0: number;
      answer: boolean;
    };

/** What one build's walk noted, for the next build of the same document. */
export interface WalkRecord {
  checkpoints: Checkpoint[];
  questions: Question[];
  /** Counter keys changed since the last checkpoint (nextGenerated pushes them). */
  touched: string[];
  /** Where the last checkpoint noted starts (-Infinity before the first). */
  lastAt: number;
  /** The section headings met (walk.ts), in order. */
  headings: { section: number; depth: number; start: number }[];
  /** Filled in when the walk ends. */
  children?: RootContent[];
  plan?: { deep: Set<number>; standard: Map<number, BlockName>; any: boolean };
  singleH1?: boolean;
}

/** A finished build's walk, with what a resume takes from it. */
export interface LastBuild {
  record: WalkRecord;
  outline: Outline;
  notes: OutlineNotes;
  codeSpans: Span[];
  itemStarts: number[];
  memos: ParagraphMemo[];
  reads: Reads;
  lex: Lexicon;
  filePath: string;
  endPoints: number | undefined;
}

/** Builds that resumed the walk at a checkpoint, the items they took without walking, and the
 * questions they asked again (tests and benchmarks read them). */
export const resumeStats = { resumed: 0, items: 0, asked: 0 };

/** A copy of the frames, each naming copied once (frames may share one). */
export function copyFrames(frames: readonly FrameCopy[]): FrameCopy[] {
  const out: FrameCopy[] = [];
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k]!;
    let naming = f.naming;
    if (naming) {
      // A naming shared with a frame below gets that frame's copy.
      let j = 0;
      while (j < k && frames[j]!.naming !== naming) j++;
      naming = j < k ? out[j]!.naming : { ...naming };
    }
    out.push({ depth: f.depth, section: f.section, naming, deep: f.deep, owns: f.owns });
  }
  return out;
}
