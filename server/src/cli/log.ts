// Messages on stderr: every problem is one line starting with "bloomline: ", never a stack
// trace. Problems that should fail the run (exit 2) are remembered; the run goes on with the
// other files and exits 2 at the end.

/** A problem that stops the command at once with exit status 2 (bad usage, missing --config). */
export class CliError extends Error {}

export class Log {
  /** Set once a problem that makes the run exit 2 has been reported. */
  failed = false;

  constructor(private readonly write: (line: string) => void = (l) => process.stderr.write(l)) {}

  /** Reports a problem that makes the run exit 2 at the end. */
  error(message: string): void {
    this.failed = true;
    this.write(`bloomline: ${oneLine(message)}\n`);
  }

  /** Says lines another Log wrote (a check worker's, cli/pool.ts), and fails the run if it did. */
  replay(lines: readonly string[], failed: boolean): void {
    for (const line of lines) this.write(line);
    if (failed) this.failed = true;
  }

  /** Reports something the user should know that does not change the exit status. */
  note(message: string): void {
    this.write(`bloomline: ${oneLine(message)}\n`);
  }
}

/** Makes text safe to print on a terminal, on one line: control characters (which could
 * move the cursor or recolour the screen) become U+FFFD, line breaks become spaces. */
export function oneLine(text: string): string {
  return sanitize(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/** Replaces C0/C1 control characters (except tab) and bidirectional overrides, one UTF-16
 * unit for one, so offsets into the text stay valid. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The message of anything thrown, on one line. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}

/** A Node file-system error in words a user knows ("no such file or directory"). */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return describeError(err);
  }
}
