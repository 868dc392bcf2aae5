// Types of scripts/prng.mjs, for the TypeScript tests that share its generator (fuzz cases).
export function mulberry32(seed: number): () => number;
export function createDrawer(seed: number): {
  rand: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  weighted: <T>(pairs: readonly (readonly [T, number])[]) => T;
  shuffle: <T>(list: readonly T[]) => T[];
  chance: (p: number) => boolean;
  noise: (spread: number) => number;
};
