// The streaming accumulators behind the figures: distinct people per year, row fingerprints,
// month coverage, free-text grouping.
import { describe, expect, it } from 'vitest';
import { PeopleByYear } from '../../src/figures/people-by-year.js';
import { DuplicateDetector, MonthCoverage } from '../../src/figures/row-checks.js';
import { monthKeyOf, TextKeys, yearOf } from '../../src/figures/keys.js';

function fingerprint(detector: DuplicateDetector, cells: (string | number | undefined)[], line: number): number | undefined {
  detector.start();
  for (const cell of cells) {
    if (typeof cell === 'number') detector.number(cell);
    else detector.text(cell);
  }
  return detector.end(line);
}

describe('PeopleByYear', () => {
  it('counts distinct people per year and those with no earlier year', () => {
    const people = new PeopleByYear();
    for (const [person, year] of [['a', 2024], ['a', 2024], ['b', 2024], ['a', 2022], ['c', 2023], ['c', 2024], ['d', 2025]] as const) people.add(person, year);
    const { people: counts, newcomers } = people.count(2024);
    expect(Object.fromEntries(counts)).toEqual({ 2022: 1, 2023: 1, 2024: 3 });
    // a is known since 2022, c since 2023: only b is new in 2024; d (2025) is after the last year.
    expect(Object.fromEntries(newcomers)).toEqual({ 2022: 1, 2023: 1, 2024: 1 });
  });

  it('stays exact beyond 30 distinct years', () => {
    const people = new PeopleByYear();
    for (let year = 1990; year < 2030; year += 1) people.add('x', year);
    people.add('y', 2028);
    people.add('y', 2029);
    people.add('z', 1995);
    const { people: counts, newcomers } = people.count(2029);
    expect(counts.get(2029)).toBe(2);
    expect(counts.get(1995)).toBe(2);
    expect(newcomers.get(1990)).toBe(1);
    expect(newcomers.get(2028)).toBe(1);
    expect(newcomers.get(1995)).toBe(1);
    expect([...newcomers.values()].reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('DuplicateDetector', () => {
  it('finds the first line of an identical row, through table growth', () => {
    const detector = new DuplicateDetector();
    for (let i = 0; i < 5000; i += 1) expect(fingerprint(detector, [`2024-01-${i}`, 'Transport', i * 7], i + 2)).toBeUndefined();
    expect(fingerprint(detector, ['2024-01-1234', 'Transport', 1234 * 7], 9000)).toBe(1236);
    expect(fingerprint(detector, ['2024-01-1234', 'Transport', 1234 * 7 + 1], 9001)).toBeUndefined();
  });

  it('tells cells apart: « ab » + « c » is not « a » + « bc », empty is not undefined', () => {
    const detector = new DuplicateDetector();
    expect(fingerprint(detector, ['ab', 'c'], 2)).toBeUndefined();
    expect(fingerprint(detector, ['a', 'bc'], 3)).toBeUndefined();
    expect(fingerprint(detector, ['', 'abc'], 4)).toBeUndefined();
    expect(fingerprint(detector, [undefined, 'abc'], 5)).toBeUndefined();
    expect(fingerprint(detector, [5_000_000_001], 6)).toBeUndefined();
    expect(fingerprint(detector, [1], 7)).toBeUndefined();
    expect(fingerprint(detector, ['a', 'bc'], 8)).toBe(3);
  });
});

describe('MonthCoverage', () => {
  const missing = (coverage: MonthCoverage, lastYear = 2024) => coverage.findings('f.csv', lastYear).map((f) => f.message.match(/en (\S+ \d{4})/)?.[1]);

  it('flags the gaps of a year mostly covered, January or December included', () => {
    const coverage = new MonthCoverage();
    for (const month of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) coverage.addMonth(2023, month);
    coverage.addMonth(2024, 1);
    expect(missing(coverage)).toEqual(['janvier 2023']);
  });

  it('ignores months outside the file period and sparse years', () => {
    const coverage = new MonthCoverage();
    for (const month of [4, 5, 7, 8, 9]) coverage.addMonth(2024, month);
    // April–September: 5 of 6 months, June is missing; nothing said about January–March.
    expect(missing(coverage)).toEqual(['juin 2024']);
    const sparse = new MonthCoverage();
    for (const month of [1, 5, 12]) sparse.addMonth(2024, month);
    expect(missing(sparse)).toEqual([]);
  });

  it('leaves out years after the report year', () => {
    const coverage = new MonthCoverage();
    for (const month of [1, 2, 3, 5]) coverage.addMonth(2025, month);
    expect(missing(coverage)).toEqual([]);
    expect(missing(coverage, 2025)).toEqual(['avril 2025']);
  });
});

describe('TextKeys and dates', () => {
  it('groups ignoring case, accents and spaces, keeping the first spelling', () => {
    const keys = new TextKeys();
    const first = keys.entry('Gare du Nord');
    expect(keys.entry('  GARE  du nord ').key).toBe(first.key);
    expect(keys.entry('gare du nörd').label).toBe('Gare du Nord');
    expect(keys.entry(undefined).key).toBe('non_renseigne');
    expect(keys.label(first.key)).toBe('Gare du Nord');
  });

  it('reads year and month of ISO dates', () => {
    expect(yearOf('2024-02-29')).toBe(2024);
    expect(monthKeyOf('2024-02-29')).toBe('2024-02');
    expect(monthKeyOf('2024-02-01')).toBe(monthKeyOf('2024-02-29'));
  });
});
