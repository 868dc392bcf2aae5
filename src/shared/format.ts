// French number formatting, always through Intl (never hand-rolled): narrow no-break space
// as thousands separator, decimal comma, "50,3 %", "1 234,50 €".
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal1 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const decimal2 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const eurosRound = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** Up to `digits` decimals, trailing zeros dropped: 12 → "12", 12.5 → "12,5". */
export function formatNumber(value: number, digits: 0 | 1 | 2 = 2): string {
  return (digits === 0 ? integer : digits === 1 ? decimal1 : decimal2).format(value);
}

/** A percentage already in percent units: 50.27 → "50,3 %". */
export function formatPercent(value: number): string {
  return `${percent.format(value)}\u00a0%`;
}

/** 1234.5 → "1 234,50 €"; `round` drops cents for large totals in tiles. */
export function formatEuros(value: number, round = false): string {
  return (round ? eurosRound : euros).format(value);
}

/** "1 ligne", "2 lignes", with the number formatted. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}
