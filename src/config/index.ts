export { loadConfig, CONFIG_FILE_NAMES } from './load-config.js';
export { ConfigError, formatConfigProblem, formatKeyPath, type ConfigProblem } from './config-error.js';
export { describeConfigFile, formatReportTitle, isMultiAnswer, listMultiAnswerDimensions } from './config-queries.js';
export { createConfigJsonSchema, createDataJsonSchema, createSchemaFiles, type JsonSchema } from './json-schema.js';
export {
  BUILTIN_SECTION_IDS,
  configSchema,
  DEFAULT_ASSOCIATION_NAME,
  DEFAULT_COLOR,
  DEFAULT_CONFIDENTIALITY_THRESHOLD,
} from './schema.js';
export { FUNDER_ID } from './schema-funders.js';
export { suggestClosest, measureLevenshtein } from '../shared/suggest.js';
export type * from './types.js';
