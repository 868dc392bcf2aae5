// HTML of the figure blocks: key-figure tiles, breakdown tables, typologies with subtotals.
// Every text coming from data goes through escapeHtml.
import {
  describeComparison,
  describeDimension,
  describeModalite,
  formatAmount,
  formatShare,
  formatValue,
  previousOf,
} from './figure-text.js';
import { describeMarks } from '../shared/secrecy-marks.js';
import type { PublishedValue, ReportFigures } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A table with its notes in a box (see placeTable in helpers.ts). On screen the box scrolls
 * sideways when the table is wider than a phone (templates/screen.css): keyboard users reach it
 * (tabindex) and hear its name, the table's caption (escaped text, safe in an attribute) or
 * `label` for a table without one.
 */
export function boxTable(html: string, label = 'Tableau'): string {
  const caption = /<caption>([^<]*)<\/caption>/.exec(html)?.[1] ?? escapeHtml(label);
  return `<div class="bloc" role="region" tabindex="0" aria-label="${caption}">${html}</div>`;
}

/** Notes explaining each secrecy mark printed in a block (« < 3 », « s »), or ''. */
export function renderMarkNotes(values: readonly (PublishedValue | undefined)[], threshold: number): string {
  const marks = values.flatMap((value) => (value !== undefined && value.valeur === null ? [formatValue(value, threshold)] : []));
  return describeMarks(marks, threshold)
    .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
    .join('');
}

/** `<td>` of a value, marked `masque` when hidden. */
function valueCell(value: PublishedValue | undefined, threshold: number): string {
  if (value === undefined) return '<td class="nombre"></td>';
  return `<td class="nombre${value.valeur === null ? ' masque' : ''}">${escapeHtml(formatValue(value, threshold))}</td>`;
}

/** Tables up to this many rows are kept on one page; longer ones split with a repeated header. */
const SHORT_TABLE_ROWS = 14;

export function renderTiles(figures: ReportFigures, values: readonly PublishedValue[]): string {
  const tiles = values.map((value) => {
    const comparison = describeComparison(value, previousOf(figures, value), figures.threshold);
    const trend = /\(\+/.test(comparison) ? ' hausse' : /\(\u2212/.test(comparison) ? ' baisse' : '';
    return (
      '<div class="tuile">' +
      `<div class="valeur">${escapeHtml(formatValue(value, figures.threshold))}</div>` +
      `<div class="libelle">${escapeHtml(value.libelle)}</div>` +
      (comparison ? `<div class="comparaison${trend}">${escapeHtml(comparison)}</div>` : '') +
      '</div>'
    );
  });
  return `<div class="tuiles">${tiles.join('')}</div>`;
}

function tableClass(rows: number): string {
  return rows <= SHORT_TABLE_ROWS ? ' class="court"' : '';
}

/** Breakdown table: modalite, value, share of the total; a total row. */
export function renderBreakdownTable(
  figures: ReportFigures,
  total: PublishedValue | undefined,
  allCells: readonly PublishedValue[],
  options: { title: string; dimension: string },
): string {
  const threshold = figures.threshold;
  // Zero rows add nothing to a breakdown ("Autre 0 0,0 %"); months keep theirs (a gap is a fact).
  const cells = options.dimension === 'mois' ? allCells : allCells.filter((cell) => cell.valeur !== 0);
  const visibleSum = cells.reduce((sum, cell) => sum + (cell.valeur ?? 0), 0);
  const whole = total?.valeur ?? (cells.some((c) => c.valeur === null) ? null : visibleSum);
  const unit = cells[0]?.unite ?? total?.unite ?? '';
  const showShare = unit !== '%';
  const rows = cells.map((cell) => {
    const share = showShare ? formatShare(cell.valeur, whole) ?? '—' : '';
    return (
      `<tr><td>${escapeHtml(cell.label ?? describeModalite(cell.dimension, cell.modalite))}</td>` +
      valueCell(cell, threshold) +
      (showShare ? `<td class="nombre">${escapeHtml(share)}</td>` : '') +
      '</tr>'
    );
  });
  const totalRow =
    total && showShare
      ? `<tr class="total"><td>Total</td><td class="nombre">${escapeHtml(formatValue(total, threshold))}</td><td class="nombre">${whole ? '100\u00a0%' : ''}</td></tr>`
      : '';
  // Cents rounding must not look like a discrepancy; rates never add up to their total.
  const multi = showShare && total?.valeur != null && !cells.some((c) => c.valeur === null) && Math.abs(visibleSum - total.valeur) > 0.005;
  const note = multi
    ? `<p class="note">Le total (${escapeHtml(formatAmount(total.valeur as number, unit))}) diffère de la somme des lignes (${escapeHtml(formatAmount(visibleSum, unit))}) : plusieurs réponses possibles, ou des valeurs non renseignées.</p>`
    : '';
  const masked = renderMarkNotes([...cells, total], threshold);
  return (
    `<table${tableClass(cells.length + 2)}><caption>${escapeHtml(options.title)}</caption>` +
    `<thead><tr><th scope="col">${escapeHtml(capitalize(describeDimension(options.dimension)))}</th><th scope="col" class="nombre">${escapeHtml(unit === '%' ? 'Taux' : unit === '€' ? 'Montant' : capitalize(unit || 'Nombre'))}</th>` +
    (showShare ? '<th scope="col" class="nombre">Part</th>' : '') +
    `</tr></thead><tbody>${rows.join('')}${totalRow}</tbody></table>${note}${masked}`
  );
}

export interface TypologyGroup {
  category: string;
  items: { label: string; count: PublishedValue; amount?: PublishedValue }[];
  /** Published subtotals (figures.subtotal): hidden ones print « s », never « < 3 ». */
  subtotal: { count: PublishedValue | undefined; amount?: PublishedValue | undefined };
}

/** Typology with one subtotal per category and a grand total (aids by nature, grouped). */
export function renderTypology(
  figures: ReportFigures,
  groups: readonly TypologyGroup[],
  total: { count: PublishedValue | undefined; amount?: PublishedValue | undefined },
  options: { title: string; itemHeader: string; withAmount: boolean },
): string {
  const threshold = figures.threshold;
  const amountCell = (value: PublishedValue | undefined) => (options.withAmount ? valueCell(value, threshold) : '');
  const rows: string[] = [];
  const shown: (PublishedValue | undefined)[] = [total.count, total.amount];
  for (const group of groups) {
    rows.push(`<tr class="categorie"><td colspan="${options.withAmount ? 3 : 2}">${escapeHtml(group.category)}</td></tr>`);
    for (const item of group.items) {
      rows.push(`<tr><td>${escapeHtml(item.label)}</td>${valueCell(item.count, threshold)}${amountCell(item.amount)}</tr>`);
      shown.push(item.count, item.amount);
    }
    rows.push(
      `<tr class="sous-total"><td>Sous-total ${escapeHtml(group.category)}</td>${valueCell(group.subtotal.count, threshold)}${amountCell(group.subtotal.amount)}</tr>`,
    );
    shown.push(group.subtotal.count, group.subtotal.amount);
  }
  rows.push(
    `<tr class="total"><td>Total</td><td class="nombre">${total.count ? escapeHtml(formatValue(total.count, threshold)) : ''}</td>` +
      (options.withAmount ? `<td class="nombre">${total.amount ? escapeHtml(formatValue(total.amount, threshold)) : ''}</td>` : '') +
      '</tr>',
  );
  const rowCount = rows.length + 1;
  return (
    `<table${tableClass(rowCount)}><caption>${escapeHtml(options.title)}</caption>` +
    `<thead><tr><th scope="col">${escapeHtml(options.itemHeader)}</th><th scope="col" class="nombre">Nombre</th>` +
    (options.withAmount ? '<th scope="col" class="nombre">Montant</th>' : '') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table>${renderMarkNotes(shown, threshold)}`
  );
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Funders' table « Indicateur | Attendu | Obtenu | Réalisation » for year N. */
export function renderObjectives(
  figures: ReportFigures,
  rows: readonly { label: string; expected: number; obtained: PublishedValue | undefined }[],
): string {
  const body = rows
    .map(({ label, expected, obtained }) => {
      const unit = obtained?.unite ?? '';
      const rate = obtained?.valeur != null && expected > 0 ? formatShare(obtained.valeur, expected) ?? '—' : '—';
      return (
        `<tr><td>${escapeHtml(label)}</td><td class="nombre">${escapeHtml(formatAmount(expected, unit))}</td>` +
        `<td class="nombre">${obtained ? escapeHtml(formatValue(obtained, figures.threshold)) : '—'}</td><td class="nombre">${escapeHtml(rate)}</td></tr>`
      );
    })
    .join('');
  return (
    `<table class="court"><caption>Indicateurs : attendus et obtenus en ${figures.year}</caption>` +
    '<thead><tr><th scope="col">Indicateur</th><th scope="col" class="nombre">Attendu</th><th scope="col" class="nombre">Obtenu</th><th scope="col" class="nombre">Réalisation</th></tr></thead>' +
    `<tbody>${body}</tbody></table>${renderMarkNotes(rows.map((row) => row.obtained), figures.threshold)}`
  );
}
