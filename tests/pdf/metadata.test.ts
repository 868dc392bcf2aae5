import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyMetadata } from '../../src/pdf/index.js';
import { readXmp } from './helpers.js';

/** A PDF without any metadata nor language, as a stand-in for a bare print. */
async function barePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  return doc.save();
}

describe('applyMetadata', () => {
  it('sets the catalog language and the Info fields', async () => {
    const pdf = await applyMetadata(await barePdf(), {
      title: 'Rapport <2023> & co',
      author: 'Les Amis « du Quai »',
      subject: 'Activité',
      keywords: ['a b', 'c'],
      language: 'fr',
      creator: 'rapport 1.2.3',
      creationDate: new Date('2024-01-02T03:04:05Z'),
    });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('fr');
    expect(doc.getTitle()).toBe('Rapport <2023> & co');
    expect(doc.getAuthor()).toBe('Les Amis « du Quai »');
    expect(doc.getKeywords()).toBe('a b, c');
    expect(doc.getCreator()).toBe('rapport 1.2.3');
    expect(doc.getProducer()).toBe('rapport 1.2.3 (Chromium, pdf-lib)');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(doc.getPageCount()).toBe(1);
  });

  it('writes an XMP packet with escaped values and the keywords as a bag', async () => {
    const pdf = await applyMetadata(await barePdf(), {
      title: 'Rapport <2023> & co',
      author: 'A',
      subject: 'S',
      keywords: ['a b', 'c'],
      language: 'fr',
    });
    const xml = await readXmp(pdf);
    expect(xml).toContain('<rdf:li xml:lang="x-default">Rapport &lt;2023&gt; &amp; co</rdf:li>');
    expect(xml).toContain('<dc:subject><rdf:Bag><rdf:li>a b</rdf:li><rdf:li>c</rdf:li></rdf:Bag></dc:subject>');
    expect(xml).toMatch(/<xmp:CreatorTool>rapport \d+\.\d+\.\d+<\/xmp:CreatorTool>/);
  });
});
