#!/usr/bin/env node
// Benchmark of issue 11 §3: time from saving a file to the reloaded preview page, on a copy of
// the demo. `rapport apercu` runs as its own process (as a user starts it); this script plays the
// browser: it listens to the event stream, saves a file, waits for the reload event, then fetches
// the page and checks that the new value is in it.
//   node scripts/bench-apercu.mjs [runs=7]   (needs the build: npm run build)
// Three kinds of save: a value of indicateurs.csv, a maraude added to maraudes.csv (its charts are
// redrawn, never from the cache), a sentence of a section. Prints each time, then the median per kind. Target: median ≤ 1 s.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runs = Number(process.argv[2] ?? 7);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage : node scripts/bench-apercu.mjs [essais=7]\n');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'preview', 'index.js'))) {
  process.stderr.write("dist/ absent : lancez d'abord « npm run build »\n");
  process.exit(2);
}

const folder = join(mkdtempSync(join(tmpdir(), 'rapport-bench-apercu-')), 'association');
cpSync(join(root, 'fixtures', 'association-demo'), folder, { recursive: true });
const child = spawn(process.execPath, [join(root, 'bin', 'rapport.js'), 'apercu', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
const cleanup = () => {
  child.kill('SIGINT');
  rmSync(dirname(folder), { recursive: true, force: true });
};
process.on('exit', cleanup);

const url = await new Promise((resolve, reject) => {
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
    const match = /Aperçu : (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
    if (match) resolve(match[1]);
  });
  child.once('exit', () => reject(new Error(`rapport apercu ended:\n${stderr}`)));
});

/** The event stream, as a browser's EventSource reads it. */
async function openEvents() {
  const response = await fetch(new URL('__apercu/evenements', url));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const waiting = [];
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        for (const waiter of waiting.splice(0)) waiter({ name, data });
      }
    }
  })().catch(() => undefined);
  return {
    next: (wanted) =>
      new Promise((resolve) => {
        const listen = (event) => (event.name === wanted ? resolve(event.data) : waiting.push(listen));
        waiting.push(listen);
      }),
    close: () => reader.cancel().catch(() => undefined),
  };
}

const events = await openEvents();
// The first build (the stream says version 1 once it is served).
await (async () => {
  for (;;) {
    const page = await (await fetch(url)).text();
    if (page.includes('Passages à l')) return;
    await events.next('reload');
  }
})();

const indicateurs = join(folder, 'donnees', 'indicateurs.csv');
const maraudes = join(folder, 'donnees', 'maraudes.csv');
const section = join(folder, 'sections', 'presentation.md');
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const kinds = [
  {
    name: 'indicateurs.csv (une valeur)',
    save: (i) => {
      const value = 4000 + i;
      writeFileSync(indicateurs, readFileSync(indicateurs, 'utf8').replace(/^accueil\.passages,2025,,,\d+/m, `accueil.passages,2025,,,${value}`));
      return grouped(value);
    },
  },
  {
    name: 'maraudes.csv (une maraude ajoutée, graphiques redessinés)',
    save: (i) => {
      // A new session each time: the monthly, time-slot and site charts get new numbers, never cached.
      const text = readFileSync(maraudes, 'utf8');
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      writeFileSync(maraudes, `${text.replace(/(\r?\n)*$/, '')}${eol}${String(i).padStart(2, '0')}/06/2025;Porte de la Chaussée;Sociale;Nuit;${10 + i};20;100;30;0;${eol}`);
      return undefined;
    },
  },
  {
    name: 'sections/presentation.md (une phrase)',
    save: (i) => {
      const marker = `Phrase de mesure numéro ${i}.`;
      writeFileSync(section, readFileSync(section, 'utf8').replace(/\n(Phrase de mesure numéro \d+\.\n)?## Nos missions/, `\n${marker}\n## Nos missions`));
      return marker;
    },
  },
];

/** CPU time (user + system, ms) used so far by the preview process: a measure the machine's load barely changes. */
const ticksPerMs = 100 / 1000; // USER_HZ, 100 on Linux
const cpuOfPreview = () => {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
  } catch {
    return Number.NaN; // not Linux
  }
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const format = (ms) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

const results = [];
for (const kind of kinds) {
  const times = [];
  const cpu = [];
  for (let i = 1; i <= runs; i += 1) {
    const reloaded = events.next('reload');
    const cpuBefore = cpuOfPreview();
    const started = performance.now();
    const expected = kind.save(i);
    await reloaded;
    const page = await (await fetch(url)).text();
    const elapsed = performance.now() - started;
    if (page.includes('rapport-apercu-erreur')) throw new Error(`${kind.name}: the page shows an error\n${stderr}`);
    if (expected !== undefined && !page.includes(expected)) throw new Error(`${kind.name}: « ${expected} » not in the page`);
    times.push(elapsed);
    cpu.push(cpuOfPreview() - cpuBefore);
    // Let the save settle, as a person does between two saves.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  results.push({ kind: kind.name, times, cpu });
  process.stdout.write(`${kind.name} : ${times.map(format).join(' ; ')} — médiane ${format(median(times))}`);
  process.stdout.write(` (temps processeur de l'aperçu, médiane ${format(median(cpu))})\n`);
}
await events.close();
// The preview's own lines: « mis à jour (données) en 0,41 s, relu : maraudes.csv, 1 graphique(s) redessiné(s) ».
const redrawn = stderr.split('\n').filter((line) => line.includes('redessiné')).length;
process.stdout.write(`(mises à jour avec un graphique redessiné : ${redrawn})\n`);
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(`(charge de la machine : ${load})\n`);
process.exit(0);
