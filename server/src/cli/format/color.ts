// ANSI colours, only when they will be seen: stdout is a terminal and NO_COLOR is unset, or
// FORCE_COLOR asks for them; --no-color and --color win over both.
export interface Colors {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

/** `flag`: true for --color, false for --no-color, undefined when neither was given. */
export function wantColor(
  flag: boolean | undefined,
  isTTY: boolean,
  env: NodeJS.ProcessEnv,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function colors(enabled: boolean): Colors {
  const wrap =
    (open: number, close: number) =>
    (s: string): string =>
      enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
  };
}
