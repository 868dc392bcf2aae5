// The wide form of indicateurs.csv, as annual reports print their tables: one row per figure,
// one column per year (`indicateur;libelle;2022;2023`). Each row becomes one long-format row per
// year with a value, so everything after the header (cells, rules, figures) is shared.
import { counterKey, headerKey, normalizeHeader } from '../shared/normalize.js';
import type { FieldSpec } from './contract.js';
import type { HeaderProblem } from './map-headers.js';

/** `2023`, `Année 2023`, `Exercice 2023`, `2023 (réalisé)`. */
const YEAR_HEADER = /^(?:annee_|an_|exercice_)?((?:19|20)\d{2})(?:_([a-z0-9_]+))?$/;
/** `2024 (objectif)`, `Prévu 2024`: expected values, not figures (they go in `objectifs`). */
const NOT_ACTUAL = /(?:^|_)(?:objectifs?|prevus?|prevue?s?|previsionnel(?:le)?s?|attendus?|budget|cibles?|estimes?|estimation)(?:_|$)/;

export interface WideLayout {
  /** Year columns: physical index, year, header as written. */
  years: { index: number; year: number; header: string }[];
  /** Physical indexes of the other columns, in order. */
  kept: number[];
  problems: HeaderProblem[];
  /**
   * A table copied from a printed report has labels, no ids (`Indicateurs;2022;2023`): the
   * physical index of the label column, whose text gives each row's id (`indicateurs.contacts`).
   */
  labels?: { index: number; asLibelle: boolean };
}

/** Family of the figures of a label-only table (docs/donnees.md); `libelles` can title it. */
export const LABEL_TABLE_FAMILY = 'indicateurs';

/** `Personnes accueillies` → `indicateurs.personnes_accueillies`. */
export function deriveIndicatorId(label: string): string {
  const key = counterKey(label);
  return key === '' ? '' : `${LABEL_TABLE_FAMILY}.${key}`;
}

/** Year of a year-named header, or undefined. */
export function readYearHeader(header: string): { year: number; actual: boolean } | undefined {
  const normalized = normalizeHeader(header);
  const match = YEAR_HEADER.exec(normalized);
  if (!match) {
    // `Prévu 2024`, `Objectif 2024`: the year comes last.
    const trailing = /^([a-z_]+)_((?:19|20)\d{2})$/.exec(normalized);
    return trailing && NOT_ACTUAL.test(trailing[1] ?? '') ? { year: Number(trailing[2]), actual: false } : undefined;
  }
  return { year: Number(match[1]), actual: match[2] === undefined || !NOT_ACTUAL.test(match[2]) };
}

/**
 * The wide layout of a header row, or undefined for the long form: at least one year column and
 * no column read as `annee` or `valeur` (a file with both is long, its year columns unknown).
 */
export function detectWideLayout(headers: readonly string[], fields: readonly { name: string; spec: FieldSpec }[]): WideLayout | undefined {
  const longKeys = new Set(
    fields.filter((f) => f.name === 'annee' || f.name === 'valeur').flatMap((f) => [f.name, ...(f.spec.synonyms ?? [])].map(headerKey)),
  );
  if (headers.some((header) => longKeys.has(headerKey(header)))) return undefined;
  const layout: WideLayout = { years: [], kept: [], problems: [] };
  const seen = new Map<number, string>();
  headers.forEach((header, index) => {
    const year = readYearHeader(header);
    if (year === undefined) {
      layout.kept.push(index);
      return;
    }
    if (!year.actual) {
      layout.problems.push({
        code: 'colonne_annee_ignoree',
        column: header,
        message: `colonne « ${header} » ignorée : une valeur attendue n'est pas un chiffre réalisé (mettez-la dans « objectifs » de rapport.yaml)`,
        fatal: false,
      });
      return;
    }
    const previous = seen.get(year.year);
    if (previous !== undefined) {
      layout.problems.push({
        code: 'colonne_en_double',
        column: header,
        message: `les colonnes « ${previous} » et « ${header} » donnent toutes deux l'année ${year.year} : gardez-en une seule`,
        fatal: true,
      });
      return;
    }
    seen.set(year.year, header);
    layout.years.push({ index, year: year.year, header });
  });
  if (layout.years.length === 0) return undefined;
  // No id column: the rows are named by their labels, as in a printed table.
  const keysOf = (name: string) => fields.filter((f) => f.name === name).flatMap((f) => [f.name, ...(f.spec.synonyms ?? [])].map(headerKey));
  const idKeys = new Set(keysOf('indicateur'));
  if (!layout.kept.some((index) => idKeys.has(headerKey(headers[index] ?? '')))) {
    const libelleKeys = new Set(keysOf('libelle'));
    const others = new Set(['dimension', 'modalite', 'unite'].flatMap(keysOf));
    const libelle = layout.kept.find((index) => libelleKeys.has(headerKey(headers[index] ?? '')));
    const first = layout.kept.find((index) => !others.has(headerKey(headers[index] ?? '')));
    const index = libelle ?? first;
    if (index !== undefined) layout.labels = { index, asLibelle: libelle === undefined };
  }
  return layout;
}

/** Header row seen by the long-form mapping: the other columns, then `annee` and `valeur`. */
export function listLongHeaders(layout: WideLayout, headers: readonly string[]): string[] {
  const kept = layout.kept.map((index) => (layout.labels?.asLibelle === true && index === layout.labels.index ? 'libelle' : (headers[index] ?? '')));
  return [...kept, 'annee', 'valeur', ...(layout.labels === undefined ? [] : ['indicateur'])];
}

/** One long record per year column with a value (an empty cell: no value that year). */
export function expandWideRecord(layout: WideLayout, record: readonly string[]): { record: string[]; header: string }[] {
  const base = layout.kept.map((index) => record[index] ?? '');
  const id = layout.labels === undefined ? undefined : deriveIndicatorId(record[layout.labels.index] ?? '');
  const result: { record: string[]; header: string }[] = [];
  for (const { index, year, header } of layout.years) {
    const cell = (record[index] ?? '').trim();
    if (cell !== '') result.push({ record: [...base, String(year), cell, ...(id === undefined ? [] : [id])], header });
  }
  return result;
}

/** The columns without which indicateurs.csv is neither long nor wide. */
const LONG_COLUMNS = ['indicateur', 'annee', 'valeur'];

/**
 * An indicateurs.csv neither long nor wide (a table with the years as rows, or no year at all):
 * one message describing both accepted forms with an example, instead of three missing columns.
 */
export function explainIndicatorShape(headers: readonly string[], columns: Readonly<Record<string, string>>, problems: HeaderProblem[]): HeaderProblem[] {
  const missing = problems.filter((p) => p.code === 'colonne_manquante' && LONG_COLUMNS.includes(p.column ?? ''));
  if (missing.length === 0) return problems;
  const read = headers.filter((h) => h.trim() !== '').map((h) => `« ${h} »`).join(', ');
  const yearRows = columns.annee !== undefined && columns.valeur === undefined;
  const lines = [
    `forme du fichier non reconnue : il manque ${missing.length > 1 ? 'les colonnes' : 'la colonne'} ${missing.map((p) => p.column).join(', ')} ` +
      `(en-têtes lus : ${read}). Deux formes sont acceptées :`,
    '  - forme longue, une ligne par chiffre et par année :',
    '        indicateur;annee;valeur;libelle',
    "        accueil.personnes_accueillies;2024;752;Personnes accueillies",
    '  - forme large, comme un tableau imprimé : une ligne par chiffre, une colonne par année (en-tête 2024, « Année 2024 »…) :',
    '        Indicateurs;2023;2024',
    '        Personnes accueillies;571;752',
  ];
  if (yearRows) {
    lines.push(
      `  Ici les années sont en lignes (colonne « ${columns.annee} ») et les chiffres en colonnes : transposez le tableau ` +
        '(dans le tableur : Copier, puis Collage spécial → Transposer) pour avoir une colonne par année.',
    );
  }
  lines.push('  Voir docs/donnees.md, section 8.');
  // The file is refused as a whole: a warning per column it does not know would only add noise.
  const rest = problems.filter((p) => !missing.includes(p) && p.code !== 'colonne_inconnue');
  return [...rest, { code: 'forme_non_reconnue', message: lines.join('\n'), fatal: true }];
}
