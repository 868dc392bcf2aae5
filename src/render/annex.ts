// Methodology annex: sources, checks and their findings, suppressed cells, generation facts.
import { formatDateFr } from '../shared/dates.js';
import { formatInteger } from '../shared/format.js';
import { escapeHtml } from './blocks.js';
import type { AnnexInfo } from './types.js';

const MAX_LISTED = 60;

export function renderAnnex(annex: AnnexInfo): string {
  const sources = annex.sources
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.file)}</td><td class="nombre">${formatInteger(s.rows)}</td><td>${escapeHtml(s.period)}</td></tr>`,
    )
    .join('');
  const checks =
    annex.checks.length === 0
      ? '<p>Aucune incohérence détectée par les contrôles.</p>'
      : `<table><thead><tr><th scope="col">Constat</th><th scope="col">Où</th></tr></thead><tbody>${annex.checks
          .slice(0, MAX_LISTED)
          .map((c) => `<tr><td>${escapeHtml(c.message)}</td><td>${escapeHtml(c.place)}</td></tr>`)
          .join('')}</tbody></table>${
          annex.checks.length > MAX_LISTED ? `<p class="note">… et ${formatInteger(annex.checks.length - MAX_LISTED)} autres constats (voir « rapport check »).</p>` : ''
        }`;
  const suppressed =
    annex.threshold === 0
      ? '<p>Le secret statistique est désactivé dans la configuration (seuil 0) : toutes les valeurs sont publiées.</p>'
      : annex.suppressed.length === 0
        ? `<p>Aucune valeur n'a dû être masquée (seuil : ${annex.threshold}).</p>`
        : `<p>Les effectifs compris entre 1 et ${annex.threshold - 1} sont affichés «\u00a0&lt;\u00a0${annex.threshold}\u00a0» ; lorsqu'un total est publié, une seconde case de la même ventilation est aussi masquée pour qu'on ne puisse pas retrouver la première par soustraction. ${formatInteger(annex.suppressed.length)} case${annex.suppressed.length > 1 ? 's' : ''} masquée${annex.suppressed.length > 1 ? 's' : ''} :</p><ul>${groupSuppressed(annex.suppressed)
            .map((line) => `<li>${escapeHtml(line)}</li>`)
            .join('')}</ul>`;
  const produced =
    annex.generatedAt === undefined
      ? `<p>Document produit par rapport ${escapeHtml(annex.version)}, logiciel libre de rapport d'activité. Il peut être reconstruit à l'identique à partir des mêmes fichiers de données et de la même configuration.</p>`
      : `<p>Document produit le ${formatDateFr(annex.generatedAt.toISOString().slice(0, 10))} par rapport ${escapeHtml(annex.version)}, logiciel libre de rapport d'activité.</p>`;
  return (
    '<h2>Sources</h2>' +
    '<p>Tous les chiffres de ce rapport sont calculés automatiquement à partir des fichiers ci-dessous ; aucun n\'est saisi à la main.</p>' +
    `<table class="court"><thead><tr><th scope="col">Fichier</th><th scope="col" class="nombre">Lignes utilisées</th><th scope="col">Période couverte</th></tr></thead><tbody>${sources}</tbody></table>` +
    '<h2>Contrôles de cohérence</h2>' +
    '<p>Les ventilations sont comparées à leurs totaux, les pourcentages bornés, les mois manquants et les doublons recherchés. Constats :</p>' +
    checks +
    '<h2>Secret statistique</h2>' +
    suppressed +
    '<h2>Production</h2>' +
    produced
  );
}

/** "Tests positifs (2025) : VIH, VHC, VHB" — one line per figure and year, long lists cut. */
function groupSuppressed(cells: AnnexInfo['suppressed']): string[] {
  const groups = new Map<string, string[]>();
  for (const cell of cells) {
    const [figure = cell.label, modalite = ''] = cell.label.split(' — ');
    const key = `${figure} (${cell.year})`;
    groups.set(key, [...(groups.get(key) ?? []), modalite]);
  }
  return [...groups].map(([key, modalites]) =>
    modalites.length > 8 ? `${key} : ${modalites.slice(0, 8).join(', ')}… (${modalites.length} cases)` : `${key} : ${modalites.join(', ')}`,
  );
}
