// How a cell hidden by statistical secrecy is printed, the same in every output (PDF, HTML,
// charts and their alt text, `chiffres` CSV and JSON), and the notes explaining each mark.

/**
 * Why a cell is hidden. seuil: 0 < value < threshold, printed « < 3 ». secondaire: complementary
 * cell, hidden so that no small cell can be worked out from published sums, printed « s ».
 * associee: a rate or an amount that would reveal a hidden count, printed « s ».
 */
export type MaskReason = 'seuil' | 'secondaire' | 'associee';

/** Mark of a hidden cell that claims no value (complementary cell, rate or amount). */
export const COMPLEMENTARY_MARK = 's';

const MONEY_OR_RATE = new Set(['€', '%']);

/**
 * « < 3 » for a small count (threshold given), « s » for everything else hidden. A rate, an
 * amount or a mean never reads « < N »: that would state something false about it.
 */
export function formatMask(reason: MaskReason | undefined, threshold: number, options: { space?: string; unit?: string } = {}): string {
  const small = reason === 'seuil' && threshold > 0 && !MONEY_OR_RATE.has(options.unit ?? '');
  return small ? `<${options.space ?? '\u00a0'}${threshold}` : COMPLEMENTARY_MARK;
}

/** One French sentence per mark present, in a fixed order (« < 3 » then « s »). */
export function describeMarks(marks: Iterable<string>, threshold: number): string[] {
  const present = new Set(marks);
  const notes: string[] = [];
  if ([...present].some((mark) => mark.startsWith('<'))) {
    notes.push(
      `«\u00a0<\u00a0${threshold}\u00a0»\u00a0: effectif inférieur à ${threshold} (entre 1 et ${threshold - 1}), masqué pour protéger l'anonymat des personnes (secret statistique).`,
    );
  }
  if (present.has(COMPLEMENTARY_MARK)) {
    notes.push(
      `«\u00a0${COMPLEMENTARY_MARK}\u00a0»\u00a0: valeur masquée pour qu'une petite case ne puisse pas être recalculée à partir des totaux (secret statistique)\u00a0; elle peut être grande ou nulle.`,
    );
  }
  return notes;
}
