import type { Browser } from 'puppeteer-core';

/** Document properties written into the PDF (Info dictionary, XMP and catalog /Lang). */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: readonly string[];
  language: 'fr';
  /** Defaults to "rapport <version of this package>". */
  creator?: string;
  /** Defaults to now; the pipeline may pass a fixed date for reproducible builds. */
  creationDate?: Date;
}

/** 1-based page number on which each anchor (element id) lands. */
export type AnchorPages = Map<string, number>;

/** Returns the whole HTML document with the page numbers written in (e.g. in the sommaire). */
export type FillPageNumbers = (pages: AnchorPages) => string;

export interface RenderPdfOptions {
  /** Self-contained HTML: every resource inline (data: URIs); anything else is blocked. */
  html: string;
  metadata: PdfMetadata;
  /** Element ids whose page numbers are wanted (e.g. the section ids listed in the sommaire). */
  anchors?: readonly string[];
  /** When given, the document is printed again with the numbers filled in (needs `anchors`). */
  fill?: FillPageNumbers;
  /** Reuse a browser launched by `withBrowser` (one launch per build); otherwise one is launched. */
  browser?: Browser;
}

export interface RenderPdfResult {
  pdf: Uint8Array;
  pageCount: number;
  anchorPages: AnchorPages;
  /** URLs the page tried to load and that were refused (for debug output). */
  blockedRequests: string[];
}

/** One print of an HTML document by Chromium, before post-processing. */
export interface PrintResult {
  pdf: Uint8Array;
  blockedRequests: string[];
}
