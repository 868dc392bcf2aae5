// A valid figure id whose data file is absent this year (the association kept its config and
// texts but dropped an export) was called « chiffre inconnu », as if rapport.yaml had a typo.
// check and build now say which file is missing, and what to do.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runRapport, STACK_LINE } from './cli-helpers.js';
import { copyDemo } from './demo-copy.js';

beforeAll(ensureBuilt);

function withoutTrod(): string {
  const project = copyDemo();
  rmSync(join(project, 'sortie'), { recursive: true, force: true });
  rmSync(join(project, 'donnees', 'trod.csv'));
  return project;
}

describe('a figure of the catalogue whose file is absent', () => {
  it("funders' indicators: « aucune donnée … trod.csv est absent », not « chiffre inconnu », and nothing written", async () => {
    const project = withoutTrod();
    const result = await runRapport(['check', project]);
    expect(result.code).toBe(2);
    const plain = result.stderr.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain).toContain('financeur « ars », indicateur « Nombre de TROD VHC positifs » : aucune donnée pour le chiffre « trod.positifs » : le fichier trod.csv est absent');
    expect(plain).not.toContain('chiffre inconnu « trod.positifs »');
    expect(result.stderr).not.toMatch(STACK_LINE);
    const build = await runRapport(['build', project]);
    expect(build.code).toBe(2);
    expect(build.stderr.replace(/[\u00a0\u202f]/g, ' ')).toContain('aucune donnée pour le chiffre « trod.positifs »');
    expect(existsSync(join(project, 'sortie'))).toBe(false);
  });

  it('a section: names the missing file and the {{#si}} way out', async () => {
    // Only the aides file left: the édito's first figure is maraudes.sessions.
    const project = copyDemo();
    for (const file of ['maraudes.csv', 'trod.csv', 'domiciliations.csv', 'indicateurs.csv']) rmSync(join(project, 'donnees', file));
    // Without the funders (their check comes first), the chapter list and the édito are next.
    const { parseDocument } = await import('yaml');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const config = parseDocument(readFileSync(join(project, 'rapport.yaml'), 'utf8'));
    config.delete('financeurs');
    config.delete('sections');
    writeFileSync(join(project, 'rapport.yaml'), config.toString());
    const result = await runRapport(['check', project]);
    const plain = result.stderr.replace(/[\u00a0\u202f]/g, ' ');
    expect(result.code).toBe(2);
    expect(plain).toContain('sections/edito.md, ligne 1 : aucune donnée pour le chiffre « maraudes.sessions » : le fichier maraudes.csv est absent');
    expect(plain).toContain('{{#si "maraudes.sessions"}}');
  });
});
