#!/usr/bin/env node
// `npm run fuzz [-- <cases> [<seed>]]`: the property test of tests/cli/fuzz-check.test.ts on the
// whole demo files, with many more cases than the normal suite (default 5 000, seed from the date
// so each run explores new damage; the seed is printed to replay a failure).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [cases = '5000', seed = String(Math.floor(Date.now() / 86_400_000))] = process.argv.slice(2);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
console.log(`fuzz : ${cases} cas, graine ${seed} (rejouer : npm run fuzz -- ${cases} ${seed})`);
const result = spawnSync(process.execPath, [vitest, 'run', 'tests/cli/fuzz-check.test.ts', '--testTimeout', '0'], {
  stdio: 'inherit',
  env: { ...process.env, RAPPORT_FUZZ_CASES: cases, RAPPORT_FUZZ_SEED: seed, RAPPORT_FUZZ_FULL: '1' },
});
process.exit(result.status ?? 1);
