// Keys of the hot path: free-text grouping (case and accents ignored) and ISO-date parts read
// without allocating a string per row.
import { valueKey } from '../shared/normalize.js';
import { NOT_GIVEN } from './catalogue.js';

const KEY_CACHE_LIMIT = 20_000;

/** A free-text value: grouping key and the modalite shown (first spelling seen). */
export interface TextEntry {
  key: string;
  label: string;
  /** Small number standing for the key (fingerprints hash it instead of the text). */
  id: number;
}

const NOT_GIVEN_ENTRY: TextEntry = { key: NOT_GIVEN, label: NOT_GIVEN, id: 0 };

/**
 * Grouping of a free-text column: case, accents and spaces ignored (`valueKey`), the first
 * spelling seen kept as the modalite for every year. Normalization is cached by raw text
 * because a column has few distinct spellings and NFD normalization is the costly part.
 */
export class TextKeys {
  private readonly entryOfRaw = new Map<string, TextEntry>();
  private readonly entryOfKey = new Map<string, TextEntry>();
  private readonly entryOfId: TextEntry[] = [NOT_GIVEN_ENTRY];
  /** Columns such as `categorie` or `financeur` often repeat the previous row's value. */
  private lastRaw: string | undefined;
  private lastEntry: TextEntry = NOT_GIVEN_ENTRY;

  entry(raw: string | undefined): TextEntry {
    if (raw === undefined) return NOT_GIVEN_ENTRY;
    if (raw === this.lastRaw) return this.lastEntry;
    let entry = this.entryOfRaw.get(raw);
    if (entry === undefined) {
      // A column of all-distinct texts must not grow the cache without bound.
      if (this.entryOfRaw.size >= KEY_CACHE_LIMIT) this.entryOfRaw.clear();
      const key = `=${valueKey(raw)}`;
      entry = this.entryOfKey.get(key);
      if (entry === undefined) {
        entry = { key, label: raw, id: this.entryOfId.length };
        this.entryOfKey.set(key, entry);
        this.entryOfId.push(entry);
      }
      this.entryOfRaw.set(raw, entry);
    }
    this.lastRaw = raw;
    this.lastEntry = entry;
    return entry;
  }

  /** The entry of an id returned in an entry. */
  byId(id: number): TextEntry | undefined {
    return this.entryOfId[id];
  }

  key(raw: string | undefined): string {
    return this.entry(raw).key;
  }

  /** Modalite shown for a key returned by `key`. */
  label(key: string): string {
    return key === NOT_GIVEN ? NOT_GIVEN : (this.entryOfKey.get(key)?.label ?? key.slice(1));
  }
}

const monthKeys = new Map<number, string>();

/** Year of an ISO date, without slicing a string (hot path). */
export function yearOf(isoDate: string): number {
  return (
    (isoDate.charCodeAt(0) - 48) * 1000 + (isoDate.charCodeAt(1) - 48) * 100 + (isoDate.charCodeAt(2) - 48) * 10 + (isoDate.charCodeAt(3) - 48)
  );
}

/** An ISO date as the number 20240229 (hashing it costs less than hashing its text). */
export function dateNumberOf(isoDate: string): number {
  return yearOf(isoDate) * 10000 + (isoDate.charCodeAt(5) - 48) * 1000 + (isoDate.charCodeAt(6) - 48) * 100 + (isoDate.charCodeAt(8) - 48) * 10 + (isoDate.charCodeAt(9) - 48);
}

/** Month (1–12) of an ISO date. */
export function monthOf(isoDate: string): number {
  return (isoDate.charCodeAt(5) - 48) * 10 + (isoDate.charCodeAt(6) - 48);
}

/** `2024-03` of an ISO date, one shared string per month rather than one per row. */
export function monthKeyOf(isoDate: string): string {
  const code = yearOf(isoDate) * 100 + (isoDate.charCodeAt(5) - 48) * 10 + (isoDate.charCodeAt(6) - 48);
  let key = monthKeys.get(code);
  if (key === undefined) {
    key = isoDate.slice(0, 7);
    monthKeys.set(code, key);
  }
  return key;
}
