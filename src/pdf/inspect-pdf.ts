import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfLayout {
  pageCount: number;
  /** Named destination (decoded element id) → 1-based page number. */
  destinations: Map<string, number>;
}

/** Chromium names a destination after the URL fragment, percent-encoded ("chiffres-cl%C3%A9s"). */
function decodeDestinationName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A destination is `[pageRef /XYZ …]` or a dictionary whose /D is that array. */
function pageRefOf(destination: PDFObject | undefined, doc: PDFDocument): PDFRef | undefined {
  const resolved = destination instanceof PDFRef ? doc.context.lookup(destination) : destination;
  const array = resolved instanceof PDFDict ? resolved.lookup(PDFName.of('D')) : resolved;
  if (!(array instanceof PDFArray)) return undefined;
  const first = array.get(0);
  return first instanceof PDFRef ? first : undefined;
}

/** Walks a /Names tree (PDF 1.2+): leaves hold [key value key value …], nodes hold /Kids. */
function walkNameTree(node: PDFDict, visit: (key: string, value: PDFObject | undefined) => void, depth = 0): void {
  if (depth > 32) return; // a cyclic or absurdly deep tree is a broken file, not ours to loop on
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let index = 0; index + 1 < names.size(); index += 2) {
      const key = names.lookup(index);
      if (key instanceof PDFString || key instanceof PDFHexString) visit(key.decodeText(), names.get(index + 1));
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let index = 0; index < kids.size(); index += 1) {
      const kid = kids.lookup(index);
      if (kid instanceof PDFDict) walkNameTree(kid, visit, depth + 1);
    }
  }
}

/** Page count and the page of every named destination, from the catalog's /Dests and /Names. */
export async function inspectPdf(pdf: Uint8Array): Promise<PdfLayout> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOfRef = new Map<PDFRef, number>();
  doc.getPages().forEach((page, index) => pageOfRef.set(page.ref, index + 1));
  const destinations = new Map<string, number>();
  const record = (name: string, destination: PDFObject | undefined): void => {
    const ref = pageRefOf(destination, doc);
    const page = ref === undefined ? undefined : pageOfRef.get(ref);
    if (page !== undefined) destinations.set(decodeDestinationName(name), page);
  };
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    for (const [key, value] of dests.entries()) record(key.decodeText(), value);
  }
  const names = doc.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  if (tree instanceof PDFDict) walkNameTree(tree, record);
  return { pageCount: doc.getPageCount(), destinations };
}
