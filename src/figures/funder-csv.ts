// `sortie/financeurs/<id>-<N>.csv`: a funder's bilan as the PDF table, for pasting into online
// grant forms. Same CSV conventions as the `chiffres` export (BOM, `;`, decimal comma, no
// thousands separator, formula-like text neutralized); hidden cells print their secrecy mark.
import { formatMask } from '../shared/secrecy-marks.js';
import { csvNumber, csvText } from './format-export.js';
import type { FunderBilan, FunderIndicatorRow, FunderIndicatorStatus, FunderIndicatorType, FunderValue } from './funder-bilan-types.js';

const MISSING = '—';

export const FUNDER_TYPE_LABELS: Readonly<Record<FunderIndicatorType, string>> = { resultat: 'Résultats', moyens: 'Moyens' };

export const FUNDER_STATUS_LABELS: Readonly<Record<FunderIndicatorStatus, string>> = {
  atteint: 'atteint',
  'non-atteint': 'non atteint',
  'sans-cible': 'sans cible',
  'non-disponible': 'non disponible',
};

/** Rows as the tables show them: indicateurs de résultats, then de moyens, each in config order. */
export function sortFunderRows(rows: readonly FunderIndicatorRow[]): FunderIndicatorRow[] {
  return [...rows.filter((row) => row.type === 'resultat'), ...rows.filter((row) => row.type === 'moyens')];
}

function formatCell(value: FunderValue | null, unit: string, threshold: number): string {
  if (value === null) return MISSING;
  if (value.valeur !== null) return csvNumber.format(value.valeur);
  // « < 3 » with a plain space: a form field would keep a no-break space as a stray character.
  return value.masque === undefined ? MISSING : formatMask(value.masque, threshold, { space: ' ', unit });
}

/**
 * One line per indicator: Type; Indicateur; Attendu; Obtenu N; Taux de réalisation (%); Obtenu
 * N−1; Statut. Numbers are bare (the unit goes with the label) so a form's number field takes them.
 */
export function formatFunderCsv(bilan: FunderBilan): string {
  const header = ['Type', 'Indicateur', 'Attendu', `Obtenu ${bilan.year}`, 'Taux de réalisation (%)', `Obtenu ${bilan.year - 1}`, 'Statut'];
  const lines = [header.map(csvText).join(';')];
  for (const row of sortFunderRows(bilan.rows)) {
    lines.push(
      [
        FUNDER_TYPE_LABELS[row.type],
        csvText(row.unit === '' ? row.label : `${row.label} (${row.unit})`),
        row.expected === null ? MISSING : csvNumber.format(row.expected),
        formatCell(row.obtained, row.unit, bilan.threshold),
        row.rate === null ? MISSING : csvNumber.format(row.rate),
        formatCell(row.previous, row.unit, bilan.threshold),
        FUNDER_STATUS_LABELS[row.status],
      ].join(';'),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
