// Issue 8 §2 at the config stage: front matter errors and alias bombs name file and line (they
// were an English message or an internal error), ids are never paths, logos are checked by content.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { splitFrontMatter } from '../../src/config/front-matter.js';
import { MAX_LOGO_BYTES, readLogo } from '../../src/config/read-project-files.js';
import type { LoadedConfig } from '../../src/config/types.js';
import { RapportError } from '../../src/shared/errors.js';
import { SECTION_ID } from '../../src/shared/section-id.js';

const LAUGHS = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';

function frontMatterError(source: string): ConfigError {
  try {
    splitFrontMatter(source, 'sections/x.md');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('front matter', () => {
  it('a syntax error is a French config error naming the file line (bug: English message)', () => {
    const error = frontMatterError('---\ntitre: Bilan\nid: [x\n---\nTexte\n');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^sections\/x\.md, ligne \d, en-tête YAML/);
  });

  it('an alias bomb (billion laughs) stops at the first alias, naming its line', () => {
    const error = frontMatterError(`---\ntitre: Bilan\n${LAUGHS}---\nTexte\n`);
    expect(error.message).toContain('sections/x.md, ligne 4');
    expect(error.message).toContain('alias YAML');
  });

  it('a normal front matter still gives data and body line', () => {
    expect(splitFrontMatter('---\ntitre: Bilan\nid: bilan\n---\nTexte\n', 'x.md')).toEqual({ data: { titre: 'Bilan', id: 'bilan' }, body: 'Texte\n', bodyLine: 5 });
  });
});

describe('section ids', () => {
  it.each(['../../../evil', '/tmp/evil', 'a/b', 'a\\b', '..', '', 'Évite', 'a b', `a${'x'.repeat(64)}`])('%j is not an id', (id) => {
    expect(SECTION_ID.test(id)).toBe(false);
  });
  it.each(['presentation', 'chiffres-cles', 'sante_mentale', '2024'])('%j is an id', (id) => {
    expect(SECTION_ID.test(id)).toBe(true);
  });
});

describe('logo', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-logo-'));
  const configOf = (name: string) => ({ folder, association: { logo: join(folder, name) } }) as unknown as LoadedConfig;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it.each([
    ['faux.png', 'du texte'],
    ['page.svg', '<!DOCTYPE html><html><script>alert(1)</script></html>'],
    ['photo.jpg', png.subarray(1)],
  ])('%s whose content is not an image is a config error naming the file', async (name, content) => {
    writeFileSync(join(folder, name), content);
    const error = await readLogo(configOf(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).exitCode).toBe(2);
    expect((error as RapportError).message).toContain(`« ${name} » n'est pas une image PNG, JPEG ou SVG`);
  });

  it('a logo over 5 Mo is a config error', async () => {
    writeFileSync(join(folder, 'gros.png'), Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]));
    const error = await readLogo(configOf('gros.png')).catch((e: unknown) => e);
    expect((error as RapportError).message).toContain('dépasse 5 Mo');
  });

  it('real PNG, JPEG and SVG (with XML prolog) are accepted, typed by content', async () => {
    writeFileSync(join(folder, 'a.png'), png);
    writeFileSync(join(folder, 'b.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    writeFileSync(join(folder, 'c.svg'), '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(await readLogo(configOf('a.png'))).toMatch(/^data:image\/png;base64,/);
    expect(await readLogo(configOf('b.jpg'))).toMatch(/^data:image\/jpeg;base64,/);
    expect(await readLogo(configOf('c.svg'))).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});

describe('section ids from file names', () => {
  it('a file name that is not an id gives one usable with --section (« Présentation générale.md » → presentation-generale)', async () => {
    const { readSections } = await import('../../src/config/read-project-files.js');
    const folder = mkdtempSync(join(tmpdir(), 'rapport-sections-'));
    writeFileSync(join(folder, 'Présentation générale.md'), 'Texte.\n');
    writeFileSync(join(folder, 'bilan.md'), 'Texte.\n');
    const config = { folder } as unknown as LoadedConfig;
    const sections = await readSections(config, [
      { kind: 'file', fichier: join(folder, 'Présentation générale.md'), id: undefined },
      { kind: 'file', fichier: join(folder, 'bilan.md'), id: undefined },
    ]);
    expect(sections.map((s) => s.id)).toEqual(['presentation-generale', 'bilan']);
    for (const section of sections) expect(SECTION_ID.test(section.id)).toBe(true);
  });
});
