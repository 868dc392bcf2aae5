// Distinct people per year: one table entry per person (a fingerprint of the code, never the
// code itself) holding a bit per year. One lookup per row, a few megabytes for 200,000 people.
import { FingerprintTable, Hasher } from './fingerprints.js';

/** Years that get a bit; rows of further distinct years (rare) go to one set per year. */
const MAX_BITS = 30;

export interface PeopleCounts {
  /** Distinct people per year. */
  people: Map<number, number>;
  /** Per year, people whose earliest year (among those ≤ the last year asked) is that one. */
  newcomers: Map<number, number>;
}

export class PeopleByYear {
  private readonly bitOfYear = new Map<number, number>();
  private readonly yearOfBit: number[] = [];
  private readonly hasher = new Hasher();
  private readonly masks = new FingerprintTable();
  /** Years beyond the first 30: fingerprints as numbers, and their year masks split by pair. */
  private readonly overflow = new Map<number, Set<number>>();

  add(person: string, year: number): void {
    let bit = this.bitOfYear.get(year);
    if (bit === undefined) {
      bit = this.yearOfBit.length < MAX_BITS ? 1 << this.yearOfBit.length : 0;
      if (bit !== 0) this.yearOfBit.push(year);
      this.bitOfYear.set(year, bit);
    }
    const hasher = this.hasher;
    hasher.start();
    hasher.text(person);
    hasher.finish();
    if (bit === 0) {
      let set = this.overflow.get(year);
      if (set === undefined) this.overflow.set(year, (set = new Set()));
      set.add(hasher.high * 0x200000 + hasher.low);
      return;
    }
    const slot = this.masks.find(hasher.high, hasher.low);
    const mask = this.masks.isEmpty(slot) ? 0 : this.masks.valueAt(slot);
    if ((mask & bit) === 0) this.masks.store(slot, hasher.high, hasher.low, mask | bit);
  }

  count(lastYear: number): PeopleCounts {
    const people = new Map<number, number>();
    const newcomers = new Map<number, number>();
    const bump = (map: Map<number, number>, year: number) => map.set(year, (map.get(year) ?? 0) + 1);
    const earliestOverflow = new Map<number, number>();
    for (const [year, set] of this.overflow) {
      if (year > lastYear) continue;
      for (const person of set) {
        bump(people, year);
        earliestOverflow.set(person, Math.min(earliestOverflow.get(person) ?? year, year));
      }
    }
    const earliestOfMask = (mask: number): number => {
      let earliest = Number.POSITIVE_INFINITY;
      for (let index = 0; index < this.yearOfBit.length; index += 1) {
        const year = this.yearOfBit[index] as number;
        if ((mask & (1 << index)) !== 0 && year <= lastYear && year < earliest) earliest = year;
      }
      return earliest;
    };
    this.masks.forEachValue((mask) => {
      for (let index = 0; index < this.yearOfBit.length; index += 1) {
        const year = this.yearOfBit[index] as number;
        if ((mask & (1 << index)) !== 0 && year <= lastYear) bump(people, year);
      }
    });
    if (earliestOverflow.size === 0) {
      this.masks.forEachValue((mask) => {
        const earliest = earliestOfMask(mask);
        if (earliest !== Number.POSITIVE_INFINITY) bump(newcomers, earliest);
      });
    } else {
      // Rare path (more than 30 distinct years): join both records of each person.
      const seen = new Set<number>();
      for (const [person, year] of earliestOverflow) {
        const slot = this.masks.find(Math.floor(person / 0x200000), person % 0x200000);
        const fromMask = this.masks.isEmpty(slot) ? Number.POSITIVE_INFINITY : earliestOfMask(this.masks.valueAt(slot));
        bump(newcomers, Math.min(year, fromMask));
        seen.add(person);
      }
      this.masks.forEachKey((person, mask) => {
        if (seen.has(person)) return;
        const earliest = earliestOfMask(mask);
        if (earliest !== Number.POSITIVE_INFINITY) bump(newcomers, earliest);
      });
    }
    for (const year of people.keys()) if (!newcomers.has(year)) newcomers.set(year, 0);
    return { people, newcomers };
  }
}
