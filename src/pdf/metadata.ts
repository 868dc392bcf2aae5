import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { readVersion } from '../shared/version.js';
import type { PdfMetadata } from './types.js';
import { repairOutlineTitles } from './repair-outline.js';
import { buildXmp } from './xmp.js';

/**
 * Writes title, author, subject, keywords, creator, producer, dates and language into a PDF
 * printed by Chromium. pdf-lib rewrites every object of the file, so the structure tree
 * (/StructTreeRoot, /MarkInfo: the tagging) and the bookmarks (/Outlines) are kept as they are.
 */
export async function applyMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const creator = metadata.creator ?? `rapport ${readVersion()}`;
  const producer = `${creator} (${doc.getProducer() ?? 'Chromium'}, pdf-lib)`;
  const date = metadata.creationDate ?? new Date();
  const keywords = metadata.keywords ?? [];

  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which splits "rapport d'activité": join them ourselves.
  if (keywords.length > 0) doc.setKeywords([keywords.join(', ')]);
  doc.setCreator(creator);
  doc.setProducer(producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(metadata.language);
  repairOutlineTitles(doc);

  const xmp = buildXmp({ ...metadata, keywords, creatorTool: creator, producer, date });
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML', Length: xmp.length });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));

  // The file identifier (trailer /ID) is a digest of the file itself, so the same document
  // always gets the same bytes. Saved first with a placeholder of the same length, then the
  // placeholder is replaced by the digest of those bytes: no offset moves.
  const placeholder = '0'.repeat(ID_HEX_LENGTH);
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(PDFHexString.of(placeholder));
  (doc.context.trailerInfo.ID as PDFArray).push(PDFHexString.of(placeholder));
  // No object streams: Chromium writes PDF 1.4, which predates them.
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false });
  return writeDocumentId(bytes, placeholder);
}

const ID_HEX_LENGTH = 32;

/** Replaces the two placeholder IDs of the trailer (the last ones in the file) by the digest of the file. */
function writeDocumentId(bytes: Uint8Array, placeholder: string): Uint8Array {
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, ID_HEX_LENGTH).toUpperCase();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const trailer = text.lastIndexOf('trailer');
  const first = text.indexOf(`<${placeholder}>`, trailer);
  const second = text.indexOf(`<${placeholder}>`, first + 1);
  if (trailer < 0 || first < 0 || second < 0) throw new Error('PDF trailer /ID placeholder not found');
  const result = Uint8Array.from(bytes);
  const encoded = new TextEncoder().encode(id);
  result.set(encoded, first + 1);
  result.set(encoded, second + 1);
  return result;
}
