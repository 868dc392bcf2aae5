export { ingestFolder, findDataFolder, datasetOfFile, DATASET_FILES, DATASET_IDS } from './ingest-folder.js';
export type * from './types.js';
export type { MaraudeRow, TrodRow, DomiciliationRow, AideRow, IndicateurRow, RowByDataset } from './contract.js';
export { describeIssue, describeOmitted } from './describe-issue.js';
export { createIngestCache, type IngestCache } from './file-cache.js';
