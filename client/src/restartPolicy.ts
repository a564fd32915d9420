// When to restart a language server that stopped: at once for the first few crashes, then
// after a growing delay while it keeps crashing, so a server that dies on start does not spin.
// No import of `vscode`, so the unit tests run it under Node.

/** Crashes within this window count towards a crash loop. */
export const CRASH_WINDOW_MS = 3 * 60 * 1000;
/** Up to this many crashes in the window restart at once, as vscode-languageclient does. */
export const QUICK_RESTARTS = 4;
export const FIRST_DELAY_MS = 10_000;
export const MAX_RESTART_DELAY_MS = 5 * 60 * 1000;

export class RestartPolicy {
  private crashes: number[] = [];

  /** Records a crash at `now` and returns how long to wait before restarting (0: at once). */
  crashed(now: number): number {
    this.crashes = this.crashes.filter((t) => now - t < CRASH_WINDOW_MS).concat(now);
    const extra = this.crashes.length - QUICK_RESTARTS;
    return extra > 0 ? Math.min(FIRST_DELAY_MS * 2 ** (extra - 1), MAX_RESTART_DELAY_MS) : 0;
  }
}
