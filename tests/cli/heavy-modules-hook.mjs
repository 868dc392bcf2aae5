// Test hook (node --import): reports on stderr every module of the browser, canvas, chart.js or
// pdf-lib that the process loads. `rapport check` must load none of them (tests/cli/check-gate.test.ts).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/node_modules\\/(puppeteer|puppeteer-core|canvas|chart\\.js|pdf-lib)\\//.test(result.url)) process.stderr.write('MODULE LOURD ' + result.url + '\\n');
  return result;
}`),
);
