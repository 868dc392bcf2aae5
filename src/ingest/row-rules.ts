// Contract rules that involve several cells of a row, or several rows (indicateurs keys),
// and the defaults of optional columns.
import { oneYearValidityEnd } from '../shared/dates.js';
import type { DatasetId } from './contract.js';
import type { HeaderMapping } from './map-headers.js';
import type { DataIssue } from './types.js';

export interface RowState {
  /** indicateurs.csv: key (indicateur, annee, dimension, modalite) → first line. */
  firstKeys: Map<string, number>;
}

/** Defaults written into the typed row, so figures never have to guess them. */
export function addDefaults(dataset: DatasetId, row: Record<string, unknown>, mapping: HeaderMapping): void {
  if (dataset !== 'indicateurs' && dataset !== 'domiciliations' && row.nombre === undefined) row.nombre = 1;
  if (dataset === 'domiciliations') {
    if (row.decision === undefined) row.decision = 'accord';
    if (row.date_fin === undefined && row.decision === 'accord') row.date_fin = oneYearValidityEnd(row.date as string);
  }
  if (dataset === 'trod') {
    // `x`/empty convention: an empty cell of a boolean column present in the file means "non".
    if (row.orientation === undefined && mapping.columns.orientation !== undefined) row.orientation = false;
    if (row.premier_depistage === undefined && mapping.columns.premier_depistage !== undefined) row.premier_depistage = false;
  }
}

type RowProblem = Pick<DataIssue, 'code' | 'message'> & Partial<Pick<DataIssue, 'column' | 'value' | 'expected' | 'otherLines'>>;

export function checkRow(
  dataset: DatasetId,
  row: Record<string, unknown>,
  line: number,
  state: RowState,
): RowProblem | undefined {
  if (dataset === 'domiciliations') {
    const date = row.date as string;
    if (typeof row.date_fin === 'string' && row.date_fin < date) {
      return {
        code: 'dates_incoherentes',
        column: 'date_fin',
        value: row.date_fin,
        message: 'la fin de validité précède la date de décision',
        expected: 'une date de fin postérieure à la date de la décision',
      };
    }
    if (typeof row.date_radiation === 'string' && row.date_radiation < date) {
      return {
        code: 'dates_incoherentes',
        column: 'date_radiation',
        value: row.date_radiation,
        message: 'la radiation précède la date de décision',
        expected: 'une date de radiation postérieure à la date de la décision',
      };
    }
  }
  if (dataset === 'indicateurs') {
    const hasDimension = row.dimension !== undefined;
    if (hasDimension !== (row.modalite !== undefined)) {
      return {
        code: 'ventilation_incomplete',
        column: hasDimension ? 'modalite' : 'dimension',
        message: 'dimension et modalité vont ensemble : remplissez les deux (ventilation) ou aucune (total)',
      };
    }
    const key = [row.indicateur, row.annee, row.dimension ?? '', row.modalite ?? ''].join('\u0000');
    const first = state.firstKeys.get(key);
    if (first !== undefined) {
      return {
        code: 'chiffre_en_double',
        column: 'indicateur',
        value: String(row.indicateur),
        otherLines: [first],
        message: `le chiffre « ${String(row.indicateur)} » ${String(row.annee)}${row.dimension !== undefined ? ` (${String(row.dimension)} = ${String(row.modalite)})` : ''} est déjà donné ligne ${first}`,
        expected: 'une seule ligne par indicateur, année, dimension et modalité',
      };
    }
    state.firstKeys.set(key, line);
  }
  return undefined;
}
