// `node:assert/strict` for the end-to-end tests in VS Code's web worker extension host, which
// has no Node: what the tests use (ok, equal, deepEqual, match), with Node's meaning (strict:
// Object.is, and deep equality of plain values). scripts/e2e/build-suite.mjs puts this in place
// of `node:assert/strict` in the web suite's bundle.

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

const show = (value: unknown) => {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`);
}

export function equal<T>(
  actual: unknown,
  expected: T,
  message?: string | Error,
): asserts actual is T {
  if (!Object.is(actual, expected))
    fail(message, `Expected values to be strictly equal: ${show(actual)} !== ${show(expected)}`);
}

export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected))
    fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}

export function deepEqual<T>(
  actual: unknown,
  expected: T,
  message?: string | Error,
): asserts actual is T {
  if (!same(actual, expected))
    fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\n${show(expected)}`);
}

export const deepStrictEqual = deepEqual;

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !pattern.test(value))
    fail(
      message,
      `The input did not match the regular expression ${pattern}. Input: ${show(value)}`,
    );
}

export function doesNotMatch(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || pattern.test(value))
    fail(message, `The input was expected to not match ${pattern}. Input: ${show(value)}`);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => same(x, other[i]));
  }
  if (a instanceof Map || a instanceof Set) {
    const x = [...a.entries()];
    const y = [...(b as Map<unknown, unknown>).entries()];
    return same(x, y);
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as never)[k], (b as never)[k]),
    )
  );
}
