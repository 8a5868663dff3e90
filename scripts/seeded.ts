/**
 * Mulberry32: a small, fast, reproducible generator of numbers in [0, 1), for what must look
 * varied and come out the same on every run (the benchmarks' archive, the magazine's drawings).
 */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
