// applyMetadata gives the same bytes for the same document: a fixed date, and a file identifier
// (trailer /ID) that is a digest of the file, not a random or time-based value.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyMetadata } from '../../src/pdf/index.js';
import type { PdfMetadata } from '../../src/pdf/index.js';

async function pdfWithText(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage().drawText(text);
  return doc.save();
}

const METADATA: PdfMetadata = {
  title: 'Rapport 2025',
  author: 'Association',
  subject: "Rapport d'activité 2025",
  language: 'fr',
  creator: 'rapport 1.2.3',
  creationDate: new Date(Date.UTC(2025, 11, 31)),
};

async function readId(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const id = doc.context.trailerInfo.ID;
  if (!(id instanceof PDFArray)) throw new Error('no /ID');
  return id.asArray().map((entry) => (entry as PDFHexString).asString());
}

describe('document identifier', () => {
  it('is the same for the same document, and both halves are equal', async () => {
    const bare = await pdfWithText('bonjour');
    const first = await applyMetadata(bare, METADATA);
    const second = await applyMetadata(bare, METADATA);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const [a, b] = await readId(first);
    expect(a).toMatch(/^[0-9A-F]{32}$/);
    expect(b).toBe(a);
  });

  it('is the digest of the file written with a zero placeholder in its place (anyone can recompute it)', async () => {
    const pdf = await applyMetadata(await pdfWithText('bonjour'), METADATA);
    const [id] = await readId(pdf);
    const text = Buffer.from(pdf).toString('latin1').replaceAll(`<${id}>`, `<${'0'.repeat(32)}>`);
    expect(createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex').slice(0, 32).toUpperCase()).toBe(id);
  });

  it('changes with the content, and with the metadata date', async () => {
    const base = await readId(await applyMetadata(await pdfWithText('bonjour'), METADATA));
    const otherText = await readId(await applyMetadata(await pdfWithText('au revoir'), METADATA));
    const otherDate = await readId(await applyMetadata(await pdfWithText('bonjour'), { ...METADATA, creationDate: new Date(Date.UTC(2024, 11, 31)) }));
    expect(otherText[0]).not.toBe(base[0]);
    expect(otherDate[0]).not.toBe(base[0]);
  });
});
