// Cell converters of the data contract: raw text (already trimmed, never empty) → typed value.
// They return a `CellFailure` instead of throwing: a bad cell is an expected event, reported
// with its line and column, and the other cells of the row are still checked.
import { looseValueKey, valueKey } from '../shared/normalize.js';

export class CellFailure {
  constructor(readonly expected: string) {}
}

export type CellResult<T> = T | CellFailure;

const SPACES = /[\s\u00a0\u202f']/g;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// `jj/mm/aa` too: French Excel's short date format (`06/01/24`), read in the 2000s.
const FR_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2})?)?$/;
export const DATE_EXPECTED = 'une date (jj/mm/aaaa, jj/mm/aa ou aaaa-mm-jj)';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

const DIGIT_0 = 0x30;

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(raw: string, at: number): number {
  const a = raw.charCodeAt(at) - DIGIT_0;
  const b = raw.charCodeAt(at + 1) - DIGIT_0;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Fast path of the two shapes that make up nearly every file, `15/03/2023` and `2023-03-15`,
 * without regular expressions (dates are parsed once per row of million-row files).
 */
function parseCommonDate(raw: string): CellResult<string> | undefined {
  if (raw.length !== 10) return undefined;
  const slash = raw.charCodeAt(2);
  if ((slash === 0x2f || slash === 0x2e || slash === 0x2d) && raw.charCodeAt(5) === slash) {
    const day = twoDigits(raw, 0);
    const month = twoDigits(raw, 3);
    const century = twoDigits(raw, 6);
    const rest = twoDigits(raw, 8);
    if (day < 0 || month < 0 || century < 0 || rest < 0) return undefined;
    return checkDate(century * 100 + rest, month, day, `${raw.slice(6, 10)}-${raw.slice(3, 5)}-${raw.slice(0, 2)}`);
  }
  if (raw.charCodeAt(4) === 0x2d && raw.charCodeAt(7) === 0x2d) {
    const century = twoDigits(raw, 0);
    const rest = twoDigits(raw, 2);
    const month = twoDigits(raw, 5);
    const day = twoDigits(raw, 8);
    if (day < 0 || month < 0 || century < 0 || rest < 0) return undefined;
    return checkDate(century * 100 + rest, month, day, raw);
  }
  return undefined;
}

function checkDate(year: number, month: number, day: number, iso: string): CellResult<string> {
  if (month < 1 || month > 12) return new CellFailure(`${DATE_EXPECTED} ; le mois ${month} n'existe pas`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return new CellFailure(`${DATE_EXPECTED} ; cette date n'existe pas dans le calendrier`);
  }
  if (year < 1900 || year > 2100) return new CellFailure(`${DATE_EXPECTED} ; année entre 1900 et 2100`);
  return iso;
}

/** A calendar date as ISO text `YYYY-MM-DD` (string compare = chronological order). */
export function parseDate(raw: string): CellResult<string> {
  const common = parseCommonDate(raw);
  if (common !== undefined) return common;
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    const fr = FR_DATE.exec(raw);
    if (!fr) return new CellFailure(DATE_EXPECTED);
    day = Number(fr[1]);
    month = Number(fr[3]);
    year = (fr[4] ?? '').length === 2 ? 2000 + Number(fr[4]) : Number(fr[4]);
  }
  if (month < 1 || month > 12) return new CellFailure(`${DATE_EXPECTED} ; le mois ${month} n'existe pas`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return new CellFailure(`${DATE_EXPECTED} ; cette date n'existe pas dans le calendrier`);
  }
  if (year < 1900 || year > 2100) return new CellFailure(`${DATE_EXPECTED} ; année entre 1900 et 2100`);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const INTEGER_EXPECTED = 'un nombre entier positif ou nul';

/**
 * Safe range of every number read (docs/donnees.md): beyond it a double loses units and cents,
 * and the formatted figure would not be the one in the file.
 */
export const MAX_SAFE_VALUE = 1e12;
export const MAX_SIGNIFICANT_DIGITS = 15;
export const RANGE_EXPECTED = 'un nombre d\'au plus 1 000 000 000 000 (mille milliards) et 15 chiffres significatifs';

/** True when the digits (signs, separators and decimal mark removed by the caller) leave the safe range. */
function outOfRange(digits: string, value: number): boolean {
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '');
  return !Number.isFinite(value) || Math.abs(value) > MAX_SAFE_VALUE || significant.length > MAX_SIGNIFICANT_DIGITS;
}

/** Non-negative integer; spaces and no-break spaces allowed as thousands separators. */
export function parseCount(raw: string): CellResult<number> {
  const compact = raw.replace(SPACES, '');
  if (/^\d+$/.test(compact)) {
    // Short cells (nearly all) cannot leave the range: skip the check.
    if (compact.length <= 12) return Number(compact);
    const value = Number(compact);
    return outOfRange(compact, value) ? new CellFailure(`${INTEGER_EXPECTED} ; valeur hors limites : ${RANGE_EXPECTED}`) : value;
  }
  if (/^-\d+(?:[.,]\d+)?$/.test(compact)) return new CellFailure(`${INTEGER_EXPECTED} (un nombre négatif n'a pas de sens ici)`);
  if (/^\d+[.,]\d+$/.test(compact)) {
    // `12,0` is an integer written with a decimal part: still refused, the column counts events.
    return new CellFailure(`${INTEGER_EXPECTED} (pas de décimale dans une colonne de comptage)`);
  }
  return new CellFailure(INTEGER_EXPECTED);
}

/** Integer ≥ 1 (`nombre`: how many identical events the row stands for). */
export function parsePositiveCount(raw: string): CellResult<number> {
  const value = parseCount(raw);
  if (value instanceof CellFailure) return new CellFailure('un nombre entier supérieur ou égal à 1');
  if (value < 1) return new CellFailure('un nombre entier supérieur ou égal à 1');
  return value;
}

export const AMOUNT_EXPECTED = 'un montant en euros (ex. 12,50 ou 1 234,50)';

/** Euros: `12.5`, `12,50`, `1 234,50`, `1.234,50`, optional `€`. Rounded to the cent. */
const PLAIN_AMOUNT = /^\d{1,9}(?:[.,]\d{1,2})?$/;

export function parseAmount(raw: string): CellResult<number> {
  // Fast path: `37,08`, `12.5`, `150` — no currency sign, no thousands separator.
  if (PLAIN_AMOUNT.test(raw)) return Math.round(Number(raw.replace(',', '.')) * 100) / 100;
  let text = raw.replace(/€|eur(?:os?)?$/gi, '').replace(SPACES, '');
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  let normalized: string;
  if (/^\d+$/.test(text)) normalized = text;
  else if (/^\d+[.,]\d{1,2}$/.test(text)) normalized = text.replace(',', '.');
  else if (/^\d{1,3}(?:\.\d{3})+,\d{1,2}$/.test(text) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(text)) {
    normalized = text.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(?:,\d{3})+\.\d{1,2}$/.test(text) || /^\d{1,3}(?:,\d{3}){2,}$/.test(text)) {
    normalized = text.replace(/,/g, '');
  } else if (/^\d{1,3}[.,]\d{3}$/.test(text)) {
    // `1,234` is 1,23 € mistyped in a French file or 1 234 € in an English one: never guess money.
    return new CellFailure(`${AMOUNT_EXPECTED} ; « ${raw} » est ambigu : écrivez 1234 ou 1234,00 (ou 1,23)`);
  }
  else if (/^\d+[.,]\d+$/.test(text)) return new CellFailure(`${AMOUNT_EXPECTED} ; au plus deux décimales`);
  else return new CellFailure(AMOUNT_EXPECTED);
  if (negative) return new CellFailure(`${AMOUNT_EXPECTED} ; un montant négatif n'est pas accepté`);
  const value = Number(normalized);
  // Up to 12 characters (`123456789,12`) an amount is inside the range: skip the check (hot path).
  if (normalized.length > 12 && outOfRange(normalized.replace('.', ''), value)) return new CellFailure(`${AMOUNT_EXPECTED} ; valeur hors limites : ${RANGE_EXPECTED}`);
  return Math.round(value * 100) / 100;
}

/** Any number (indicateurs.csv `valeur`): decimal comma or point, thousands spaces, sign. */
export function parseNumber(raw: string): CellResult<number> {
  const text = raw.replace(SPACES, '').replace(/%$/, '');
  let normalized: string;
  if (/^-?\d+(?:[.,]\d+)?$/.test(text)) normalized = text.replace(',', '.');
  else if (/^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) normalized = text.replace(/\./g, '').replace(',', '.');
  else return new CellFailure('un nombre (ex. 1 234 ou 50,3)');
  const value = Number(normalized);
  if (outOfRange(normalized.replace(/[-.]/g, ''), value)) return new CellFailure(`un nombre ; valeur hors limites : ${RANGE_EXPECTED}`);
  return value;
}

const TRUE_WORDS = new Set(['oui', 'o', 'vrai', 'true', '1', 'x', 'yes', 'y']);
const FALSE_WORDS = new Set(['non', 'n', 'faux', 'false', '0', 'no']);
export const BOOLEAN_EXPECTED = 'oui ou non (ou o/n, vrai/faux, 1/0, x/vide)';

/** Booleans; an empty cell is "non" (the `x`/empty convention of spreadsheets). */
export function parseBoolean(raw: string): CellResult<boolean> {
  const key = valueKey(raw);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return new CellFailure(BOOLEAN_EXPECTED);
}

/** A closed list of values, each with its synonyms; matching ignores case and accents. */
export interface CategoryDefinition<V extends string> {
  /** canonical value → label shown to users and synonyms accepted in files */
  readonly values: Readonly<Record<V, { readonly label: string; readonly synonyms: readonly string[] }>>;
}

export type CategoryMatcher<V extends string> = (raw: string) => CellResult<V>;

/** Builds the matcher of a category, with extra synonyms from the config (`valeurs`). */
export function createCategoryMatcher<V extends string>(
  definition: CategoryDefinition<V>,
  extraSynonyms: Readonly<Record<string, string>> = {},
  /** Said after the list of values: how to add one (lists the config can extend). */
  addHint?: string,
): CategoryMatcher<V> {
  const byKey = new Map<string, V>();
  const labels: string[] = [];
  for (const [value, { label, synonyms }] of Object.entries(definition.values) as [V, { label: string; synonyms: readonly string[] }][]) {
    labels.push(label);
    for (const word of [value, label, ...synonyms]) {
      byKey.set(valueKey(word), value);
      byKey.set(looseValueKey(word), value);
    }
  }
  for (const [word, value] of Object.entries(extraSynonyms)) {
    const canonical = byKey.get(valueKey(value));
    if (canonical !== undefined) {
      byKey.set(valueKey(word), canonical);
      byKey.set(looseValueKey(word), canonical);
    }
  }
  const expected = `une de ces valeurs : ${labels.join(', ')}${addHint === undefined ? '' : ` ; ${addHint}`}`;
  // Files repeat a handful of spellings millions of times: remember each raw spelling once.
  const memo = new Map<string, CellResult<V>>();
  return (raw) => {
    const known = memo.get(raw);
    if (known !== undefined) return known;
    // A question mark records doubt (`pos ?`): never resolve it silently to a value.
    const result = raw.includes('?')
      ? new CellFailure(`${expected} (le « ? » marque un doute : tranchez ou laissez la cellule vide)`)
      : (byKey.get(valueKey(raw)) ?? byKey.get(looseValueKey(raw)) ?? new CellFailure(expected));
    if (memo.size < 10_000) memo.set(raw, result);
    return result;
  };
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// French numbers start 0[1-9]: a zero-padded code like 0000012345 is not a phone number.
const PHONE = /^(?:\+\d{10,14}|00[1-9]\d{9,12}|0[1-9]\d{8})$/;

/** True when a text looks like an e-mail address or a phone number (personal data). */
export function looksPersonal(raw: string): boolean {
  if (raw.includes('@') && EMAIL.test(raw)) return true;
  // Cheap first-character filter: phone numbers start with 0, + or a parenthesis.
  const first = raw.charCodeAt(0);
  return (first === 0x30 || first === 0x2b || first === 0x28) && PHONE.test(raw.replace(/[\s.\-()/]/g, ''));
}

/** `personne`: an opaque pseudonymous code, never an e-mail or a phone number. */
export function parsePersonCode(raw: string): CellResult<string> {
  if (looksPersonal(raw)) {
    return new CellFailure('un code pseudonyme (jamais un e-mail ni un numéro de téléphone)');
  }
  return raw;
}

// A phone number inside a longer text: French (`06 12 34 56 78`, `+33 6…`) or international (`+44 20…`).
const PHONE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)33[\s.-]?\(?0?\)?[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)|(?<![\d+])(?:\+|00)[1-9](?:[\s.()-]?\d){8,14}(?!\d)/;
const textMemo = new Map<string, boolean>();
const PERSONAL_MARK = /[\d@]/;

/** True when a free text holds an e-mail address or a phone number anywhere in it. */
export function holdsPersonalData(raw: string): boolean {
  // No digit and no « @ »: neither a phone number nor an e-mail (most natures, genres, sites).
  if (!PERSONAL_MARK.test(raw)) return false;
  const known = textMemo.get(raw);
  if (known !== undefined) return known;
  const personal = looksPersonal(raw) || (raw.includes('@') && EMAIL.test(raw)) || PHONE_IN_TEXT.test(raw);
  // Files repeat a handful of sites and natures: remember each spelling once.
  if (textMemo.size < 10_000) textMemo.set(raw, personal);
  return personal;
}

export const TEXT_EXPECTED = 'un texte sans adresse e-mail ni numéro de téléphone (données personnelles interdites dans les fichiers)';

/** Free text (site, lieu, genre…): kept as given, trimmed; never an e-mail or phone number. */
export function parseText(raw: string): CellResult<string> {
  return holdsPersonalData(raw) ? new CellFailure(TEXT_EXPECTED) : raw;
}

export const INDICATOR_ID = /^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/;

export function parseIndicatorId(raw: string): CellResult<string> {
  return INDICATOR_ID.test(raw)
    ? raw
    : new CellFailure('un identifiant en minuscules sans accent, ex. accueil.personnes_accueillies');
}

export function parseYear(raw: string): CellResult<number> {
  const compact = raw.replace(SPACES, '');
  if (/^\d{4}$/.test(compact)) {
    const year = Number(compact);
    if (year >= 1900 && year <= 2100) return year;
  }
  return new CellFailure('une année sur quatre chiffres (ex. 2024)');
}
