// `check` shows the figures stage's consistency findings and reads rapport.yaml like `build`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runRapport } from './cli-helpers.js';
import { makeTempDir } from './demo-copy.js';

beforeAll(async () => {
  await ensureBuilt();
});

describe('rapport check and the consistency findings', () => {
  it('lists a positive TROD without orientation as a finding, with its line, and still exits 0', async () => {
    const folder = makeTempDir();
    writeFileSync(
      join(folder, 'trod.csv'),
      'date;depistage;resultat;orientation\n2025-01-05;VIH;positif;non\n2025-01-06;VIH;negatif;\n',
    );
    const text = await runRapport(['check', folder]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Constats de cohérence');
    expect(text.stdout).toMatch(/trod\.csv.*ligne 2/);
    const json = await runRapport(['check', folder, '--json']);
    const document = JSON.parse(json.stdout) as { findings: { file: string; lines: number[] }[] };
    expect(document.findings.some((f) => f.file === 'trod.csv' && f.lines.includes(2))).toBe(true);
  });

  it('uses the column mapping of rapport.yaml, so a renamed header is not a missing column', async () => {
    const folder = makeTempDir();
    writeFileSync(join(folder, 'maraudes.csv'), 'Jour de sortie;Site;Contacts\n03/01/2025;Gare;4\n');
    const without = await runRapport(['check', folder]);
    expect(without.code).toBe(1);
    writeFileSync(join(folder, 'rapport.yaml'), 'colonnes:\n  maraudes:\n    date: Jour de sortie\n');
    const withConfig = await runRapport(['check', folder]);
    expect(withConfig.code).toBe(0);
  });

  it('reports a figure given both by raw rows and by indicateurs.csv as an error (exit 1)', async () => {
    const folder = makeTempDir();
    writeFileSync(join(folder, 'maraudes.csv'), 'date;site\n03/01/2025;Gare\n');
    writeFileSync(join(folder, 'indicateurs.csv'), 'indicateur;annee;valeur\nmaraudes.sessions;2025;12\n');
    const result = await runRapport(['check', folder]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('indicateurs.csv');
  });
});
