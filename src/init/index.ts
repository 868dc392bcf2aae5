export { initProject, DEMO_DATA_FOLDER } from './init-project.js';
export type { InitProjectOptions, InitProjectResult } from './init-project.js';
export { buildExampleCsvs, listContractColumns } from './example-rows.js';
export { PACKAGE_NAME, schemaUrl } from './project-template.js';
