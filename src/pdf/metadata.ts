import { PDFDocument, PDFName } from 'pdf-lib';
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

  // No object streams: Chromium writes PDF 1.4, which predates them.
  return doc.save({ useObjectStreams: false, addDefaultPage: false });
}
