#!/usr/bin/env node
// Writes the demo data of a fictional association (Association Les Lucioles, in the invented
// town of Vernelle) into fixtures/association-demo/donnees/: two full years (2024 previous,
// 2025 report year) plus 2023 domiciliation decisions, at the volumes described in the brief.
// Deterministic: seeded PRNGs, UTC day arithmetic, no clock, so re-running gives identical bytes.
// Each dataset draws from its own PRNG so tuning one file never reshuffles the others.
// People are pseudonymous codes only (`P-0421`); no name, phone or e-mail anywhere.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDrawer } from './prng.mjs';
import { euros, toCsv, writeCsv as writeFile } from './write-csv.mjs';

const OUT = join(dirname(dirname(fileURLToPath(import.meta.url))), 'fixtures', 'association-demo', 'donnees');
const SEED = 20250101;
const YEARS = [2024, 2025];

// ---- PRNG and draws --------------------------------------------------------------------------
const drawer = (stream) => createDrawer(SEED + stream * 7919);

// ---- Calendar (day numbers since 1970-01-01, UTC) -------------------------------------------
const MS_DAY = 86_400_000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / MS_DAY;
const iso = (n) => new Date(n * MS_DAY).toISOString().slice(0, 10);
const frDate = (n) => iso(n).split('-').reverse().join('/');
const weekday = (n) => new Date(n * MS_DAY).getUTCDay(); // 0 = Sunday
const yearOf = (n) => new Date(n * MS_DAY).getUTCFullYear();
const monthOf = (n) => new Date(n * MS_DAY).getUTCMonth() + 1;
const dateOfMonth = (n) => new Date(n * MS_DAY).getUTCDate();
const END = dayOf(2025, 12, 31);

function easterSunday(y) {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const g = Math.floor((8 * b + 13) / 25), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return dayOf(y, month, ((h + l - 7 * m + 114) % 31) + 1);
}
const HOLIDAYS = new Set();
for (const y of [2023, 2024, 2025, 2026]) {
  const easter = easterSunday(y);
  for (const [m, d] of [[1, 1], [5, 1], [5, 8], [7, 14], [8, 15], [11, 1], [11, 11], [12, 25]]) HOLIDAYS.add(dayOf(y, m, d));
  for (const offset of [1, 39, 50]) HOLIDAYS.add(easter + offset); // Easter Monday, Ascension, Whit Monday
}
const isOfficeDay = (n) => weekday(n) >= 1 && weekday(n) <= 5 && !HOLIDAYS.has(n);
const nextOfficeDay = (n) => (isOfficeDay(n) ? n : nextOfficeDay(n + 1));

/** Same rule as src/shared/dates.ts: one year later minus one day (29/02 → 28/02). */
function validityEnd(n) {
  const y = yearOf(n) + 1, m = monthOf(n), d = dateOfMonth(n);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > lastDay ? dayOf(y, m, lastDay) : dayOf(y, m, d) - 1;
}

// ---- People (hidden attributes; only the code, genre, age band and origin are written) ------
const GENRES = [['Femme', 61], ['Femme transgenre', 21], ['Homme', 12], ['Homme transgenre', 2], ['Autre', 4]];
const ORIGINES = [['Afrique subsaharienne', 41], ["Europe de l'Est", 16], ['Amérique latine', 15], ['Asie', 11], ['Maghreb', 10], ['France', 7]];
const TRANCHES = [[25, '18-24 ans'], [35, '25-34 ans'], [45, '35-44 ans'], [55, '45-54 ans'], [Infinity, '55 ans et plus']];

const people = (() => {
  const r = drawer(1);
  const codes = r.shuffle(Array.from({ length: 2400 }, (_, i) => i + 1)).slice(0, 1700);
  return codes.map((number) => ({
    code: `P-${String(number).padStart(4, '0')}`,
    genre: r.weighted(GENRES),
    origine: r.weighted(ORIGINES),
    born: dayOf(2025, 1, 1) - Math.round(365.25 * r.weighted([[r.int(18, 24), 14], [r.int(25, 34), 38], [r.int(35, 44), 28], [r.int(45, 54), 14], [r.int(55, 66), 6]])) - r.int(0, 364),
  }));
})();
const trancheAt = (person, n) => {
  const age = Math.floor((n - person.born) / 365.25);
  return TRANCHES.find(([limit]) => age < limit)[1];
};

// ---- CSV writing ------------------------------------------------------------------------------
const writeCsv = (name, text, encoding) => writeFile(join(OUT, name), text, encoding);

// ---- maraudes.csv -----------------------------------------------------------------------------
const NIGHT_SITES = [
  ['Gare de Vernelle-Nord', 1.4], ['Boulevard des Tanneurs', 1.3], ['Boulevard de Ceinture', 1.2], ['Quai des Mariniers', 1.0],
  ['Esplanade de la Gare', 1.1], ['Rue des Forges', 0.8], ['Porte de la Chaussée', 0.9], ["Zone d'activités des Sablons", 0.7],
  ['Parking du Parc des Expositions', 0.8], ['Rond-point des Peupliers', 0.6], ['Route de la Briqueterie', 0.6],
  ['Station Pont-Rouge', 0.9], ['Gare routière des Aubiers', 1.0], ['Avenue du Moulin-Neuf', 0.7], ['Quai de la Tannerie', 0.6],
];
const DAY_SITES = [
  ['Bois de la Héronnière', 1.3], ['Bois des Charmes – allée centrale', 1.1], ['Bois des Charmes – parking est', 0.8],
  ['Aire de repos des Coudriers', 0.7], ['Square des Tilleuls', 0.6], ['Place du Marché-aux-Grains', 0.9],
  ['Avenue des Platanes', 0.8], ['Impasse des Lavandières', 0.5], ['Rue Haute des Remparts', 0.6], ['Station Les Aubiers', 0.7],
];
const COMMENTS = [
  'Pluie, peu de monde', 'Forte affluence; stock de préservatifs épuisé avant la fin', "Nouvelles personnes rencontrées, orientées vers l'accueil de jour",
  'Présence policière, personnes dispersées', "Distribution de kits d'hygiène", 'Binôme avec une médiatrice "paire"', 'Froid intense, boissons chaudes',
  'Travaux sur le site, déplacement de 200 m', 'Plusieurs demandes de rendez-vous TROD',
];

function generateMaraudes() {
  const r = drawer(2);
  const sessions = [];
  for (let n = dayOf(2024, 1, 1); n <= END; n += 1) {
    const y = yearOf(n), m = monthOf(n), d = dateOfMonth(n), wd = weekday(n);
    if ((m === 12 && d >= 23) || (m === 1 && d <= 2)) continue; // winter closure of the team
    const plan = [];
    if (wd === 1) plan.push(['Sociale', 'Jour']);
    if (wd === 2) plan.push(['Santé', 'Nuit']);
    if (wd === 3) plan.push([d <= 7 ? 'TROD' : 'Santé', 'Jour']);
    if (wd === 4) plan.push(['TROD', 'Nuit']);
    if (wd === 5) plan.push([r.chance(0.5) ? 'Sociale' : 'Santé', 'Nuit']);
    if (wd === 6 && y === 2025 && d <= 7) plan.push(['Santé', 'Nuit']); // monthly Saturday night, new in 2025
    for (const [type, creneau] of plan) {
      if (creneau === 'Jour' && HOLIDAYS.has(n)) continue;
      if (m === 8 && wd !== 2 && wd !== 4) continue; // summer: two sessions a week
      if (r.chance(y === 2024 ? 0.17 : 0.15)) continue; // staff shortage, weather
      const [site, affluence] = r.weighted((creneau === 'Nuit' ? NIGHT_SITES : DAY_SITES).map((s) => [s, s[1]]));
      const season = m <= 2 || m === 12 ? 0.85 : m >= 6 && m <= 9 ? 1.1 : 1;
      const personnes = Math.round((creneau === 'Nuit' ? 44 : 30) * affluence * season * (y === 2024 ? 0.97 : 1) * r.noise(0.25));
      const contacts = Math.round(personnes * 2.35 * r.noise(0.15));
      const preservatifs = Math.round((contacts * (y === 2024 ? 7.2 : 7.4) * r.noise(0.2)) / 6) * 6; // boxes of 6
      const gels = Math.round(preservatifs * 0.3 * r.noise(0.2));
      const entretiens = type === 'Sociale' ? r.int(0, 2) : r.int(2, 6);
      // A few hand-typed variants of a site name (case, accents): the tool groups them.
      const written = r.chance(0.015) ? site.toLowerCase() : site;
      sessions.push([frDate(n), written, type, creneau, personnes, contacts, preservatifs, gels, entretiens, r.chance(0.1) ? r.pick(COMMENTS) : '', n, site]);
    }
  }
  const header = ['Date de sortie', 'Lieu', 'Type de maraude', 'Créneau', 'Personnes rencontrées', 'Contacts', 'Préservatifs', 'Gels lubrifiants', 'Entretiens santé', 'Commentaires'];
  writeCsv('maraudes.csv', toCsv(header, sessions.map((s) => s.slice(0, 10)), ';', '\r\n'), 'utf-8-bom');
  return sessions.map((s) => ({ day: s[10], site: s[11], type: s[2] }));
}

// ---- trod.csv ---------------------------------------------------------------------------------
const TESTS = [['VIH', 0.96], ['VHC', 0.65], ['VHB', 0.4], ['Syphilis', 0.3]];
const POSITIVES = { 2024: { VIH: 1, VHC: 1, VHB: 2, Syphilis: 2 }, 2025: { VIH: 1, VHC: 2, VHB: 1, Syphilis: 3 } };
const NOT_ORIENTED = { 2024: 'VHB', 2025: 'Syphilis' }; // one positive a year lost to follow-up
const LOCAL = "Local de l'association";

function generateTrod(sessions) {
  const r = drawer(3);
  const occasions = sessions.filter((s) => s.type === 'TROD').map((s) => ({ day: s.day, lieu: s.site, persons: r.weighted([[1, 66], [2, 28], [3, 6]]) }));
  for (let n = dayOf(2024, 1, 1); n <= END; n += 1) {
    const d = dateOfMonth(n);
    // TROD drop-in at the office, 2nd and 4th Wednesday afternoons (opened in April 2024).
    if (weekday(n) === 3 && ((d >= 8 && d <= 14) || (d >= 22 && d <= 28)) && !HOLIDAYS.has(n) && monthOf(n) !== 8 && n >= dayOf(2024, 4, 1)) {
      occasions.push({ day: n, lieu: LOCAL, persons: r.weighted([[1, 62], [2, 33], [3, 5]]) });
    }
  }
  occasions.sort((a, b) => a.day - b.day);
  const pool = r.shuffle(people).slice(0, 900);
  const lastTest = new Map();
  const tests = [];
  let next = 0;
  for (const { day, lieu, persons } of occasions) {
    const seen = new Set();
    for (let i = 0; i < persons; i += 1) {
      const again = [...lastTest].filter(([, last]) => day - last >= 90);
      const person = r.chance(0.15) && again.length > 0 ? r.pick(again)[0] : pool[next++];
      if (seen.has(person)) continue;
      seen.add(person);
      const premier = lastTest.has(person) ? 'Non' : r.chance(0.3) ? 'Oui' : 'Non';
      lastTest.set(person, day);
      const genre = r.chance(0.02) ? '' : person.genre; // "non renseigné" happens
      for (const [depistage, p] of TESTS) {
        if (depistage === 'VIH' || r.chance(p)) tests.push({ day, depistage, resultat: 'Négatif', lieu, person, genre, premier, orientation: '' });
      }
    }
  }
  for (const year of YEARS) {
    const ofYear = tests.filter((t) => yearOf(t.day) === year);
    for (const t of r.shuffle(ofYear).slice(0, 2)) t.resultat = 'Indéterminé';
    for (const [depistage, count] of Object.entries(POSITIVES[year])) {
      // Only people tested once for this infection: a positive followed by a negative would be absurd.
      const once = ofYear.filter((t) => t.depistage === depistage && t.resultat === 'Négatif' &&
        tests.filter((o) => o.person === t.person && o.depistage === depistage).length === 1);
      r.shuffle(once).slice(0, count).forEach((t, i) => {
        t.resultat = 'Positif';
        t.orientation = i === 0 && depistage === NOT_ORIENTED[year] ? 'Non' : 'Oui';
      });
    }
  }
  const header = ['Date du test', 'Dépistage', 'Résultat', 'Lieu', 'Code personne', 'Genre', "Tranche d'âge", '1er dépistage', 'Orientation'];
  const rows = tests.map((t) => [iso(t.day), t.depistage, t.resultat, t.lieu, t.person.code, t.genre, trancheAt(t.person, t.day), t.premier, t.orientation]);
  writeCsv('trod.csv', toCsv(header, rows, ',', '\n'), 'utf-8');
  return tests;
}

// ---- domiciliations.csv -------------------------------------------------------------------------
// The association obtained its domiciliation approval in January 2023: the 2023 decisions are all
// first requests, and every renewal of 2024–2025 follows an earlier decision present in the file.
const FIRSTS = {
  2023: [22, 18, 15, 14, 13, 12, 10, 8, 13, 13, 12, 10],
  2024: [9, 8, 9, 8, 9, 8, 7, 5, 9, 10, 9, 7],
  2025: [10, 9, 9, 9, 10, 9, 7, 6, 10, 11, 10, 8],
};
const MOTIFS_REFUS = [['Absence de lien avec la commune', 5], ['Dossier incomplet', 3], ['Déjà domiciliée dans un autre organisme', 2]];
const MOTIFS_RADIATION = [['Absence de contact depuis plus de trois mois', 6], ['Installation dans un logement stable', 2], ['Départ de la commune', 2], ['À la demande de la personne', 1]];

function generateDomiciliations() {
  const r = drawer(4);
  const pool = r.shuffle(people);
  let next = 0;
  const queue = [];
  for (const [year, months] of Object.entries(FIRSTS)) {
    months.forEach((count, index) => {
      for (let i = 0; i < count; i += 1) {
        const day = nextOfficeDay(dayOf(Number(year), index + 1, r.int(1, 26)));
        queue.push({ person: pool[next++], day, demande: 'Première demande', ayants: r.weighted([[0, 78], [1, 12], [2, 7], [3, 3]]) });
      }
    });
  }
  const decisions = [];
  while (queue.length > 0) {
    const d = queue.shift();
    decisions.push(d);
    if (d.demande === 'Première demande' && r.chance(0.07)) {
      d.refus = r.weighted(MOTIFS_REFUS);
      continue;
    }
    d.fin = validityEnd(d.day);
    if (r.chance(0.06)) {
      const radiation = nextOfficeDay(d.day + r.int(95, 330));
      if (radiation <= Math.min(END, d.fin)) {
        d.radiation = radiation;
        d.motifRadiation = r.weighted(MOTIFS_RADIATION);
        continue;
      }
    }
    if (r.chance(0.66)) {
      const day = nextOfficeDay(d.fin + r.int(-25, 6));
      const ayants = r.chance(0.9) ? d.ayants : r.int(0, 2);
      if (day <= END) queue.push({ person: d.person, day, demande: 'Renouvellement', ayants });
    }
  }
  decisions.sort((a, b) => a.day - b.day || a.person.code.localeCompare(b.person.code));
  const header = ['Code personne', 'Date de décision', 'Type de demande', 'Décision', 'Motif du refus', 'Fin de validité', 'Date de radiation', 'Motif de radiation', 'Ayants droit', 'Genre', "Tranche d'âge", 'Origine'];
  const rows = decisions.map((d) => [
    d.person.code, frDate(d.day), d.demande, d.refus ? 'Refus' : 'Accord', d.refus ?? '', d.fin ? frDate(d.fin) : '',
    d.radiation ? frDate(d.radiation) : '', d.motifRadiation ?? '', d.ayants, d.person.genre, trancheAt(d.person, d.day), d.person.origine,
  ]);
  writeCsv('domiciliations.csv', toCsv(header, rows, ';', '\n'), 'utf-8');
  return decisions;
}

// ---- aides_financieres.csv (French Excel: Windows-1252, `;`, dd/mm/yyyy, decimal comma, Total) --
const VIE = 'Aide à la vie quotidienne';
const NATURES = {
  'Chèques de service': { categorie: VIE, count: { 2024: 91, 2025: 101 }, montant: (r) => 10 * r.int(3, 6), forme: () => 'Chèque de service', financeur: (r) => r.weighted([['Fondation du Pont-Levis', 8], ['Ville', 2]]) },
  Transport: { categorie: VIE, count: { 2024: 12, 2025: 14 }, montant: (r) => r.pick([22.6, 22.6, 45.2, 75.4]), forme: (r) => r.weighted([['Paiement électronique', 3], ['Espèces', 1]]), financeur: () => 'Fondation du Pont-Levis' },
  'Régularisation administrative': { categorie: VIE, count: { 2024: 20, 2025: 23 }, montant: (r) => r.pick([25, 50, 75, 100, 225]), forme: () => 'Paiement électronique', financeur: (r) => r.weighted([['Fondation du Pont-Levis', 1], ['Fonds propres', 1]]) },
  'Frais de santé': { categorie: VIE, count: { 2024: 4, 2025: 5 }, montant: (r) => r.int(1250, 8990) / 100, forme: (r) => r.pick(['Espèces', 'Virement']), financeur: () => 'Fondation du Pont-Levis' },
  "Nuitée d'hôtel": { categorie: 'Hébergement', count: { 2024: 2, 2025: 2 }, nights: true, montant: (r) => r.int(5800, 7200) / 100, forme: () => 'Virement', financeur: () => 'Ville' },
  'Maintien dans le logement': { categorie: 'Hébergement', count: { 2024: 4, 2025: 5 }, montant: (r) => r.int(18000, 52000) / 100, forme: () => 'Virement', financeur: (r) => r.weighted([['Ville', 2], ['Fonds propres', 1]]) },
};
const AIDE_COMMENTS = { Transport: 'Recharge du titre de transport', 'Régularisation administrative': 'Timbre fiscal titre de séjour', 'Maintien dans le logement': 'Arriéré de loyer' };

function generateAides(decisions) {
  const r = drawer(5);
  const domiciled = r.shuffle([...new Set(decisions.map((d) => d.person))]);
  const others = r.shuffle(people.filter((p) => !domiciled.includes(p)));
  const beneficiaries = { 2024: [...domiciled.slice(0, 64), ...others.slice(0, 27)] };
  // 2025: about half come back, the others are new (aides.nouveaux_beneficiaires).
  beneficiaries[2025] = [...r.shuffle(beneficiaries[2024]).slice(0, 47), ...domiciled.slice(64, 100), ...others.slice(27, 44)];
  const rows = [];
  const used = new Set();
  for (const year of YEARS) {
    const natures = r.shuffle(Object.entries(NATURES).flatMap(([nature, spec]) => Array(spec.count[year]).fill(nature)));
    const persons = r.shuffle(beneficiaries[year]);
    const start = dayOf(year, 1, 2), span = dayOf(year, 12, 20) - start;
    natures.forEach((nature, i) => {
      const spec = NATURES[nature];
      const person = i < persons.length ? persons[i] : r.pick(persons);
      let day = nextOfficeDay(start + Math.floor(((i + r.rand()) / natures.length) * span));
      while (used.has(`${person.code}|${day}`)) day = nextOfficeDay(day + 1); // never two aids the same day
      used.add(`${person.code}|${day}`);
      const nombre = spec.nights ? r.int(1, 3) : 1;
      const montant = Math.round(spec.montant(r) * nombre * 100) / 100;
      const comment = AIDE_COMMENTS[nature] && r.chance(0.3) ? AIDE_COMMENTS[nature] : '';
      rows.push({ day, cells: [frDate(day), person.code, nature, spec.categorie, euros(montant), nombre, spec.forme(r), spec.financeur(r), person.genre, trancheAt(person, day), comment], montant, nombre });
    });
  }
  rows.sort((a, b) => a.day - b.day || a.cells[1].localeCompare(b.cells[1]));
  const total = rows.reduce((sum, row) => sum + Math.round(row.montant * 100), 0) / 100;
  const count = rows.reduce((sum, row) => sum + row.nombre, 0);
  const header = ["Date de l'aide", 'Bénéficiaire', 'Nature', 'Catégorie', 'Montant (€)', 'Nb', 'Forme', 'Financeur', 'Genre', "Tranche d'âge", 'Commentaire'];
  const cells = [...rows.map((row) => row.cells), ['Total', '', '', '', euros(total), count, '', '', '', '', '']];
  writeCsv('aides_financieres.csv', toCsv(header, cells, ';', '\r\n'), 'windows-1252');
  return rows;
}

// ---- indicateurs.csv: drop-in figures (no raw file) and 2023 history of maraudes/trod/aides ----
/** Splits `total` by weights, largest remainder, so the parts always add up to the total. */
function split(total, pairs) {
  const sum = pairs.reduce((s, [, w]) => s + w, 0);
  const parts = pairs.map(([label, w]) => ({ label, exact: (total * w) / sum }));
  parts.forEach((p) => (p.value = Math.floor(p.exact)));
  let rest = total - parts.reduce((s, p) => s + p.value, 0);
  for (const p of [...parts].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))) if (rest-- > 0) p.value += 1;
  return parts.map((p) => [p.label, p.value]);
}

function generateIndicateurs() {
  const rows = [];
  const add = (id, year, value, libelle, unite, dimension = '', modalite = '') => rows.push([id, year, dimension, modalite, value, libelle, unite]);
  const accueil = { 2023: [2874, 241, 598], 2024: [3052, 252, 664], 2025: [3247, 258, 731] };
  for (const [year, [passages, permanences, personnes]] of Object.entries(accueil)) {
    add('accueil.passages', year, passages, "Passages à l'accueil de jour", 'passages');
    add('accueil.permanences', year, permanences, "Permanences d'accueil de jour", 'permanences');
    add('accueil.personnes_accueillies', year, personnes, "Personnes accueillies à l'accueil de jour", 'personnes');
    const genres = year === '2023' ? GENRES : GENRES.map(([g, w]) => [g, g === 'Femme transgenre' ? w + 2 : w]);
    for (const [genre, value] of split(personnes, genres)) add('accueil.personnes_accueillies', year, value, "Personnes accueillies à l'accueil de jour", 'personnes', 'genre', genre);
  }
  // History before the raw exports start (they begin in 2024): never a figure/year the raw files produce.
  add('maraudes.sessions', 2023, 187, 'Maraudes réalisées', 'maraudes');
  add('maraudes.contacts', 2023, 14960, 'Contacts', 'contacts');
  add('maraudes.preservatifs', 2023, 98430, 'Préservatifs', 'préservatifs');
  add('trod.tests', 2023, 204, 'TROD réalisés', 'tests');
  add('aides.nombre', 2023, 121, 'Aides financières attribuées', 'aides');
  add('aides.beneficiaires', 2023, 84, 'Bénéficiaires des aides financières', 'personnes');
  const header = ['Indicateur', 'Année', 'Dimension', 'Modalité', 'Valeur', 'Libellé', 'Unité'];
  writeCsv('indicateurs.csv', toCsv(header, rows, ',', '\n'), 'utf-8');
  return rows;
}

// ---- main ---------------------------------------------------------------------------------------
mkdirSync(OUT, { recursive: true });
const sessions = generateMaraudes();
const tests = generateTrod(sessions);
const decisions = generateDomiciliations();
const aides = generateAides(decisions);
const indicateurs = generateIndicateurs();

const byYear = (items, dayOfItem) => [2023, ...YEARS].map((y) => `${y} : ${items.filter((i) => yearOf(dayOfItem(i)) === y).length}`).join(', ');
process.stdout.write(
  [
    `Données de démonstration écrites dans ${OUT}`,
    `  maraudes.csv           ${byYear(sessions, (s) => s.day)}`,
    `  trod.csv               ${byYear(tests, (t) => t.day)}`,
    `  domiciliations.csv     ${byYear(decisions, (d) => d.day)}`,
    `  aides_financieres.csv  ${byYear(aides, (a) => a.day)}`,
    `  indicateurs.csv        ${indicateurs.length} lignes`,
  ].join('\n') + '\n',
);
