// Merges figures computed from raw rows with figures read from indicateurs files, refuses a
// figure given twice, sorts everything into one stable order and indexes it.
import type { DataIssue } from '../ingest/index.js';
import { DIMENSIONS, NOT_GIVEN } from './catalogue.js';
import { breakdownKey, figureKey } from './lookup.js';
import type { Figure, FigureSet, Finding, Hierarchy } from './types.js';

type FigureKeyFields = Pick<Figure, 'indicateur' | 'annee' | 'dimension' | 'modalite'>;

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

function rankOf(dimension: string, modalite: string): number {
  if (modalite === NOT_GIVEN) return Number.MAX_SAFE_INTEGER;
  const values = DIMENSIONS[dimension]?.category?.values;
  if (values === undefined) return 0;
  const keys = Object.keys(values);
  const index = keys.indexOf(modalite);
  // Values added by the config (`categories`) come after the built-in ones.
  return index === -1 ? keys.length : index;
}

function plainCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order, so that the same input always gives the same export byte for byte. */
export function compareFigures(a: FigureKeyFields, b: FigureKeyFields): number {
  return (
    plainCompare(a.indicateur, b.indicateur) ||
    a.annee - b.annee ||
    plainCompare(a.dimension, b.dimension) ||
    rankOf(a.dimension, a.modalite) - rankOf(b.dimension, b.modalite) ||
    collator.compare(a.modalite, b.modalite) ||
    plainCompare(a.modalite, b.modalite)
  );
}

function describeSource(figure: Figure): string {
  return figure.source.kind === 'indicateurs' ? `${figure.source.file} (ligne ${figure.source.line})` : `${figure.source.file} (calculé à partir des lignes de ${figure.annee})`;
}

export function buildFigureSet(year: number, figures: readonly Figure[], findings: Finding[], hierarchies: Hierarchy[]): FigureSet {
  const index = new Map<string, Figure>();
  const errors: DataIssue[] = [];
  /** One error per indicator, year and pair of sources, not one per cell. */
  const reported = new Set<string>();
  // Raw figures first: when a figure is given twice, the message names the file to clean.
  const ordered = [...figures.filter((f) => f.source.kind === 'donnees'), ...figures.filter((f) => f.source.kind === 'indicateurs')];
  const kept: Figure[] = [];
  for (const figure of ordered) {
    const key = figureKey(figure.indicateur, figure.annee, figure.dimension, figure.modalite);
    const existing = index.get(key);
    if (existing === undefined) {
      index.set(key, figure);
      kept.push(figure);
      continue;
    }
    // Two history files may both carry a past year (chiffres-2023.csv and chiffres-2024.csv).
    if (existing.source.kind === 'indicateurs' && existing.valeur === figure.valeur) continue;
    const pair = `${figure.indicateur}\u0000${figure.annee}\u0000${existing.source.file}\u0000${figure.source.file}`;
    if (reported.has(pair)) continue;
    reported.add(pair);
    const line = figure.source.kind === 'indicateurs' ? figure.source.line : undefined;
    const cell = figure.dimension === '' ? '' : ` (${figure.dimension} = ${figure.modalite})`;
    errors.push({
      severity: 'error',
      code: 'chiffre_en_conflit',
      file: figure.source.file,
      ...(line !== undefined && { line }),
      message:
        existing.source.kind === 'donnees'
          ? `le chiffre « ${figure.indicateur} » ${figure.annee}${cell} est donné à la fois par ${describeSource(figure)} et par ${describeSource(existing)}`
          : `le chiffre « ${figure.indicateur} » ${figure.annee}${cell} vaut ${figure.valeur} dans ${describeSource(figure)} mais ${existing.valeur} dans ${describeSource(existing)}`,
      expected: 'une seule source par chiffre et par année : retirez ces lignes du fichier d\'indicateurs, ou les lignes de cette année du fichier de données',
    });
  }
  kept.sort(compareFigures);
  const breakdowns = new Map<string, Figure[]>();
  for (const figure of kept) {
    // Printed labels find the figure too: `Négatif` as well as `negatif`.
    if (figure.libelleModalite !== undefined) {
      const byLabel = figureKey(figure.indicateur, figure.annee, figure.dimension, figure.libelleModalite);
      if (!index.has(byLabel)) index.set(byLabel, figure);
    }
    if (figure.dimension === '') continue;
    const key = breakdownKey(figure.indicateur, figure.annee, figure.dimension);
    const cells = breakdowns.get(key);
    if (cells === undefined) breakdowns.set(key, [figure]);
    else cells.push(figure);
  }
  const years = [...new Set(kept.map((f) => f.annee))].sort((a, b) => a - b);
  return { year, years, figures: kept, findings, errors, hierarchies, index, breakdowns };
}
