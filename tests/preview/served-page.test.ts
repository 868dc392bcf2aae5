// The preview's copy of the page (script and banner added, nothing else changed), which file
// changes trigger which rebuild, and the --port option.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePortOption } from '../../src/cli/command-apercu.js';
import { createServedPage } from '../../src/preview/served-page.js';
import { classifyPath } from '../../src/preview/watch-project.js';

const REPORT = '<!DOCTYPE html><html lang="fr"><head><title>R</title></head><body class=""><h1>Rapport</h1></body></html>';

describe('createServedPage', () => {
  it('adds the reload script with its nonce before </body>, and nothing else', () => {
    const page = createServedPage(REPORT, 3, undefined);
    expect(page.html).toMatch(new RegExp(`<h1>Rapport</h1><script nonce="${page.nonce.replace(/[+/=]/g, '\\$&')}">[\\s\\S]*</script></body></html>$`));
    expect(page.html.replace(/<script[\s\S]*<\/script>/, '')).toBe(REPORT);
    expect(page.html).toContain('const shown = "3"');
  });

  it('shows the problem in a banner at the top of the body, escaped: a value from a file cannot run as HTML', () => {
    const page = createServedPage(REPORT, 4, {
      message: 'données invalides (1 erreur)',
      details: ['maraudes.csv, ligne 2, colonne « Lieu » : valeur « <img src=x onerror=alert(1)> » non valide'],
      hint: 'corrigez les fichiers indiqués',
      exitCode: 1,
    });
    expect(page.html).toMatch(/<body class=""><div id="rapport-apercu-erreur" role="alert"/);
    expect(page.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page.html).not.toContain('<img src=x');
    expect(page.html).toContain('<h1>Rapport</h1>');
    expect(page.html).toContain('La dernière version correcte reste affichée');
  });

  it('without any good version yet: the banner alone, saying so', () => {
    const page = createServedPage(undefined, 1, { message: 'rapport.yaml, ligne 3 : clé inconnue', details: [], exitCode: 2 });
    expect(page.html).toContain('rapport.yaml, ligne 3 : clé inconnue');
    expect(page.html).toContain('Aucune version correcte n&#39;a encore pu être construite');
  });

  it('drops a Content-Security-Policy meta of the report (the response header carries the nonce)', () => {
    const page = createServedPage(REPORT.replace('<title>', `<meta http-equiv="Content-Security-Policy" content="script-src 'none'"><title>`), 1, undefined);
    expect(page.html).not.toContain('Content-Security-Policy');
  });
});

describe('classifyPath', () => {
  const folder = '/projet';
  it.each([
    ['rapport.yaml', 'config'],
    ['rapport.yml', 'config'],
    ['donnees/maraudes.csv', 'donnees'],
    ['trod.csv', 'donnees'],
    ['sections/presentation.md', 'textes'],
    ['logo.svg', 'logo'],
    ['images/logo.PNG', 'logo'],
    ['sections/rapport.yaml', undefined],
    ['notes.docx', undefined],
    ['donnees/archives/2019.csv', undefined],
  ] as const)('%s → %s', (path, expected) => {
    expect(classifyPath(folder, join(folder, path))).toBe(expected);
  });

  it('nothing outside the project folder', () => {
    expect(classifyPath(folder, '/autre/rapport.yaml')).toBeUndefined();
    expect(classifyPath(folder, '/projet')).toBeUndefined();
  });
});

describe('--port', () => {
  it('accepts 0 to 65535, refuses anything else in French', () => {
    expect(parsePortOption('4000')).toBe(4000);
    expect(parsePortOption('0')).toBe(0);
    for (const bad of ['65536', '-1', '80a', '', '4 000']) expect(() => parsePortOption(bad), bad).toThrow(/port invalide/);
  });
});
