// The tests' one seeded PRNG, so that a failing run can be replayed from its seed (and a test
// never depends on Math.random). scripts/bench/generate.mjs keeps its own copy: the benchmark
// runs without the compiled tests.

/** mulberry32: each call gives the next 32-bit output divided by 2^32, a number in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
