#!/usr/bin/env node
// Writes a large, valid `aides_financieres.csv`-shaped file for benchmarks (issue 2 §3, issue 3 §7):
//   node scripts/generate-large.mjs <out.csv> [rows=1000000] [--windows-1252]
// 1,000,000 rows ≈ 80 MB, spread over 2023–2025, about 200,000 distinct people, `;` separator,
// dd/mm/yyyy dates and decimal-comma amounts (French Excel style), UTF-8 unless --windows-1252.
// Streams in chunks and waits for the disk: memory stays flat whatever the row count.
// Deterministic (seeded PRNG), so two runs give identical files and benchmarks are comparable.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { mulberry32 } from './prng.mjs';

const args = process.argv.slice(2);
const windows1252 = args.includes('--windows-1252');
const [out, rowsArg] = args.filter((arg) => !arg.startsWith('--'));
const rows = rowsArg === undefined ? 1_000_000 : Number(rowsArg);
if (out === undefined || !Number.isInteger(rows) || rows < 1) {
  process.stderr.write('usage : node scripts/generate-large.mjs <fichier.csv> [lignes=1000000] [--windows-1252]\n');
  process.exit(2);
}

const rand = mulberry32(424242);
const pick = (list) => list[Math.floor(rand() * list.length)];

const PEOPLE = 200_000;
// [nature, catégorie, forme, cents range], weighted by repetition as in real typologies. Forms
// use the short spellings of real exports (`Chèque`, `Carte`), so value synonyms are on the hot path.
const NATURES = [
  ...Array(6).fill(['Chèques de service', 'Vie quotidienne', 'Chèque', [3000, 6000]]),
  ['Transport', 'Vie quotidienne', 'Carte', [2260, 7540]],
  ['Transport', 'Vie quotidienne', 'Espèces', [2260, 4520]],
  ['Régularisation administrative', 'Vie quotidienne', 'Carte', [2500, 22500]],
  ['Frais de santé', 'Vie quotidienne', 'Espèces', [1250, 8990]],
  ["Nuitée d'hôtel", 'Hébergement', 'Virement', [5800, 7200]],
  ['Maintien dans le logement', 'Hébergement', 'Virement', [18000, 52000]],
];
const FINANCEURS = ['Fondation', 'Fondation', 'Ville', 'ARS'];

const MS_DAY = 86_400_000;
const first = Date.UTC(2023, 0, 2) / MS_DAY;
const span = Date.UTC(2025, 11, 31) / MS_DAY - first;
const frDate = (day) => new Date(day * MS_DAY).toISOString().slice(0, 10).split('-').reverse().join('/');

function row(index) {
  // Every person appears at least once (a coprime stride walks all codes), then at random.
  const person = index < PEOPLE ? (index * 7919) % PEOPLE : Math.floor(rand() * PEOPLE);
  const [nature, categorie, forme, [min, max]] = pick(NATURES);
  const cents = min + Math.floor(rand() * (max - min));
  const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
  const day = first + Math.floor((index * span) / rows); // chronological, like a real export
  return `${frDate(day)};P-${String(person + 1).padStart(6, '0')};${nature};${categorie};${amount};${forme};${pick(FINANCEURS)}\r\n`;
}

const stream = createWriteStream(out);
const encode = (text) => (windows1252 ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf8'));
const header = "Date de l'aide;Bénéficiaire;Nature;Catégorie;Montant (€);Forme;Financeur\r\n";
let bytes = 0;
const write = async (text) => {
  const chunk = encode(text);
  bytes += chunk.length;
  if (!stream.write(chunk)) await once(stream, 'drain');
};
await write(header);
const CHUNK = 5000;
for (let start = 0; start < rows; start += CHUNK) {
  let text = '';
  for (let i = start; i < Math.min(rows, start + CHUNK); i += 1) text += row(i);
  await write(text);
}
stream.end();
await once(stream, 'finish');
process.stderr.write(`${out} : ${rows} lignes, ${(bytes / 1e6).toFixed(1)} Mo (${windows1252 ? 'Windows-1252' : 'UTF-8'})\n`);
