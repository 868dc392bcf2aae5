export { ingestFolder, findDataFolder, datasetOfFile, DATASET_FILES, DATASET_IDS } from './ingest-folder.js';
export type * from './types.js';
export type { MaraudeRow, TrodRow, DomiciliationRow, AideRow, IndicateurRow, RowByDataset } from './contract.js';
export { describeFileGroups, describeGroup, describeIssue, describeOmitted, formatLineList } from './describe-issue.js';
export { createIssueGroup } from './issue-collector.js';
export { createIngestCache, type IngestCache } from './file-cache.js';
