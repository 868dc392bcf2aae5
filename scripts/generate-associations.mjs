#!/usr/bin/env node
// Writes the data of four fictional associations shaped unlike the demo, into
// fixtures/associations/<folder>/donnees/ (their rapport.yaml files are hand-written):
//   caarud-le-relais       street outreach only: maraudes.csv without type or créneau, its own
//                          counter headers, and indicateurs.csv in the wide form (one column a year)
//   point-d-ancrage        domiciliations only, Windows-1252, its own header wording, a Total row
//   colonnes-minimales     every file with its required columns only, one year, no config
//   sante-communautaire    tests with extra types and results, domiciliations, aids (Windows-1252
//                          with a Total row), indicateurs in the long form, headers mapped in config
// Deterministic (seeded PRNG, UTC day arithmetic): re-running gives identical bytes.
// People are pseudonymous codes only; no name, phone or e-mail anywhere.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDrawer } from './prng.mjs';
import { euros, toCsv, writeCsv } from './write-csv.mjs';

const ROOT = join(dirname(dirname(fileURLToPath(import.meta.url))), 'fixtures', 'associations');
const MS_DAY = 86_400_000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / MS_DAY;
const iso = (n) => new Date(n * MS_DAY).toISOString().slice(0, 10);
const frDate = (n) => iso(n).split('-').reverse().join('/');
const weekday = (n) => new Date(n * MS_DAY).getUTCDay();
const daysOf = (year) => Array.from({ length: dayOf(year + 1, 1, 1) - dayOf(year, 1, 1) }, (_, i) => dayOf(year, 1, 1) + i);

function write(folder, name, header, rows, { sep = ';', eol = '\n', encoding = 'utf-8' } = {}) {
  const dir = join(ROOT, folder, 'donnees');
  mkdirSync(dir, { recursive: true });
  writeCsv(join(dir, name), toCsv(header, rows, sep, eol), encoding);
  console.log(`  ${folder}/donnees/${name.padEnd(24)} ${rows.length} lignes`);
}

// ---- caarud-le-relais -------------------------------------------------------------------------
function caarud() {
  const r = createDrawer(7001);
  const sectors = [['Gare de Marbrecourt', 1.5], ['Quartier des Tilleuls', 1.2], ['Berges du canal', 1.0], ['Square Jean-Moulin', 0.8], ['Zone des Entrepôts', 0.7], ['Cité des Peupliers', 0.9], ['Parvis de la médiathèque', 0.5], ['Rue des Halles', 0.6]];
  const rows = [];
  for (const year of [2023, 2024]) {
    for (const day of daysOf(year)) {
      // Tuesday, Thursday evening tours, plus some Saturdays; more in 2024.
      const wd = weekday(day);
      if (!(wd === 2 || wd === 4 || (wd === 6 && r.chance(year === 2024 ? 0.6 : 0.3)))) continue;
      if (r.chance(0.06)) continue; // cancelled (weather, staff)
      const sector = r.weighted(sectors);
      const met = Math.max(1, Math.round(r.int(4, 18) * r.noise(0.3)));
      const contacts = met + r.int(0, met);
      const kits = r.chance(0.15) ? 0 : r.int(0, met * 3);
      const rows2024 = year === 2024;
      rows.push([frDate(day), sector, contacts, met, kits, kits * 2 + r.int(0, 20), r.int(0, 40), r.chance(0.2) ? r.int(1, 3) : 0, r.chance(0.1) ? 'Forte présence policière' : rows2024 && r.chance(0.05) ? 'Nouveau point de deal signalé' : '']);
    }
  }
  write('caarud-le-relais', 'maraudes.csv', ['Date', 'Secteur', 'Nb de contacts', 'Personnes rencontrées', "Kits d'injection", 'Seringues distribuées', 'Préservatifs', 'Orientations', 'Observations'], rows, { eol: '\r\n', encoding: 'utf-8-bom' });

  // A table as printed in last year's report, one column per year (wide form).
  const indicateurs = [
    ['caarud.file_active', '', '', 'File active (personnes différentes accueillies)', 'personnes', '412', '455'],
    ['caarud.file_active', 'genre', 'Homme', '', '', '318', '349'],
    ['caarud.file_active', 'genre', 'Femme', '', '', '88', '101'],
    ['caarud.file_active', 'genre', 'Femme transgenre', '', '', '4', '2'],
    ['caarud.file_active', 'genre', 'Non renseigné', '', '', '2', '3'],
    ['caarud.nouvelles_personnes', '', '', 'Personnes accueillies pour la première fois', 'personnes', '96', '118'],
    ['caarud.passages', '', '', 'Passages au local', 'passages', '5120', '5398'],
    ['caarud.entretiens', '', '', 'Entretiens individuels', 'entretiens', '688', '731'],
    ['rdr.kits_distribues', '', '', 'Kits de réduction des risques distribués au local', 'kits', '14250', '15870'],
    ['rdr.recuperateurs', '', '', 'Récupérateurs de seringues distribués', 'récupérateurs', '', '312'],
    ['sante.orientations_soin', '', '', 'Orientations vers le soin', 'orientations', '61', '74'],
    ['sante.vaccinations_vhb', '', '', '', 'vaccinations', '18', '23'],
  ];
  write('caarud-le-relais', 'indicateurs.csv', ['Indicateur', 'Dimension', 'Modalité', 'Libellé', 'Unité', '2023', '2024'], indicateurs);
}

// ---- point-d-ancrage ---------------------------------------------------------------------------
function pointAncrage() {
  const r = createDrawer(7002);
  const continents = [['Afrique subsaharienne', 38], ['Maghreb', 22], ["Europe de l'Est", 14], ['Asie', 9], ['Amérique latine', 6], ['France', 10], ['Océanie', 0.4]];
  const bands = [['18-25 ans', 18], ['26-35 ans', 34], ['36-45 ans', 24], ['46-59 ans', 18], ['60 ans et plus', 6]];
  const sexes = [['Homme', 58], ['Femme', 40], ['Autre', 1.2]];
  const motives = [['Absence de lien avec la commune', 5], ['Dossier incomplet', 3], ['Hors secteur', 1]];
  const people = Array.from({ length: 520 }, (_, i) => ({ code: `D${String(1000 + i)}`, sexe: r.weighted(sexes), band: r.weighted(bands), continent: r.weighted(continents) }));
  const rows = [];
  const domiciled = new Map();
  for (const year of [2023, 2024]) {
    for (const person of r.shuffle(people).slice(0, year === 2023 ? 240 : 290)) {
      const day = dayOf(year, r.int(1, 12), r.int(1, 28));
      const first = !domiciled.has(person.code) || r.chance(0.1);
      const refused = r.chance(0.05);
      if (!refused) domiciled.set(person.code, day);
      rows.push([person.code, frDate(day), first ? 'Première demande' : 'Renouvellement', refused ? 'Défavorable' : 'Favorable', refused ? r.weighted(motives) : '', person.sexe, person.band, person.continent, r.chance(0.04) ? 'Orientée par le CCAS' : '']);
    }
  }
  rows.sort((a, b) => a[1].split('/').reverse().join('').localeCompare(b[1].split('/').reverse().join('')) || a[0].localeCompare(b[0]));
  // French Excel exports often end with a count row.
  rows.push([`Total : ${rows.length} décisions`, '', '', '', '', '', '', '', '']);
  write('point-d-ancrage', 'domiciliations.csv', ['N° dossier', 'Date de la décision', 'Nature de la demande', 'Avis', 'Motif du refus', 'Sexe', "Classe d'âge", "Continent d'origine", 'Observations'], rows, { eol: '\r\n', encoding: 'windows-1252' });
}

// ---- colonnes-minimales ------------------------------------------------------------------------
function minimal() {
  const r = createDrawer(7003);
  const days = daysOf(2024);
  const maraudes = days.filter((d) => weekday(d) === 3 || (weekday(d) === 5 && r.chance(0.5))).map((d) => [iso(d), r.pick(['Place de la République', 'Gare SNCF', 'Parc municipal', 'Quai Nord'])]);
  write('colonnes-minimales', 'maraudes.csv', ['date', 'site'], maraudes);
  const trod = [];
  for (let i = 0; i < 130; i += 1) {
    const test = r.weighted([['VIH', 50], ['VHC', 40], ['VHB', 25], ['Syphilis', 15]]);
    trod.push([frDate(r.pick(days)), test, r.chance(0.03) ? 'Positif' : r.chance(0.02) ? 'Invalide' : 'Négatif']);
  }
  trod.sort((a, b) => a[0].split('/').reverse().join('').localeCompare(b[0].split('/').reverse().join('')));
  write('colonnes-minimales', 'trod.csv', ['Date', 'Dépistage', 'Résultat'], trod, { sep: ',' });
  const domiciliations = Array.from({ length: 84 }, (_, i) => [`M-${String(i + 1).padStart(3, '0')}`, frDate(r.pick(days)), r.chance(0.35) ? 'Renouvellement' : 'Première demande']);
  write('colonnes-minimales', 'domiciliations.csv', ['Personne', 'Date', 'Demande'], domiciliations);
  const aides = Array.from({ length: 61 }, () => {
    const nature = r.weighted([['Chèques de service', 30], ['Transport', 12], ['Nuitée d\'hôtel', 4], ['Timbre fiscal', 2]]);
    const amount = nature === 'Timbre fiscal' ? 225 : nature === "Nuitée d'hôtel" ? 45 + r.int(0, 30) : r.int(1, 6) * 10 + (r.chance(0.2) ? 0.5 : 0);
    return [frDate(r.pick(days)), nature, euros(amount)];
  });
  write('colonnes-minimales', 'aides_financieres.csv', ['Date', 'Nature', 'Montant'], aides);
}

// ---- sante-communautaire -----------------------------------------------------------------------
function santeCommunautaire() {
  const r = createDrawer(7004);
  const people = Array.from({ length: 400 }, (_, i) => ({
    code: `SC${String(i + 1).padStart(4, '0')}`,
    sexe: r.weighted([['Femme', 55], ['Femme trans', 22], ['Homme', 20], ['Homme trans', 1.5], ['Non-binaire', 1.5]]),
    age: r.weighted([['Moins de 18 ans', 1], ['18-24 ans', 16], ['25-34 ans', 38], ['35-49 ans', 32], ['50 ans et plus', 13]]),
  }));
  const places = [['Local associatif', 5], ['Maraude Bois', 3], ['Maraude Gare', 2], ['Foyer partenaire', 1]];
  const trod = [];
  for (const year of [2023, 2024]) {
    for (const person of r.shuffle(people).slice(0, year === 2023 ? 150 : 185)) {
      const day = dayOf(year, r.int(1, 12), r.int(1, 28));
      const place = r.weighted(places);
      const tests = ['VIH', 'VHC', 'VHB', 'Syphilis', 'VHA', 'Chlamydia', 'Gonocoque'].filter((t) => r.chance(t === 'VIH' ? 0.95 : t === 'VHA' ? 0.15 : t.length > 8 ? 0.25 : 0.5));
      for (const test of tests) {
        const positive = r.chance(test === 'Chlamydia' ? 0.08 : test === 'Syphilis' ? 0.04 : 0.012);
        const result = positive ? 'Positif' : test === 'VHB' && r.chance(0.3) ? 'Immunisé' : r.chance(0.01) ? 'Ininterprétable' : 'Négatif';
        trod.push([frDate(day), test, result, place, person.code, person.sexe, person.age, positive ? (r.chance(0.85) ? 'Oui' : 'Non') : '']);
      }
    }
  }
  trod.sort((a, b) => a[0].split('/').reverse().join('').localeCompare(b[0].split('/').reverse().join('')) || a[4].localeCompare(b[4]));
  write('sante-communautaire', 'trod.csv', ['Date du dépistage', 'Type de test', 'Résultat', 'Lieu', 'Code', 'Sexe', 'Âge', 'Orienté(e)'], trod, { encoding: 'utf-8-bom' });

  const domiciliations = [];
  for (const year of [2023, 2024]) {
    for (const person of r.shuffle(people).slice(0, year === 2023 ? 70 : 88)) {
      const refused = r.chance(0.06);
      domiciliations.push([person.code, frDate(dayOf(year, r.int(1, 12), r.int(1, 28))), r.chance(0.4) ? 'Renouvellement' : 'Première demande', refused ? 'Refus' : 'Accord', refused ? 'Hors secteur' : '', person.sexe]);
    }
  }
  domiciliations.sort((a, b) => a[1].split('/').reverse().join('').localeCompare(b[1].split('/').reverse().join('')) || a[0].localeCompare(b[0]));
  write('sante-communautaire', 'domiciliations.csv', ['Code', 'Date', 'Demande', 'Décision', 'Motif du refus', 'Genre'], domiciliations);

  const natures = [
    ['Chèques de service', 'Vie quotidienne', () => r.int(2, 8) * 10, 40],
    ['Titres de transport', 'Vie quotidienne', () => r.pick([16.9, 33.8, 75.2]), 14],
    ['Frais de santé', 'Vie quotidienne', () => r.int(15, 120) + 0.5, 3],
    ["Nuitée d'hôtel", 'Hébergement', () => r.int(48, 75), 2],
    ['Maintien dans le logement', 'Hébergement', () => r.int(150, 400), 6],
    ['Timbres fiscaux (titre de séjour)', 'Démarches administratives', () => 225, 9],
  ];
  const aides = [];
  for (const year of [2023, 2024]) {
    for (let i = 0; i < (year === 2023 ? 70 : 96); i += 1) {
      const [nature, rubrique, amount] = r.weighted(natures.map((n) => [n, n[3]]));
      aides.push({ day: dayOf(year, r.int(1, 12), r.int(1, 28)), cells: [r.pick(people).code, nature, rubrique, amount(), r.weighted([['Solidarité Sida', 3], ['Fondation Horizon', 2], ['Fonds propres', 1]])] });
    }
  }
  aides.sort((a, b) => a.day - b.day);
  const total = aides.reduce((sum, a) => sum + a.cells[3], 0);
  const cells = aides.map((a) => [frDate(a.day), a.cells[0], a.cells[1], a.cells[2], euros(a.cells[3]), a.cells[4]]);
  cells.push(['Total', '', '', '', euros(total), '']);
  write('sante-communautaire', 'aides_financieres.csv', ['Date', 'Code', "Nature de l'aide", 'Rubrique', 'Montant (€)', 'Financeur'], cells, { eol: '\r\n', encoding: 'windows-1252' });

  const indicateurs = [];
  for (const [year, total, motifs] of [
    [2023, 402, [['Accès aux droits', 188], ['Santé sexuelle', 121], ['Logement', 80], ['Violences', 13]]],
    [2024, 455, [['Accès aux droits', 201], ['Santé sexuelle', 139], ['Logement', 104], ['Violences', 9], ['Traite des êtres humains', 2]]],
  ]) {
    indicateurs.push(['mediation.entretiens', year, '', '', total, 'Entretiens de médiation en santé', 'entretiens']);
    for (const [motif, value] of motifs) indicateurs.push(['mediation.entretiens', year, 'motif', motif, value, 'Entretiens de médiation en santé', 'entretiens']);
    indicateurs.push(['mediation.accompagnements', year, '', '', year === 2023 ? 64 : 81, 'Accompagnements physiques (rendez-vous, démarches)', 'accompagnements']);
  }
  write('sante-communautaire', 'indicateurs.csv', ['Indicateur', 'Année', 'Dimension', 'Modalité', 'Valeur', 'Libellé', 'Unité'], indicateurs);
}

console.log(`Associations de test écrites dans ${ROOT}`);
caarud();
pointAncrage();
minimal();
santeCommunautaire();
