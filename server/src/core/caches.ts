// The core's caches of what it has read, all bounded by a count of entries: readings of
// objectives (20,000) and outcomes (20,000) by their text, of short tasks (5,000 a lexicon),
// the answers about short headings and titles (core/memo.ts: block names, heading signs, title
// slugs, 20,000 each), and each lexicon's word lookups (50,000 words; 5,000 nearest-verb
// lists). A long editing session fills them to their bounds
// and they start again: the live heap saws between about 12 and 27 MB over 100,000 random
// edits of a small outline, a bounded cost, not a leak. clearCaches() empties them, so that a
// leak test measures what is left (test/support/heap-probe.ts, test/lsp/soak.test.ts).
import { clearTaskReadings } from './language/assessment.js';
import { clearLexiconCaches } from './language/lexicon.js';
import { clearObjectiveReadings } from './language/objective.js';
import { clearMemos } from './memo.js';

export function clearCaches(): void {
  clearObjectiveReadings();
  clearMemos();
  clearTaskReadings();
  clearLexiconCaches();
}

/** Hands clearCaches to a test's heap probe (a preload that exists only in tests:
 * test/support/heap-probe.ts, check-heap-probe.ts) where there is one; nothing otherwise. */
export function offerCachesToHeapProbe(): void {
  const probe = (globalThis as { __bloomlineHeapProbe?: { clearCaches?: () => void } })
    .__bloomlineHeapProbe;
  if (probe) probe.clearCaches = clearCaches;
}
