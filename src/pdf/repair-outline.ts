// Chromium (m156) writes the bookmark of a heading that starts a page with its text twice
// ("ÉditoÉdito"): the title of each outline item is repaired in place.
import { PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** "ÉditoÉdito" → "Édito"; any other title is returned unchanged. */
export function undoubleTitle(title: string): string {
  const half = title.length / 2;
  return Number.isInteger(half) && half > 0 && title.slice(0, half) === title.slice(half) ? title.slice(0, half) : title;
}

function readTitle(item: PDFDict): string | undefined {
  const title = item.lookup(PDFName.of('Title'));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : undefined;
}

export function repairOutlineTitles(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let repaired = 0;
  const visit = (first: PDFDict | undefined, depth: number): void => {
    // Depth and count guards: a malformed outline must not loop forever.
    let item = first;
    let guard = 0;
    while (item && guard < 10_000 && depth < 20) {
      guard += 1;
      const title = readTitle(item);
      if (title !== undefined && undoubleTitle(title) !== title) {
        item.set(PDFName.of('Title'), PDFHexString.fromText(undoubleTitle(title)));
        repaired += 1;
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  visit(root?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return repaired;
}
