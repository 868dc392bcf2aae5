// Entry of the render stage: sections (Markdown + helpers) → one self-contained HTML document
// (fonts, charts and logo inline), with a sommaire whose page numbers the PDF stage fills.
import { readFileSync } from 'node:fs';
import { fontFiles } from '../charts/fonts.js';
import { renderAnnex } from './annex.js';
import { escapeHtml } from './blocks.js';
import { BUILT_IN_GLOSSARY, selectUsedAcronyms } from './glossary.js';
import { renderFundersIndicators } from './funder-table.js';
import { expandSection, type Placeholders } from './helpers.js';
import { renderMarkdown } from './markdown.js';
import { derivePalette } from './palette.js';
import type { RenderedReport, RenderInput, RenderWarning, SectionSource } from './types.js';

export type * from './types.js';

const TEMPLATES = new URL('../../templates/', import.meta.url);

let fontFaceCss: string | undefined;
export function loadFontFaces(): string {
  fontFaceCss ??= fontFiles()
    .map(
      (font) =>
        `@font-face{font-family:'${font.family}';font-weight:${font.weight};font-style:normal;` +
        `src:url(data:font/ttf;base64,${readFileSync(font.path).toString('base64')}) format('truetype');}`,
    )
    .join('\n');
  return fontFaceCss;
}

/** A valid, stable HTML id for a section. */
function anchorOf(id: string): string {
  return `s-${id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

/** A CSS string literal that cannot close the quote, the rule or the <style> element. */
export function cssString(text: string): string {
  return `"${[...text].map((char) => (/[\\"<>&\n\r]/.test(char) ? `\\${char.charCodeAt(0).toString(16)} ` : char)).join('')}"`;
}

interface Chapter {
  id: string;
  anchor: string;
  title: string;
  html: string;
  className: string;
}

export async function renderSectionHtml(
  section: SectionSource,
  input: Pick<RenderInput, 'figures' | 'objectives' | 'drawChart'>,
  warnings: RenderWarning[],
): Promise<string> {
  const placeholders: Placeholders = { html: [], charts: new Map() };
  const expanded = expandSection(section, input.figures, placeholders, input.objectives, warnings);
  for (const [index, spec] of placeholders.charts) {
    const chart = await input.drawChart(spec);
    placeholders.html[index] =
      // One text alternative, read once: the SVG's aria-label (also the PDF's /Alt). The caption
      // is the visible title; role="group" keeps the PDF's tags a /Div holding /Caption and /Figure.
      `<figure class="graphique" role="group"><figcaption>${escapeHtml(chart.title)}</figcaption>` +
      `<div class="svg">${chart.svg}</div></figure>`;
  }
  return renderMarkdown(expanded, placeholders);
}

export async function renderReport(input: RenderInput): Promise<RenderedReport> {
  const sections = input.onlySection ? input.sections.filter((s) => s.id === input.onlySection) : input.sections;
  const chapters: Chapter[] = [];
  const warnings: RenderWarning[] = [];
  if (input.edito && !input.onlySection) {
    const edito: SectionSource = { id: 'edito', title: 'Édito', file: input.edito.file, body: input.edito.body, bodyLine: input.edito.bodyLine };
    const signature = input.edito.signature ? `<p class="signature">${escapeHtml(input.edito.signature)}</p>` : '';
    chapters.push({ id: 'edito', anchor: 'edito', title: 'Édito', html: (await renderSectionHtml(edito, input, warnings)) + signature, className: 'edito' });
  }
  for (const section of sections) {
    chapters.push({ id: section.id, anchor: anchorOf(section.id), title: section.title, html: await renderSectionHtml(section, input, warnings), className: '' });
  }
  if (!input.onlySection && (input.partners.length > 0 || input.funders.length > 0)) {
    const list = (items: string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    const html =
      (input.funders.length > 0 ? `<h2>Nos financeurs</h2><p>Nous remercions chaleureusement celles et ceux qui ont financé nos actions en ${input.year} :</p>${list(input.funders)}` : '') +
      renderFundersIndicators(input.funderBilans ?? []) +
      (input.partners.length > 0 ? `<h2>Nos partenaires</h2>${list(input.partners)}` : '');
    chapters.push({ id: 'partenaires', anchor: 'partenaires', title: 'Partenaires et remerciements', html, className: '' });
  }
  if (!input.onlySection) {
    chapters.push({ id: 'annexe-methodologique', anchor: 'annexe-methodologique', title: 'Annexe méthodologique', html: renderAnnex(input.annex), className: 'annexe' });
    const bodyHtml = chapters.map((c) => c.html).join('\n');
    const glossary = selectUsedAcronyms({ ...BUILT_IN_GLOSSARY, ...input.glossary }, bodyHtml);
    if (glossary.length > 0) {
      const html = `<dl class="glossaire">${glossary.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
      chapters.push({ id: 'glossaire', anchor: 'glossaire', title: 'Glossaire', html, className: 'annexe' });
    }
  }

  // The footer and the document title name the association once: not again when the title
  // already holds its name, wherever (« Rapport d'activité 2025 de l'association X »).
  const named = !titleHoldsName(input.title, input.association.nom);
  const documentTitle = named ? `${input.association.nom} — ${input.title}` : input.title;
  const footer = input.onlySection ? `${documentTitle} — ${sections[0]?.title ?? ''} — ` : `${documentTitle} — `;
  const palette = derivePalette(input.association.couleur);
  const css =
    readFileSync(new URL('report.css', TEMPLATES), 'utf8') +
    // The funders' indicator tables (issue 10) have a stylesheet of their own.
    ((input.funderBilans ?? []).length > 0 && !input.onlySection ? readFileSync(new URL('funder-bilan.css', TEMPLATES), 'utf8') : '');
  const head =
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(documentTitle)}</title>` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="author" content="${escapeHtml(input.association.nom)}"><meta name="generator" content="rapport ${escapeHtml(input.annex.version)}">` +
    // screen.css: the web page's layout, all inside @media screen (the PDF is printed with report.css alone).
    `<style>${loadFontFaces()}\n${css}\n${readFileSync(new URL('screen.css', TEMPLATES), 'utf8')}\n:root{--couleur:${palette.base};--couleur-fonce:${palette.dark};--couleur-clair:${palette.light};}` +
    `@page{@bottom-center{content:${cssString(footer)} counter(page) "\\202F/\\202F" counter(pages);}}</style></head>`;

  const cover = input.onlySection ? '' : renderCover(input);
  const header = input.onlySection ? `<div class="entete-section">${escapeHtml(documentTitle)} — section « ${escapeHtml(sections[0]?.title ?? '')} »</div>` : '';
  const listed = chapters;
  const sommaire = (pages: Map<string, number> | undefined) =>
    input.onlySection
      ? ''
      : '<nav class="chapitre sommaire" aria-label="Sommaire"><h1>Sommaire</h1><ol>' +
        listed
          .map(
            (c) =>
              `<li class="${c.className === 'annexe' ? 'annexe' : ''}"><a href="#${c.anchor}"><span class="titre-entree">${escapeHtml(c.title)}</span></a>` +
              `<span class="points"></span><span class="page">${pages?.get(c.anchor) ?? '\u2007\u2007'}</span></li>`,
          )
          .join('') +
        '</ol></nav>';
  const body = chapters
    .map((c) => `<section class="chapitre ${c.className}" id="${c.anchor}"><h1>${escapeHtml(c.title)}</h1>${c.html}</section>`)
    .join('\n');
  const assemble = (pages: Map<string, number> | undefined) =>
    `${head}<body class="${input.onlySection ? 'section-seule' : ''}">${cover}${header}${sommaire(pages)}<main>${body}</main></body></html>`;
  return {
    html: assemble(undefined),
    anchors: listed.map((c) => c.anchor),
    fill: (pages) => assemble(pages),
    entries: listed.map((c) => ({ id: c.anchor, title: c.title })),
    warnings,
  };
}

/** True when `title` already names the association (case and accents ignored). */
export function titleHoldsName(title: string, name: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
  return fold(name) !== '' && fold(title).includes(fold(name));
}

function renderCover(input: RenderInput): string {
  const association = input.association;
  const logo = association.logoDataUri ? `<img class="logo" src="${escapeHtml(association.logoDataUri)}" alt="Logo de ${escapeHtml(association.nom)}">` : '';
  const contact = [association.adresse, association.site_web].filter((x): x is string => Boolean(x)).map(escapeHtml).join(' · ');
  const [titleWithoutYear] = input.title.split(String(input.year));
  const themes = input.sections
    .filter((s) => !['chiffres-cles', 'presentation', 'perspectives'].includes(s.id))
    .map((s) => escapeHtml(s.title))
    .join(' · ');
  return (
    '<section class="couverture" aria-label="Couverture"><div class="bandeau">' +
    `${logo}${titleHoldsName(input.title, association.nom) ? '' : `<p class="nom">${escapeHtml(association.nom)}</p>`}` +
    `<h1 class="titre">${escapeHtml((titleWithoutYear ?? input.title).trim() || input.title)}</h1>` +
    `<div class="annee">${input.year}</div></div><div class="filet"></div>` +
    (themes ? `<p class="themes">${themes}</p>` : '') +
    (contact ? `<div class="coordonnees">${contact}</div>` : '') +
    '</section>'
  );
}
