// Methodology annex: sources, checks and their findings, suppressed cells, generation facts.
import { formatDateFr } from '../shared/dates.js';
import { formatInteger } from '../shared/format.js';
import { COMPLEMENTARY_MARK, formatMask } from '../shared/secrecy-marks.js';
import { boxTable, escapeHtml } from './blocks.js';
import type { AnnexInfo } from './types.js';
import { applyFrenchTypography } from './typography.js';

const MAX_LISTED = 60;

/** The annex with French spacing: its sentences are written in code, with plain spaces before « ; » and « : ». */
export function renderAnnex(annex: AnnexInfo): string {
  return applyFrenchTypography(renderAnnexText(annex));
}

function renderAnnexText(annex: AnnexInfo): string {
  const sources = annex.sources
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.file)}</td><td class="nombre">${formatInteger(s.rows)}</td><td>${escapeHtml(s.period)}</td></tr>`,
    )
    .join('');
  const checks =
    annex.checks.length === 0
      ? '<p>Aucune incohérence détectée par les contrôles.</p>'
      : `${boxTable(
          `<table><thead><tr><th scope="col">Constat</th><th scope="col">Où</th></tr></thead><tbody>${annex.checks
            .slice(0, MAX_LISTED)
            .map((c) => `<tr><td>${escapeHtml(c.message)}</td><td>${escapeHtml(c.place)}</td></tr>`)
            .join('')}</tbody></table>`,
          'Constats des contrôles de cohérence',
        )}${
          annex.checks.length > MAX_LISTED ? `<p class="note">… et ${formatInteger(annex.checks.length - MAX_LISTED)} autres constats (voir « rapport check »).</p>` : ''
        }`;
  const suppressed = annex.threshold === 0 ? '<p>Le secret statistique est désactivé dans la configuration (seuil 0) : toutes les valeurs sont publiées.</p>' : describeSecrecy(annex);
  const produced =
    annex.generatedAt === undefined
      ? `<p>Document produit par rapport ${escapeHtml(annex.version)}, logiciel libre de rapport d'activité. Il peut être reconstruit à l'identique à partir des mêmes fichiers de données et de la même configuration.</p>`
      : `<p>Document produit le ${formatDateFr(annex.generatedAt.toISOString().slice(0, 10))} par rapport ${escapeHtml(annex.version)}, logiciel libre de rapport d'activité.</p>`;
  return (
    '<h2>Sources</h2>' +
    '<p>Tous les chiffres de ce rapport sont calculés automatiquement à partir des fichiers ci-dessous ; aucun n\'est saisi à la main.</p>' +
    boxTable(
      `<table class="court"><thead><tr><th scope="col">Fichier</th><th scope="col" class="nombre">Lignes utilisées</th><th scope="col">Période couverte</th></tr></thead><tbody>${sources}</tbody></table>`,
      'Fichiers sources',
    ) +
    '<h2>Contrôles de cohérence</h2>' +
    '<p>Les ventilations sont comparées à leurs totaux, les pourcentages bornés, les mois manquants et les doublons recherchés. Constats :</p>' +
    checks +
    '<h2>Secret statistique</h2>' +
    suppressed +
    renderFunderBilansList(annex) +
    '<h2>Production</h2>' +
    produced
  );
}

/** Which funders' bilans were produced with this report, from the same figures. */
function renderFunderBilansList(annex: AnnexInfo): string {
  const bilans = annex.funderBilans ?? [];
  if (bilans.length === 0) return '';
  return (
    '<h2>Bilans des financeurs</h2>' +
    `<p>Produits avec ce rapport, à partir des mêmes chiffres et avec le même secret statistique (dossier de sortie)\u00a0:</p><ul>${bilans
      .map((b) => `<li>${escapeHtml(b.nom)}\u00a0: ${escapeHtml(b.pdf)} (PDF) et ${escapeHtml(b.csv)} (tableau CSV)</li>`)
      .join('')}</ul>`
  );
}

/** The method, then the hidden cells of year N with their marks. */
function describeSecrecy(annex: AnnexInfo): string {
  const t = annex.threshold;
  const small = `«\u00a0&lt;\u00a0${t}\u00a0»`;
  const method =
    `<p>Les effectifs compris entre 1 et ${t - 1} sont affichés ${small}. Pour qu'aucun ne puisse être recalculé à partir des chiffres publiés ` +
    '(totaux, sous-totaux des typologies, lignes et colonnes des tableaux croisés, même nombre publié sous un autre intitulé, comme les tests positifs), ' +
    `d'autres cases sont masquées et affichées «\u00a0${COMPLEMENTARY_MARK}\u00a0» : cette marque ne dit rien de la valeur, qui peut être grande ou nulle. ` +
    `Un taux ou un montant qui révélerait une case masquée est aussi affiché «\u00a0${COMPLEMENTARY_MARK}\u00a0». Les totaux ne sont jamais masqués ; ` +
    "une case égale à un total publié par ailleurs (par exemple les tests «\u00a0invalide\u00a0», égaux au total des tests invalides) est publiée : la masquer ne protégerait rien.</p>" +
    '<p>Le choix est vérifié comme le font les services statistiques : pour chaque case masquée, la plus petite et la plus grande valeur compatibles ' +
    'avec tous les chiffres publiés sont calculées (programmation linéaire) ; des cases sont ajoutées tant qu\'une case masquée n\'a qu\'une seule valeur possible.</p>';
  if (annex.suppressed.length === 0) return `${method}<p>Aucune valeur n'a dû être masquée (seuil : ${t}).</p>`;
  const count = annex.suppressed.length;
  return (
    `${method}<p>${formatInteger(count)} case${count > 1 ? 's' : ''} masquée${count > 1 ? 's' : ''} en ${annex.suppressed[0]?.year ?? ''} :</p><ul>` +
    groupSuppressed(annex.suppressed, t)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join('') +
    '</ul>'
  );
}

/** "Tests positifs (2025) : VIH « < 3 », syphilis « s »" — one line per figure and year, long lists cut. */
function groupSuppressed(cells: AnnexInfo['suppressed'], threshold: number): string[] {
  const groups = new Map<string, string[]>();
  for (const cell of cells) {
    const [figure = cell.label, modalite = ''] = cell.label.split(' — ');
    const key = `${figure} (${cell.year})`;
    const mark = formatMask(cell.reason, threshold);
    groups.set(key, [...(groups.get(key) ?? []), `${modalite} «\u00a0${mark}\u00a0»`]);
  }
  return [...groups].map(([key, modalites]) =>
    modalites.length > 8 ? `${key} : ${modalites.slice(0, 8).join(', ')}… (${modalites.length} cases)` : `${key} : ${modalites.join(', ')}`,
  );
}
