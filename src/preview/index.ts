export { startPreview, describeProblem } from './start-preview.js';
export { openInBrowser } from './open-browser.js';
export type * from './types.js';
