// The `{{typologie}}` helper: natures grouped by their category, with subtotals and a total.
import { capitalize, renderTypology, type TypologyGroup } from './blocks.js';
import { describeDimension } from './figure-text.js';
import type { HelperOptions } from './helpers.js';
import { checkDimension, checkFigureId, failAt, type HelperLocation, resolveYear } from './resolve-figure.js';
import type { ReportFigures } from './types.js';

export function renderTypologyHelper(figures: ReportFigures, id: string, options: HelperOptions, location: HelperLocation): string {
  const by = checkDimension(figures, id, typeof options.hash.par === 'string' ? options.hash.par : 'nature', location);
  const parents = figures.parents(id, by);
  if (!parents) failAt(location, `« ${id} » par ${by} n'a pas de regroupement (colonne « categorie » absente ?)`);
  const amountId = typeof options.hash.montant === 'string' ? checkFigureId(figures, options.hash.montant, location) : undefined;
  const year = resolveYear(figures, options.hash, location);
  const groups: TypologyGroup[] = [];
  for (const cell of figures.breakdown(id, by, year)) {
    const category = parents.get(cell.modalite) ?? 'Autres';
    let entry = groups.find((g) => g.category === category);
    if (!entry) {
      entry = { category, items: [], subtotal: { count: undefined } };
      groups.push(entry);
    }
    const amount = amountId ? figures.get(amountId, year, by, cell.modalite) : undefined;
    entry.items.push({ label: cell.label ?? cell.modalite, count: cell, ...(amount && { amount }) });
  }
  // Subtotals are published figures of their own, protected like totals (never « < 3 »).
  for (const entry of groups) {
    entry.subtotal.count = figures.subtotal(id, by, year, entry.category);
    if (amountId) entry.subtotal.amount = figures.subtotal(amountId, by, year, entry.category);
  }
  groups.sort((a, b) => (b.subtotal.count?.valeur ?? 0) - (a.subtotal.count?.valeur ?? 0));
  const title = typeof options.hash.titre === 'string' ? options.hash.titre : `${capitalize(figures.get(id, year)?.libelle ?? id)} par ${describeDimension(by)} en ${year}`;
  return renderTypology(
    figures,
    groups,
    { count: figures.get(id, year), ...(amountId && { amount: figures.get(amountId, year) }) },
    { title, itemHeader: capitalize(describeDimension(by)), withAmount: amountId !== undefined },
  );
}
