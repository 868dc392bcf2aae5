/** Lowercase, strip accents (NFD + combining marks removed). */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Header normalization of the data contract: lowercase, accents removed, every run of other
 * characters → `_`, trimmed. `Montant (€)` → `montant`, `Date de l'aide` → `date_de_l_aide`.
 */
export function normalizeHeader(header: string): string {
  return stripAccents(header.toLowerCase())
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const JOINERS = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les']);

/**
 * Matching key of a header: its normalized form without French joiners between words, so
 * `Date de radiation` and `date_radiation` meet. A joiner alone (a column named `de`) is kept.
 */
export function headerKey(header: string): string {
  const words = normalizeHeader(header).split('_').filter((word) => word !== '');
  const kept = words.filter((word) => !JOINERS.has(word));
  return (kept.length > 0 ? kept : words).join('_');
}

/** `Nb de`, `Nombre de`, `Nbre d'` in front of a counter: the column counts, the word says nothing. */
const COUNT_PREFIX = /^(?:nb|nbr|nbre|nombre)_(?=[a-z0-9])/;

/**
 * Id of a maraudes counter column (`maraudes.<id>`): its header key (joiners dropped), without a
 * leading « Nb de » / « Nombre de ». `Nb de contacts`, `Nombre de contacts` and `Contacts` all
 * give `contacts`, so two such columns in one file are the same counter (refused as a duplicate).
 */
export function counterKey(header: string): string {
  const key = headerKey(header);
  const stripped = key.replace(COUNT_PREFIX, '');
  return stripped === '' ? key : stripped;
}

/**
 * Matching key of a category value: case, accents, surrounding and repeated spaces ignored,
 * punctuation kept (`-` and `+` are meaningful test results).
 */
export function valueKey(value: string): string {
  return stripAccents(value.toLowerCase()).replace(/œ/g, 'oe').replace(/\s+/g, ' ').trim();
}

/** Looser key used as a second chance: punctuation treated as spaces (`Hépatite-C` = `hepatite c`). */
export function looseValueKey(value: string): string {
  // A sign between two letters/digits is a hyphen (`Hépatite-C`); a lone sign is a result.
  return valueKey(value)
    .replace(/(?<=[a-z0-9])[-+](?=[a-z0-9])/g, ' ')
    .replace(/[^a-z0-9+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
