// Hand-written option parsing (no dependency): `--name value`, `--name=value`, flags (of a flag
// and its `--no-` form, the last one given), `--` to end options. Anything unknown is a usage error naming the option, so a typo never silently
// changes what runs.
import { didYouMean } from '../core/config.js';
import { CliError } from './log.js';

/** `repeated`: a value option that may be given more than once (`--suppress-rule A
 * --suppress-rule B`); its values are in `ParsedArgs.repeated`, in order. */
export type OptionKind = 'flag' | 'value' | 'repeated';

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
  /** Every value of each `repeated` option given (its last value is also in `options`). */
  repeated: Map<string, string[]>;
}

/** `spec` maps option names (without dashes; one letter for short options) to their kind;
 * `aliases` maps short names to long ones. */
export function parseArgs(
  argv: readonly string[],
  spec: Readonly<Record<string, OptionKind>>,
  command: string,
  aliases: Readonly<Record<string, string>> = {},
): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const repeated = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq > 0 ? arg.slice(0, eq) : arg;
    const raw = written.replace(/^--?/, '');
    const name = written.startsWith('--') ? raw : (aliases[raw] ?? `-${raw}`);
    const kind = spec[name];
    if (!kind) {
      const long = Object.keys(spec).filter((k) => k.length > 1);
      const meant = written.startsWith('--') ? didYouMean(raw, long) : null;
      throw new CliError(
        meant
          ? `unknown option "${written}" for "${command}" (did you mean "--${meant}"?)`
          : `unknown option "${written}" for "${command}" (see "bloomline ${command} --help")`,
      );
    }
    if (kind === 'flag') {
      if (eq > 0) throw new CliError(`option "${written}" takes no value`);
      // A flag and its negation (--color, --no-color): the last one given wins.
      options.delete(name.startsWith('no-') ? name.slice(3) : `no-${name}`);
      options.set(name, true);
    } else {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined) throw new CliError(`option "${written}" needs a value`);
      options.set(name, value);
      if (kind === 'repeated') repeated.set(name, [...(repeated.get(name) ?? []), value]);
    }
  }
  return { options, positionals, repeated };
}
