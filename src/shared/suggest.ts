// "Did you mean…?" for misspelt keys and values: Levenshtein distance on accent- and case-free
// forms, so `couleurs`, `Couleur` and `coleur` all point to `couleur`.
import { normalizeHeader } from './normalize.js';

/**
 * Edit distance (insertions, deletions, substitutions, and swaps of two neighbouring letters,
 * the commonest typing slip: `jsno` → `json` is one edit), three rows of memory.
 */
export function measureLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] ?? 0) + 1);
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known word closest to `word`, or undefined when none is a plausible typo. A known word
 * that contains the typed one or is contained in it (`site` → `site_web`) wins when it is the
 * only one; otherwise the nearest by edit distance, if at most a third of the word (1 for short
 * words, where two edits already make another word).
 */
export function suggestClosest(word: string, known: readonly string[]): string | undefined {
  const key = normalizeHeader(word);
  if (key === '') return undefined;
  const keys = known.map((candidate) => ({ word: candidate, key: normalizeHeader(candidate) }));
  const containing = keys.filter((candidate) => key.length >= 3 && (candidate.key.includes(key) || key.includes(candidate.key)));
  if (containing.length === 1) return containing[0]?.word;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of keys) {
    const distance = measureLevenshtein(key, candidate.key);
    if (best === undefined || distance < best.distance) best = { word: candidate.word, distance };
  }
  const threshold = key.length <= 4 ? 1 : Math.max(2, Math.floor(key.length / 3));
  return best !== undefined && best.distance <= threshold ? best.word : undefined;
}
