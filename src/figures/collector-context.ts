// What every dataset collector shares: the row entry point used during ingestion, and the
// context it writes figures and findings into once ingestion is over.
import type { IngestReport } from '../ingest/index.js';
import { CATALOGUE, labelModalite } from './catalogue.js';
import type { Figure, FigureSource, Hierarchy } from './types.js';

export interface DatasetCollector<R> {
  add(row: R, line: number, file: string): void;
  emit(context: CollectorContext): void;
}

export interface CollectorContext {
  /** Report year N: later years are not emitted. */
  lastYear: number;
  report: IngestReport;
  figures: Figure[];
  hierarchies: Hierarchy[];
}

/** Pushes one figure of the catalogue (label and unit taken from it). */
export function pushFigure(
  context: CollectorContext,
  indicateur: string,
  annee: number,
  valeur: number,
  source: FigureSource,
  dimension = '',
  modalite = '',
): void {
  const definition = CATALOGUE[indicateur];
  const figure: Figure = {
    indicateur,
    annee,
    dimension,
    modalite,
    valeur,
    unite: definition?.unite ?? '',
    libelle: definition?.libelle ?? indicateur,
    source,
  };
  if (dimension !== '') figure.libelleModalite = labelModalite(dimension, modalite);
  context.figures.push(figure);
}

/** Label and unit of a catalogue figure, for tally specs. */
export function labelsOf(indicateur: string): { indicateur: string; libelle: string; unite: string } {
  const definition = CATALOGUE[indicateur];
  return { indicateur, libelle: definition?.libelle ?? indicateur, unite: definition?.unite ?? '' };
}
