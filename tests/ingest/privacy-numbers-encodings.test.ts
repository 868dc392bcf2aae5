// Issue 8, sections 1 and 3 at the ingest stage: personal headers matched by words, personal
// values in any free-text column, the safe range of numbers, files mixing two encodings,
// links leading out of the project and a report year without data.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CellFailure, parseAmount, parseCount, parseNumber, parseText } from '../../src/ingest/cells.js';
import { createRowSchemas, listFields } from '../../src/ingest/contract.js';
import { ingestFolder } from '../../src/ingest/index.js';
import { mapHeaders } from '../../src/ingest/map-headers.js';
import { isPersonalHeader, PERSONAL_WORDS, PERSONAL_WORDS_ALONE } from '../../src/ingest/personal-headers.js';
import { RapportError } from '../../src/shared/errors.js';
import { csv, makeFolder } from './temp-folder.js';

/** One real-looking header per documented word (docs/donnees.md, section 9). */
const HEADER_OF_WORD: Record<string, string> = {
  prenom: 'Prénom usuel', prenoms: 'Prénoms', firstname: 'Firstname', surname: 'Surname', lastname: 'LastName', patronyme: 'Patronyme',
  telephone: 'N° de téléphone', telephones: 'Téléphones', tel: 'Tél. fixe', phone: 'Phone', gsm: 'GSM', whatsapp: 'WhatsApp',
  email: 'Email address', emails: 'Emails', mail: 'Mail de contact', mails: 'Mails', courriel: 'Courriel perso', courriels: 'Courriels',
  naissance: 'Date de naissance (JJ/MM/AAAA)', birth: 'Date of birth', birthdate: 'Birthdate', birthday: 'Birthday', dob: 'DOB',
  nir: 'NIR', secu: 'N° sécu', ssn: 'SSN', passeport: 'N° de passeport', passport: 'Passport number', agdref: 'AGDREF', iban: 'IBAN',
  nom: "Nom de l'usager", noms: 'Noms', name: 'Name', names: 'Full names', adresse: 'Adresse postale', address: 'Home address',
  rue: 'Rue', street: 'Street', mobile: 'Mobile perso', portable: 'Numéro de portable', securite: 'Numéro de sécurité sociale', fiscal: 'Numéro fiscal',
};

const maraudeFields = listFields(createRowSchemas().maraudes);
const refuses = (header: string) => mapHeaders('maraudes', ['Date', 'Site', header], maraudeFields).problems.some((p) => p.code === 'donnee_personnelle');

describe('personal headers are matched by words (issue 8: « Prénom usuel », « Email address »… were accepted)', () => {
  it('every documented word has a test header', () => {
    expect(Object.keys(HEADER_OF_WORD).sort()).toEqual([...PERSONAL_WORDS, ...PERSONAL_WORDS_ALONE].sort());
  });

  it.each(Object.entries(HEADER_OF_WORD))('word %s: « %s » refuses the file', (_word, header) => {
    expect(refuses(header)).toBe(true);
  });

  it.each(['Prénom usuel', "Nom de l'usager", "Nom d'usage", 'Mail de contact', 'Email address', 'Name', 'Phone', 'N° de téléphone', 'Date de naissance (JJ/MM/AAAA)', 'NIR', 'N° sécu', 'E-mail', 'Né(e) le'])(
    'the issue example « %s » is refused in every file',
    (header) => {
      for (const dataset of ['maraudes', 'trod', 'domiciliations', 'aides', 'indicateurs'] as const) {
        const fields = listFields(createRowSchemas()[dataset]);
        const problem = mapHeaders(dataset, ['Date', header], fields).problems.find((p) => p.code === 'donnee_personnelle');
        expect(problem, `${dataset} / ${header}`).toMatchObject({ column: header, fatal: true });
      }
    },
  );

  it.each(['Nombre de contacts', 'Nom du site', 'Nom de la structure', 'Lieu', 'Numéro de maraude', 'Contacts', 'Nb de préservatifs', 'Adresse du site', 'Pays de naissance', 'Équipe mobile', 'Couverture sécurité sociale', 'Nombre', 'Nuitées d\'hôtel', 'Code personne'])(
    'the ordinary header « %s » stays accepted',
    (header) => {
      expect(isPersonalHeader(header)).toBe(false);
      expect(refuses(header)).toBe(false);
    },
  );
});

describe('personal values in free-text columns (issue 8: an e-mail in `lieu` was exported and printed)', () => {
  it.each(['jean.dupont@example.org', 'RDV avec marie@exemple.fr', '06 12 34 56 78', 'Appeler le 06.12.34.56.78 demain', '+33 6 12 34 56 78', '+44 20 7946 0958', '0033612345678'])(
    'parseText refuses %j',
    (value) => {
      expect(parseText(value)).toBeInstanceOf(CellFailure);
    },
  );

  it.each(['Gare du Nord', 'Porte de la Chapelle 75018', 'Bois de Vincennes (2 équipes)', '18-25 ans', 'chèque de service 15 €', '2024-03-15'])('parseText keeps %j', (value) => {
    expect(parseText(value)).toBe(value);
  });

  it.each([
    ['maraudes.csv', csv(['date', 'site', 'Contacts'], ['02/01/2024', 'Gare', '3'], ['03/01/2024', 'lea.martin@example.org', '2']), 'site'],
    ['trod.csv', csv(['date', 'depistage', 'resultat', 'lieu'], ['02/01/2024', 'VIH', 'NEG', '06 12 34 56 78']), 'lieu'],
    ['aides_financieres.csv', csv(['date', 'nature', 'montant'], ['02/01/2024', 'transport, tél 07 98 76 54 32', '12']), 'nature'],
    ['domiciliations.csv', csv(['personne', 'date', 'demande', 'decision', 'motif_refus'], ['P-1', '02/01/2024', 'première', 'refus', 'écrire à x@y.fr']), 'motif_refus'],
    ['indicateurs.csv', csv(['indicateur', 'annee', 'valeur', 'libelle'], ['accueil.personnes', '2024', '12', 'contact +33 6 12 34 56 78']), 'libelle'],
  ])('%s: an e-mail or phone in « %s »… is an error naming file, line and column, without the value', async (file, content, column) => {
    const folder = makeFolder({ [file]: content });
    const report = await ingestFolder({ folder });
    expect(report.ok).toBe(false);
    const issue = report.errors.find((e) => e.column === column);
    expect(issue).toMatchObject({ file, code: 'valeur_invalide', value: '(valeur masquée)' });
    expect(issue?.line).toBeGreaterThan(1);
    const text = JSON.stringify(report);
    for (const secret of ['lea.martin@example.org', '06 12 34 56 78', '07 98 76 54 32', 'x@y.fr', '+33 6 12 34 56 78']) expect(text).not.toContain(secret);
  });
});

describe('numbers beyond the safe range (issue 8: a 400-digit integer passed check and failed build)', () => {
  it.each(['1'.repeat(400), '1000000000001', '9999999999999999'])('parseCount refuses %s', (raw) => {
    const result = parseCount(raw);
    expect(result).toBeInstanceOf(CellFailure);
    expect((result as CellFailure).expected).toMatch(/hors limites/);
  });

  it('parseCount keeps 1e12 itself and ordinary counts', () => {
    expect(parseCount('1000000000000')).toBe(1e12);
    expect(parseCount('133 892')).toBe(133_892);
  });

  it.each(['1'.repeat(400), '2 000 000 000 000,00', '1234567890123,45'])('parseAmount refuses %s', (raw) => {
    expect(parseAmount(raw)).toBeInstanceOf(CellFailure);
  });

  it.each(['1'.repeat(400), '-5000000000000', '0,12345678901234567', '1e400'])('parseNumber refuses %s', (raw) => {
    expect(parseNumber(raw)).toBeInstanceOf(CellFailure);
  });

  it('a 400-digit counter is a data error with file, line and column', async () => {
    const folder = makeFolder({ 'maraudes.csv': csv(['date', 'site', 'Contacts'], ['02/01/2024', 'Gare', '9'.repeat(400)]) });
    const report = await ingestFolder({ folder });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'maraudes.csv', line: 2, column: 'Contacts', code: 'valeur_invalide' })]);
  });
});

describe('a file whose encoding changes mid-way (issue 8: mojibake « IndÃ©terminÃ© » in outputs)', () => {
  const header = 'date;depistage;resultat;lieu';
  const row = (lieu: string) => `02/01/2024;VIH;NEG;${lieu}`;

  it('UTF-8 with one Windows-1252 line: error naming that line', async () => {
    const lines: Buffer[] = [Buffer.from(`${header}\n`)];
    for (let line = 2; line <= 400; line += 1) lines.push(line === 300 ? iconv.encode(`${row('Bois de Boulogne, allée été')}\n`, 'win1252') : Buffer.from(`${row('Entrée été')}\n`));
    const folder = makeFolder({ 'trod.csv': Buffer.concat(lines) });
    const report = await ingestFolder({ folder });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'trod.csv', code: 'fichier_illisible', line: 300 })]);
    expect(report.errors[0]?.message).toMatch(/encodage incohérent.*ligne 300/);
  });

  it('Windows-1252 with one UTF-8 line: error naming that line', async () => {
    const lines: Buffer[] = [Buffer.from(`${header}\n`)];
    for (let line = 2; line <= 400; line += 1) lines.push(line === 300 ? Buffer.from(`${row('Indéterminé')}\n`) : iconv.encode(`${row('Entrée été')}\n`, 'win1252'));
    const folder = makeFolder({ 'trod.csv': Buffer.concat(lines) });
    const report = await ingestFolder({ folder });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'trod.csv', code: 'fichier_illisible', line: 300 })]);
    expect(report.errors[0]?.message).toMatch(/Windows-1252 mais la ligne 300/);
  });

  it('a whole Windows-1252 file and a whole UTF-8 file are still read', async () => {
    const text = `${header}\n${row('Entrée été « gare »')}\n`;
    for (const bytes of [iconv.encode(text, 'win1252'), Buffer.from(text)]) {
      const report = await ingestFolder({ folder: makeFolder({ 'trod.csv': bytes }) });
      expect(report.ok).toBe(true);
    }
  });
});

describe('data files that are symbolic links (issue 8: a link out of the project was silently ignored)', () => {
  const TROD = csv(['date', 'depistage', 'resultat'], ['02/01/2024', 'VIH', 'NEG']);

  it('a link leading outside the project is refused with a message', async () => {
    const outside = makeFolder({ 'trod.csv': TROD });
    const folder = makeFolder({ 'donnees/maraudes.csv': csv(['date', 'site'], ['02/01/2024', 'Gare']) });
    symlinkSync(join(outside, 'trod.csv'), join(folder, 'donnees', 'trod.csv'));
    const report = await ingestFolder({ folder });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'trod.csv', code: 'lien_refuse' })]);
    expect(report.errors[0]?.message).toMatch(/hors du dossier du projet/);
  });

  it('a link inside the project is read', async () => {
    const folder = makeFolder({ 'archives/trod-2024.csv': TROD });
    mkdirSync(join(folder, 'donnees'));
    symlinkSync(join(folder, 'archives', 'trod-2024.csv'), join(folder, 'donnees', 'trod.csv'));
    writeFileSync(join(folder, 'donnees', 'maraudes.csv'), csv(['date', 'site'], ['02/01/2024', 'Gare']));
    const report = await ingestFolder({ folder });
    expect(report.ok).toBe(true);
    expect(report.files.find((f) => f.file === 'trod.csv')?.rowsValid).toBe(1);
  });
});

describe('a report year without data (issue 8: check said ✔ for --annee 2019)', () => {
  it('is a data error naming the years present', async () => {
    const folder = makeFolder({ 'trod.csv': csv(['date', 'depistage', 'resultat'], ['02/01/2024', 'VIH', 'NEG'], ['02/01/2025', 'VIH', 'NEG']) });
    const error = await ingestFolder({ folder, year: 2019 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).exitCode).toBe(1);
    expect((error as RapportError).message).toBe('aucune donnée pour 2019 ; années présentes : 2024, 2025');
  });
});

describe('personal data in a header row or a total row is never printed', () => {
  it('a header that is an e-mail (a data row pasted first) refuses the file without printing it', async () => {
    const folder = makeFolder({ 'trod.csv': csv(['date', 'depistage', 'resultat', 'lea.martin@example.org'], ['02/01/2024', 'VIH', 'NEG', 'x']) });
    const report = await ingestFolder({ folder });
    expect(report.errors).toEqual([expect.objectContaining({ code: 'donnee_personnelle', column: 'n° 4' })]);
    expect(JSON.stringify(report)).not.toContain('lea.martin');
  });

  it('a total row holding a phone number is masked in its warning', async () => {
    const folder = makeFolder({ 'maraudes.csv': csv(['date', 'site'], ['02/01/2024', 'Gare'], ['Total appeler 06 12 34 56 78', '']) });
    const report = await ingestFolder({ folder });
    expect(JSON.stringify(report)).not.toContain('06 12 34 56 78');
  });
});

describe('a data folder linked outside the project', () => {
  it('is refused (exit 2) instead of reading files that are not the project’s', async () => {
    const outside = makeFolder({ 'trod.csv': csv(['date', 'depistage', 'resultat'], ['02/01/2024', 'VIH', 'NEG']) });
    const folder = makeFolder({ 'rapport.yaml': '' });
    symlinkSync(outside, join(folder, 'donnees'));
    const error = await ingestFolder({ folder }).catch((e: unknown) => e);
    expect((error as RapportError).exitCode).toBe(2);
    expect((error as RapportError).message).toContain('hors du projet');
  });
});
