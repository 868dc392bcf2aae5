// Shared test helpers: one browser per test file, poppler tools on temp files, outline walk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { withBrowser } from '../../src/pdf/index.js';

/** Launches one browser for the whole file (through withBrowser, so it is closed the same way). */
export function useSharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  let release: (() => void) | undefined;
  let finished: Promise<void> | undefined;
  beforeAll(async () => {
    await new Promise<void>((ready, fail) => {
      finished = withBrowser(async (launched) => {
        browser = launched;
        ready();
        await new Promise<void>((resolve) => (release = resolve));
      });
      finished.catch(fail);
    });
  });
  afterAll(async () => {
    release?.();
    await finished;
  });
  return () => {
    if (browser === undefined) throw new Error('browser not launched');
    return browser;
  };
}

function withTempPdf<T>(pdf: Uint8Array, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pdf-test-'));
  try {
    const path = join(dir, 'out.pdf');
    writeFileSync(path, pdf);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of each page (pdftotext -layout), index 0 = page 1. */
export function pdfPagesText(pdf: Uint8Array): string[] {
  const text = withTempPdf(pdf, (path) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
  const pages = text.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** `pdfinfo` output as key → value. */
export function pdfInfo(pdf: Uint8Array): Map<string, string> {
  const text = withTempPdf(pdf, (path) => execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' }));
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** Font names listed by `pdffonts`. */
export function pdfFonts(pdf: Uint8Array): string {
  return withTempPdf(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
}

export interface OutlineEntry {
  title: string;
  depth: number;
}

/** Bookmarks in reading order, walking /Outlines → /First → /Next. */
export async function readOutline(pdf: Uint8Array): Promise<OutlineEntry[]> {
  const doc = await PDFDocument.load(pdf);
  const entries: OutlineEntry[] = [];
  const walk = (first: unknown, depth: number): void => {
    let node = first instanceof PDFDict ? first : undefined;
    while (node !== undefined) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) entries.push({ title: title.decodeText(), depth });
      walk(node.lookup(PDFName.of('First')), depth + 1);
      const next = node.lookup(PDFName.of('Next'));
      node = next instanceof PDFDict ? next : undefined;
    }
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines'));
  if (root instanceof PDFDict) walk(root.lookup(PDFName.of('First')), 0);
  return entries;
}

/** Live (non-zombie) processes whose process group is `pgid` (Linux /proc). */
export function livingProcessesInGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command: state, ppid, pgrp…
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(name));
    } catch {
      // The process ended while we were reading: not alive.
    }
  }
  return pids;
}

/**
 * Waits until `condition` holds: after SIGKILL, the helpers of a process group take a moment to
 * be reaped, longer on a loaded machine. No deadline of its own (that made the test flaky under
 * load): the test's timeout bounds it, and a process that never goes fails the test there.
 */
export async function waitUntil(condition: () => boolean): Promise<boolean> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
  return true;
}

/** Minimal HTML page with the given body and extra CSS. */
export function htmlDocument(body: string, css = '', title = 'Essai', lang: string | undefined = 'fr'): string {
  return `<!doctype html><html${lang === undefined ? '' : ` lang="${lang}"`}><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>${body}</body></html>`;
}

/** The XMP packet of the catalog's /Metadata stream, as text ('' when absent). */
export async function readXmp(pdf: Uint8Array): Promise<string> {
  const stream = (await PDFDocument.load(pdf)).catalog.lookup(PDFName.of('Metadata'));
  return stream instanceof PDFRawStream ? new TextDecoder().decode(stream.getContents()) : '';
}
