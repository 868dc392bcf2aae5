import { describe, expect, it } from 'vitest';
import { addDays, formatDateFr, oneYearValidityEnd } from '../../src/shared/dates.js';

describe('oneYearValidityEnd (domiciliation valid one year, minus one day)', () => {
  it.each([
    ['2023-03-15', '2024-03-14'],
    ['2023-01-01', '2023-12-31'],
    ['2023-12-31', '2024-12-30'],
    // 1 March 2023 + 1 year - 1 day lands on the leap day.
    ['2023-03-01', '2024-02-29'],
    ['2023-02-28', '2024-02-27'],
    // 29 February has no anniversary: the validity ends on 28 February.
    ['2024-02-29', '2025-02-28'],
    ['2024-03-01', '2025-02-28'],
  ])('%s → %s', (start, end) => {
    expect(oneYearValidityEnd(start)).toBe(end);
  });
});

describe('calendar helpers', () => {
  it('adds days across months and leap years in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });

  it('formats French dates with "1er"', () => {
    expect(formatDateFr('2023-12-01')).toBe('1er décembre 2023');
    expect(formatDateFr('2023-12-31')).toBe('31 décembre 2023');
  });
});
