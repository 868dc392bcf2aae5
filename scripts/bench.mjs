#!/usr/bin/env node
// Benchmark of issue 3 §7: `rapport chiffres` on a 1,000,000-row aides file against a bare
// csv-parse pass over the same file (same reader options, no validation, no figures).
//   node scripts/bench.mjs [rows=1000000] [runs=3]   (npm run bench; needs the build: npm run build)
// Each pass runs in its own process; wall time, CPU time and peak RSS are measured inside it.
// The two passes alternate `runs` times and the best time of each is kept: on a shared machine
// other processes only ever slow a run down.
// Targets: chiffres ≤ 1.6 × the bare pass, peak RSS < 250 MB. The data file is generated once
// (seeded, scripts/generate-large.mjs) into the system temp folder and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage : node scripts/bench.mjs [lignes=1000000] [essais=3]\n');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'cli', 'run-cli.js'))) {
  process.stderr.write('dist/ absent : lancez d\'abord « npm run build »\n');
  process.exit(2);
}

const folder = join(tmpdir(), `rapport-bench-${rows}`);
const file = join(folder, 'donnees', 'aides_financieres.csv');
if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  const generated = spawnSync(process.execPath, [join(root, 'scripts', 'generate-large.mjs'), file, String(rows)], { stdio: 'inherit' });
  if (generated.status !== 0) process.exit(1);
}

// Printed by every measured process when it exits: its own peak RSS (kB), lifetime (ms) and CPU
// time (µs, all threads). On a busy machine wall time swings with the load; CPU time much less.
const probe = `data:text/javascript,${encodeURIComponent(
  'const start = performance.now(); process.on("exit", () => { const u = process.resourceUsage(); ' +
    'process.stderr.write(`\\nBENCH ${u.maxRSS} ${performance.now() - start} ${u.userCPUTime + u.systemCPUTime}\\n`); });',
)}`;

// The reader options of src/ingest/read-csv.ts, streamed the same way, and nothing else.
const bare = `
import { createReadStream } from 'node:fs';
import { parse } from ${JSON.stringify(pathToFileURL(join(root, 'node_modules', 'csv-parse', 'lib', 'index.js')).href)};
const parser = createReadStream(${JSON.stringify(file)}, { highWaterMark: 256 * 1024 })
  .pipe(parse({ delimiter: ';', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
let records = 0;
for await (const record of parser) records += record.length > 0 ? 1 : 0;
if (records !== ${rows + 1}) throw new Error('unexpected record count ' + records);
`;

// Reading and validation only (the ingest stage with no figures): the share of ingestion.
const ingestOnly = `
import { ingestFolder } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'ingest', 'index.js')).href)};
const report = await ingestFolder({ folder: ${JSON.stringify(folder)} }, {});
if (!report.ok) throw new Error('invalid data');
`;

function measure(label, args) {
  const result = spawnSync(process.execPath, ['--import', probe, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const match = /BENCH (\d+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    process.stderr.write(`${label} : échec (code ${result.status})\n${result.stderr}\n`);
    process.exit(1);
  }
  return { seconds: Number(match[2]) / 1000, cpu: Number(match[3]) / 1e6, megabytes: Number(match[1]) / 1024 };
}

const out = join(folder, 'sortie', 'chiffres-bench.csv');
const best = (a, b) => (a === undefined ? b : { seconds: Math.min(a.seconds, b.seconds), cpu: Math.min(a.cpu, b.cpu), megabytes: Math.max(a.megabytes, b.megabytes) });
let baseline;
let ingest;
let chiffres;
for (let run = 0; run < runs; run += 1) {
  baseline = best(baseline, measure('csv-parse seul', ['--input-type=module', '-e', bare]));
  ingest = best(ingest, measure('lecture seule', ['--input-type=module', '-e', ingestOnly]));
  chiffres = best(chiffres, measure('rapport chiffres', [join(root, 'bin', 'rapport.js'), 'chiffres', folder, '--complet', '--sortie', out]));
}
rmSync(join(folder, 'sortie'), { recursive: true, force: true });

const format = (value, digits = 1) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = chiffres.seconds / baseline.seconds;
const cpuRatio = chiffres.cpu / baseline.cpu;
const line = (label, run) => `${label} : ${format(run.seconds, 2)} s (CPU ${format(run.cpu, 2)} s), mémoire max ${format(run.megabytes, 0)} Mo`;
process.stdout.write(
  [
    `Fichier : ${file} (${rows.toLocaleString('fr-FR')} lignes) — meilleur de ${runs} essai${runs > 1 ? 's' : ''}, mémoire : pic le plus haut`,
    line('csv-parse seul  ', baseline),
    line('lecture seule   ', ingest),
    line('rapport chiffres', chiffres),
    `Rapport des temps : ${format(ratio, 2)} (CPU : ${format(cpuRatio, 2)}) — objectif ≤ 1,6 : ${ratio <= 1.6 ? 'OK' : 'DÉPASSÉ'}`,
    `Mémoire : ${chiffres.megabytes < 250 ? 'OK' : 'DÉPASSÉE'} (objectif < 250 Mo)`,
  ].join('\n') + '\n',
);
