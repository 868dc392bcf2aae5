// One funder's bilan (issue 10) → a self-contained HTML document with the main report's look
// (font, colours, stylesheet, footer « X / Y »): a cover, the indicator tables, the funder's own
// sections (same helpers as the report's), then a short method note.
import { readFileSync } from 'node:fs';
import type { FunderBilan } from '../figures/funder-bilan-types.js';
import { COMPLEMENTARY_MARK } from '../shared/secrecy-marks.js';
import { escapeHtml } from './blocks.js';
import { renderFunderTables } from './funder-table.js';
import { derivePalette } from './palette.js';
import { cssString, loadFontFaces, renderSectionHtml } from './render-report.js';
import type { AssociationInfo, RenderInput, RenderWarning, SectionSource } from './types.js';

const TEMPLATES = new URL('../../templates/', import.meta.url);

export interface FunderBilanRenderInput {
  association: AssociationInfo;
  bilan: FunderBilan;
  /** The funder's own sections (bilan.sections), read by the config stage. */
  sections: readonly SectionSource[];
  /** Published figures, for the helpers of the funder's sections. */
  figures: RenderInput['figures'];
  drawChart: RenderInput['drawChart'];
  /** Version of rapport, for the method note and the generator meta. */
  version: string;
}

export interface RenderedFunderBilan {
  html: string;
  /** « Bilan ARS Île-de-France 2025 — Association Les Lucioles »: the PDF title. */
  title: string;
  /** Blocks of the funder's sections left out for lack of data. */
  warnings: RenderWarning[];
}

/** « ARS Île-de-France (financeur principal) ». */
function describeFunder(bilan: FunderBilan): string {
  return bilan.role ? `${bilan.nom} (${bilan.role})` : bilan.nom;
}

export function formatFunderBilanTitle(bilan: Pick<FunderBilan, 'nom' | 'year'>, association: string): string {
  return `Bilan ${bilan.nom} ${bilan.year} — ${association}`;
}

export async function renderFunderBilan(input: FunderBilanRenderInput): Promise<RenderedFunderBilan> {
  const { bilan, association } = input;
  const warnings: RenderWarning[] = [];
  const title = formatFunderBilanTitle(bilan, association.nom);
  const palette = derivePalette(association.couleur);
  const css = readFileSync(new URL('report.css', TEMPLATES), 'utf8') + readFileSync(new URL('funder-bilan.css', TEMPLATES), 'utf8');
  const footer = `${association.nom} — Bilan ${bilan.nom} ${bilan.year} — `;
  const head =
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="author" content="${escapeHtml(association.nom)}"><meta name="generator" content="rapport ${escapeHtml(input.version)}">` +
    `<style>${loadFontFaces()}\n${css}\n:root{--couleur:${palette.base};--couleur-fonce:${palette.dark};--couleur-clair:${palette.light};}` +
    `@page{@bottom-center{content:${cssString(footer)} counter(page) "\\202F/\\202F" counter(pages);}}` +
    '.alternative{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);}</style></head>';

  const chapters: string[] = [];
  const reference = bilan.convention ? ` de la convention ${escapeHtml(bilan.convention)}` : '';
  chapters.push(
    `<section class="chapitre indicateurs" id="indicateurs"><h1>Indicateurs ${bilan.year}</h1>` +
      `<p class="chapeau">Valeurs obtenues en ${bilan.year} pour les indicateurs${reference}, comparées aux valeurs attendues` +
      `${bilan.action ? ` pour l'action «\u00a0${escapeHtml(bilan.action)}\u00a0»` : ''}.</p>` +
      `${renderFunderTables(bilan, { headingLevel: 2 })}</section>`,
  );
  for (const section of input.sections) {
    const html = await renderSectionHtml(section, { figures: input.figures, drawChart: input.drawChart }, warnings);
    chapters.push(`<section class="chapitre" id="s-${escapeHtml(section.id)}"><h1>${escapeHtml(section.title)}</h1>${html}</section>`);
  }
  chapters.push(`<section class="chapitre methode" id="methode"><h1>Note méthodologique</h1>${renderMethodNote(bilan, input.version)}</section>`);
  return {
    html: `${head}<body class="bilan-financeur">${renderBilanCover(bilan, association)}${chapters.join('\n')}</body></html>`,
    title,
    warnings,
  };
}

function renderBilanCover(bilan: FunderBilan, association: AssociationInfo): string {
  const logo = association.logoDataUri ? `<img class="logo" src="${escapeHtml(association.logoDataUri)}" alt="Logo de ${escapeHtml(association.nom)}">` : '';
  const facts: [string, string | undefined][] = [
    ['Association', association.nom],
    ['Financeur', describeFunder(bilan)],
    ['Action financée', bilan.action],
    ['Convention', bilan.convention],
    ['Année', `du 1er janvier au 31 décembre ${bilan.year}`],
  ];
  const contact = [association.adresse, association.site_web].filter((x): x is string => Boolean(x)).map(escapeHtml).join(' · ');
  return (
    '<section class="couverture" aria-label="Couverture"><div class="bandeau">' +
    `${logo}<p class="nom">${escapeHtml(association.nom)}</p>` +
    `<p class="surtitre">Bilan des indicateurs</p><h1 class="titre">${escapeHtml(bilan.nom)}</h1>` +
    (bilan.action ? `<p class="action">${escapeHtml(bilan.action)}</p>` : '') +
    `<div class="annee">${bilan.year}</div></div><div class="filet"></div>` +
    `<dl class="references">${facts
      .filter((fact): fact is [string, string] => fact[1] !== undefined && fact[1] !== '')
      .map(([term, text]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(text)}</dd>`)
      .join('')}</dl>` +
    (contact ? `<div class="coordonnees">${contact}</div>` : '') +
    '</section>'
  );
}

function renderMethodNote(bilan: FunderBilan, version: string): string {
  const sources = bilan.sources
    .map((source) => `<tr><td>${escapeHtml(source.file)}</td><td>${escapeHtml(source.period)}</td></tr>`)
    .join('');
  const figures = bilan.rows
    .map((row) => {
      const cell = row.dimension && row.modalite ? `, ${row.dimension} «\u00a0${row.modalite}\u00a0»` : '';
      return `<tr><td>${escapeHtml(row.label)}</td><td><code>${escapeHtml(row.figureId)}</code>${escapeHtml(cell)}</td></tr>`;
    })
    .join('');
  const t = bilan.threshold;
  const secrecy =
    t === 0
      ? '<p>Le secret statistique est désactivé dans la configuration (seuil 0)\u00a0: toutes les valeurs sont publiées.</p>'
      : `<p>Les effectifs compris entre 1 et ${t - 1} sont affichés «\u00a0&lt;\u00a0${t}\u00a0»\u00a0; d'autres cases peuvent être masquées ` +
        `«\u00a0${COMPLEMENTARY_MARK}\u00a0» pour qu'aucune ne puisse être recalculée à partir des chiffres publiés. Les règles et les cases masquées ` +
        "sont exactement celles du rapport d'activité\u00a0: une valeur masquée n'est jamais comparée à sa cible (statut «\u00a0non disponible\u00a0»).</p>";
  return (
    '<h2>Sources et période</h2>' +
    `<p>Tous les chiffres de ce bilan sont calculés automatiquement à partir des fichiers d'activité de l'association, les mêmes que ceux de son rapport d'activité ${bilan.year}\u00a0; aucun n'est saisi à la main.</p>` +
    (sources
      ? `<table class="court"><thead><tr><th scope="col">Fichier</th><th scope="col">Période couverte</th></tr></thead><tbody>${sources}</tbody></table>`
      : '') +
    (figures
      ? `<table class="court chiffres-utilises"><thead><tr><th scope="col">Indicateur</th><th scope="col">Chiffre utilisé</th></tr></thead><tbody>${figures}</tbody></table>`
      : '') +
    `<h2>Confidentialité</h2>${secrecy}` +
    `<p class="production">Document produit par rapport ${escapeHtml(version)}, logiciel libre de rapport d'activité, avec le rapport d'activité ${bilan.year} de l'association.</p>`
  );
}
