// Public API of the figures stage (pure functions: no file is read or written here).
export { createFigureCollector } from './create-collector.js';
export { applyConfidentiality, maskOf, COMPLEMENTARY_MARK, type ConfidentialityOptions } from './confidentiality.js';
export { buildSecrecySystem, type SecrecyConstraint, type SecrecySystem } from './secrecy-constraints.js';
export { findDeterminedCells } from './secrecy-audit.js';
export { formatFiguresCsv, formatFiguresJson, COMPLETE_NOTICE, CSV_COLUMNS, type ExportOptions } from './format-export.js';
export { getFigure, getEvolution, getSeries, listBreakdown, listDimensions, figureKey } from './lookup.js';
export { compareFigures } from './build-set.js';
export {
  CATALOGUE,
  DIMENSIONS,
  NOT_GIVEN,
  NOT_GIVEN_LABEL,
  counterFigureId,
  labelModalite,
  isConfidentialCell,
  isRatio,
  type FigureDefinition,
  type FigureKind,
} from './catalogue.js';
export { MASKED_CELL_CODE } from './collect-indicateurs.js';
export { applyLabelOverrides, buildReadableLabel, familyOf, findUnknownLabelKeys, type LabelOverrides } from './labels.js';
export type * from './types.js';
export {
  buildFunderBilans,
  computeRate,
  findFunderIndicatorProblems,
  type BuildFunderBilansOptions,
  type FunderIndicatorInput,
  type FunderIndicatorProblem,
  type FunderInput,
} from './funder-bilan.js';
export { formatFunderCsv, sortFunderRows, FUNDER_STATUS_LABELS, FUNDER_TYPE_LABELS } from './funder-csv.js';
export type * from './funder-bilan-types.js';
