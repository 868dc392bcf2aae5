// A funder's indicators, expected against obtained (issue 10): one table per indicator type, for
// the funder's own bilan and for the main report's funders page. Every number comes from the
// bilan (published figures); a hidden cell prints its mark and is never compared to its target.
import type { FunderBilan, FunderIndicatorRow, FunderIndicatorStatus, FunderIndicatorType, FunderValue } from '../figures/funder-bilan-types.js';
import { formatInteger } from '../shared/format.js';
import { describeMarks, formatMask } from '../shared/secrecy-marks.js';
import { escapeHtml } from './blocks.js';
import { formatAmount } from './figure-text.js';

const DASH = '—';

/** Headings of the two tables, in print order. */
export const INDICATOR_TYPE_TITLES: Readonly<Record<FunderIndicatorType, string>> = {
  resultat: 'Indicateurs de résultats',
  moyens: 'Indicateurs de moyens',
};

/** The status says itself in words; the symbol and colour only repeat it (never colour alone). */
const STATUS_TEXT: Readonly<Record<FunderIndicatorStatus, string>> = {
  atteint: '\u2714 atteint',
  'non-atteint': '\u2718 non atteint',
  'sans-cible': 'sans cible',
  'non-disponible': 'non disponible',
};

export function describeStatus(status: FunderIndicatorStatus): string {
  return STATUS_TEXT[status];
}

/** The symbol is decoration for the eye: a screen reader says only the words. */
function renderStatus(status: FunderIndicatorStatus): string {
  const [symbol, ...words] = describeStatus(status).split(' ');
  return symbol === '\u2714' || symbol === '\u2718' ? `<span aria-hidden="true">${symbol}</span> ${escapeHtml(words.join(' '))}` : escapeHtml(describeStatus(status));
}

/** « 73 % »: the rate is rounded to the unit by the figures stage; printed without decimals. */
export function formatRate(rate: number | null): string {
  return rate === null ? DASH : `${formatInteger(rate)}\u00a0%`;
}

/** A published value as printed: the number, the secrecy mark of a hidden cell, or « — » when absent. */
export function formatFunderValue(value: FunderValue | null, unit: string, threshold: number): string {
  if (value === null) return DASH;
  if (value.valeur !== null) return formatAmount(value.valeur, unit);
  return value.masque === undefined ? DASH : formatMask(value.masque, threshold, { unit });
}

function valueCell(value: FunderValue | null, unit: string, threshold: number): string {
  const masked = value !== null && value.valeur === null && value.masque !== undefined;
  return `<td class="nombre${masked ? ' masque' : ''}">${escapeHtml(formatFunderValue(value, unit, threshold))}</td>`;
}

function renderRow(row: FunderIndicatorRow, threshold: number): string {
  return (
    `<tr><th scope="row">${escapeHtml(row.label)}</th>` +
    `<td class="nombre">${row.expected === null ? DASH : escapeHtml(formatAmount(row.expected, row.unit))}</td>` +
    valueCell(row.obtained, row.unit, threshold) +
    `<td class="nombre taux">${escapeHtml(formatRate(row.rate))}</td>` +
    valueCell(row.previous, row.unit, threshold) +
    `<td class="statut ${row.status}">${renderStatus(row.status)}</td></tr>`
  );
}

/** The marks printed in these rows (« < 3 », « s »), for the same notes as the report's tables. */
function listMarks(rows: readonly FunderIndicatorRow[], threshold: number): string[] {
  return rows.flatMap((row) =>
    [row.obtained, row.previous].flatMap((value) =>
      value !== null && value.valeur === null && value.masque !== undefined ? [formatMask(value.masque, threshold, { unit: row.unit })] : [],
    ),
  );
}

export interface FunderTablesOptions {
  /** Heading level of each table's title: h2 in the bilan, h4 under the funder's h3 in the report. */
  headingLevel: 2 | 4;
  /** How to read « — » and the rate, under the tables (default true; the report prints it once for all funders). */
  legend?: boolean;
}

const LEGEND =
  '<p class="note">Taux de réalisation\u00a0: valeur obtenue rapportée à la valeur attendue, arrondie à l\'unité. ' +
  '«\u00a0—\u00a0»\u00a0: pas de valeur attendue dans la convention, ou pas de chiffre publié pour l\'année\u00a0; ' +
  'une valeur masquée par le secret statistique n\'est jamais comparée à sa cible.</p>';

/**
 * One table per indicator type present (résultats, then moyens), each with its title, the
 * secrecy notes of the marks it prints, and one line saying how to read « — » and the rate.
 */
export function renderFunderTables(bilan: FunderBilan, options: FunderTablesOptions): string {
  const year = bilan.year;
  const tag = `h${options.headingLevel}`;
  const blocks = (Object.keys(INDICATOR_TYPE_TITLES) as FunderIndicatorType[]).flatMap((type) => {
    const rows = bilan.rows.filter((row) => row.type === type);
    if (rows.length === 0) return [];
    const title = INDICATOR_TYPE_TITLES[type];
    const notes = describeMarks(listMarks(rows, bilan.threshold), bilan.threshold)
      .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
      .join('');
    return [
      `<${tag}>${escapeHtml(title)}</${tag}>` +
        // A named, focusable box like every table of the report: it scrolls sideways on a phone.
        `<div class="bloc" role="region" tabindex="0" aria-label="${escapeHtml(`${title} — ${bilan.nom}, ${year}`)}"><table class="indicateurs-financeur${rows.length <= 14 ? ' court' : ''}">` +
        `<caption>Valeurs attendues et obtenues en ${year}</caption>` +
        '<thead><tr><th scope="col">Indicateur</th><th scope="col" class="nombre">Attendu</th>' +
        `<th scope="col" class="nombre">Obtenu ${year}</th><th scope="col" class="nombre">Taux de réalisation</th>` +
        `<th scope="col" class="nombre">Obtenu ${year - 1}</th><th scope="col">Statut</th></tr></thead>` +
        `<tbody>${rows.map((row) => renderRow(row, bilan.threshold)).join('')}</tbody></table>${notes}</div>`,
    ];
  });
  if (blocks.length === 0) return '';
  return blocks.join('') + (options.legend === false ? '' : LEGEND);
}

/**
 * The main report's funders page: each funder with indicators, its action and convention, and
 * its tables (the same as in its own bilan).
 */
export function renderFundersIndicators(bilans: readonly FunderBilan[]): string {
  const shown = bilans.filter((bilan) => bilan.rows.length > 0);
  if (shown.length === 0) return '';
  const year = shown[0]?.year ?? '';
  return (
    `<h2>Indicateurs des conventions ${year}</h2>` +
    '<p>Pour chaque financeur, les indicateurs de sa convention\u00a0: valeurs attendues et obtenues, calculées à partir des mêmes chiffres que ce rapport. ' +
    'Chacun reçoit aussi son bilan détaillé (voir l\'annexe méthodologique).</p>' +
    shown
      .map((bilan) => {
        const facts = [bilan.action, bilan.convention ? `convention ${bilan.convention}` : undefined].filter((x): x is string => x !== undefined);
        return (
          `<section class="financeur" aria-label="${escapeHtml(bilan.nom)}"><h3>${escapeHtml(bilan.nom)}</h3>` +
          (facts.length > 0 ? `<p class="convention">${escapeHtml(facts.join(' — '))}</p>` : '') +
          `${renderFunderTables(bilan, { headingLevel: 4, legend: false })}</section>`
        );
      })
      .join('') +
    LEGEND
  );
}
