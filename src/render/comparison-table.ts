// The `{{comparatif}}` block: every total of a list of figures, year N−1 beside year N and the
// change, so that nothing the data holds is left out of a chapter (e.g. all maraudes counters).
import { capitalize, escapeHtml } from './blocks.js';
import { describeChange, formatValue } from './figure-text.js';
import type { PublishedValue, ReportFigures } from './types.js';

export function renderComparisonTable(figures: ReportFigures, ids: readonly string[], year: number, title: string | undefined): string {
  const rows = ids
    .map((id) => ({ current: figures.get(id, year), previous: figures.get(id, year - 1) }))
    .filter((row): row is { current: PublishedValue; previous: PublishedValue | undefined } => row.current !== undefined);
  if (rows.length === 0) return '';
  // Without any N−1 value (first year of data) the N−1 and change columns would only hold dashes.
  const withPrevious = rows.some((row) => row.previous !== undefined);
  const cell = (value: PublishedValue | undefined) =>
    value === undefined
      ? '<td class="nombre">—</td>'
      : `<td class="nombre${value.valeur === null ? ' masque' : ''}">${escapeHtml(formatValue(value, figures.threshold))}</td>`;
  const body = rows
    .map(
      ({ current, previous }) =>
        `<tr><td>${escapeHtml(capitalize(current.libelle))}</td>` +
        (withPrevious ? cell(previous) : '') +
        cell(current) +
        (withPrevious ? `<td class="nombre">${escapeHtml(describeChange(current, previous) ?? '—')}</td>` : '') +
        '</tr>',
    )
    .join('');
  const caption = title ?? (withPrevious ? `Comparaison ${year - 1}–${year}` : `Chiffres de ${year}`);
  const head =
    '<th scope="col">Indicateur</th>' +
    (withPrevious ? `<th scope="col" class="nombre">${year - 1}</th>` : '') +
    `<th scope="col" class="nombre">${year}</th>` +
    (withPrevious ? '<th scope="col" class="nombre">Évolution</th>' : '');
  return `<table class="comparatif${rows.length <= 14 ? ' court' : ''}"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
