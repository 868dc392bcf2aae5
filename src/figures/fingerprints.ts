// 53-bit fingerprints of texts and an open-addressing table keyed by them, in typed arrays: no
// string kept, no per-entry object, so a million rows or 200,000 people cost a few megabytes
// and one or two cache misses per lookup. Two different keys share a fingerprint with
// probability about n² / 2⁵⁴ (2 × 10⁻⁶ for 200,000 people, 6 × 10⁻⁵ for a million rows).

/** Incremental hash of one or more cells: `start`, then `text`/`number` per cell, then read `high`/`low`. */
export class Hasher {
  high = 0;
  low = 0;
  private h1 = 0;
  private h2 = 0;

  start(): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x01000193;
  }

  text(value: string | undefined): void {
    let h1 = this.h1;
    let h2 = this.h2;
    if (value === undefined) {
      h1 = Math.imul(h1 ^ 0x1ffff, 0x01000193);
    } else {
      for (let i = 0; i < value.length; i += 1) {
        const code = value.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = Math.imul(h2 + code, 0x5bd1e995);
      }
    }
    // End of cell, so that « ab » + « c » differs from « a » + « bc ».
    this.h1 = Math.imul(h1 ^ 0x1fffe, 0x01000193);
    this.h2 = Math.imul(h2 ^ (h2 >>> 15), 0x5bd1e995);
  }

  /** An integer (cents, counts) or undefined. */
  number(value: number | undefined): void {
    if (value === undefined) {
      this.text(undefined);
      return;
    }
    const low = value | 0;
    const high = Math.floor(value / 4294967296) | 0;
    this.h1 = Math.imul(Math.imul(this.h1 ^ low, 0x01000193) ^ high, 0x01000193);
    this.h2 = Math.imul(Math.imul(this.h2 ^ low, 0x5bd1e995) ^ high, 0x5bd1e995);
  }

  /** Closes the fingerprint: 32 bits in `high`, 21 in `low`. */
  finish(): void {
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 13), 0x5bd1e995);
    this.high = this.h1 >>> 0;
    this.low = (h2 ^ (h2 >>> 15)) & 0x1fffff;
  }
}

/** Table slot of a fingerprint, from its two parts only, so that growing can rehash it. */
function slotOf(high: number, low: number, mask: number): number {
  return (high ^ Math.imul(low, 0x9e3779b1)) & mask;
}

/** Fingerprint → non-negative integer (a line, a bit mask of years). */
export class FingerprintTable {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Slot holding the fingerprint, or the empty slot where it goes (capacity ensured). */
  find(high: number, low: number): number {
    if (this.count * 2 >= this.keys.length) this.grow();
    const key = high * 0x200000 + low || 1;
    const mask = this.keys.length - 1;
    let slot = slotOf(high, low, mask);
    for (;;) {
      const existing = this.keys[slot];
      if (existing === 0 || existing === key) return slot;
      slot = (slot + 1) & mask;
    }
  }

  isEmpty(slot: number): boolean {
    return this.keys[slot] === 0;
  }

  valueAt(slot: number): number {
    return this.values[slot] as number;
  }

  /** Sets the value of a slot returned by `find` (the last call: no insertion in between). */
  store(slot: number, high: number, low: number, value: number): void {
    if (this.keys[slot] === 0) {
      this.keys[slot] = high * 0x200000 + low || 1;
      this.count += 1;
    }
    this.values[slot] = value;
  }

  forEachValue(callback: (value: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot += 1) if (this.keys[slot] !== 0) callback(this.values[slot] as number);
  }

  /** Keys as numbers (`high × 2²¹ + low`), with their values. */
  forEachKey(callback: (key: number, value: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot += 1) {
      const key = this.keys[slot] as number;
      if (key !== 0) callback(key, this.values[slot] as number);
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i += 1) {
      const key = oldKeys[i] as number;
      if (key === 0) continue;
      let slot = slotOf(Math.floor(key / 0x200000), key % 0x200000, mask);
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.values[slot] = oldValues[i] as number;
    }
  }
}
