// Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no time zone shifts a day.

export function toUtc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = toUtc(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** End of a one-year validity starting on `isoDate`: one year later minus one day (29/02 → 27/02 or 28/02). */
export function oneYearValidityEnd(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) + 1;
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const anniversary = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  // 29 February + 1 year has no anniversary: the validity ends on 28 February inclusive.
  return day > lastDay ? anniversary : addDays(anniversary, -1);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2023-12-31` → `31 décembre 2023`, `2023-12-01` → `1er décembre 2023`. */
export function formatDateFr(isoDate: string): string {
  const day = Number(isoDate.slice(8, 10));
  const month = MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? '';
  return `${day === 1 ? '1er' : day} ${month} ${isoDate.slice(0, 4)}`;
}

export function monthNameFr(month: number): string {
  return MONTHS[month - 1] ?? '';
}
