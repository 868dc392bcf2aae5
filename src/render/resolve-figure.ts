// Resolves the arguments of a section helper to published figures, with build errors that name
// the section file and line and suggest the closest id, dimension or modalite.
import { CATALOGUE } from '../figures/catalogue.js';
import { DATASET_FILES } from '../ingest/contract.js';
import { suggestClosest } from '../shared/suggest.js';
import { RenderError, UsageError } from '../shared/errors.js';
import type { PublishedValue, ReportFigures, SectionSource } from './types.js';

/** Hash keys of helpers that are options, not dimension filters. */
export const RESERVED_KEYS = new Set(['annee', 'titre', 'type', 'par', 'selon', 'sur', 'groupe', 'montant', 'unite', 'limite', 'libelle', 'optionnel', 'non_nul', 'sauf', 'comparable']);

export interface HelperLocation {
  section: SectionSource;
  /** Line inside the section body (from Handlebars' `loc`), 1-based. */
  line: number;
}

export function failAt(location: HelperLocation, message: string, hint?: string): never {
  const line = location.section.bodyLine + location.line - 1;
  const { section } = location;
  if (section.builtin !== undefined) {
    throw new RenderError(`chapitre intégré « ${section.id} » (${section.file}, ligne ${line}) : ${message} — avec ${section.builtin}`, {
      hint:
        `ce n'est pas une erreur de vos fichiers mais de rapport, avec ces données : signalez-la avec ce message. En attendant, ` +
        `choisissez une autre année (--annee) ou remplacez « ${section.id} » dans « sections » de rapport.yaml par votre propre section`,
    });
  }
  throw new UsageError(`${location.section.file}, ligne ${line} : ${message}`, {
    hint: hint ?? 'corrigez la section puis relancez la construction (la liste des chiffres est dans docs/chiffres.md)',
  });
}

function suggestion(word: string, known: readonly string[]): string {
  const closest = suggestClosest(word, known);
  return closest ? ` — vouliez-vous dire « ${closest} » ?` : '';
}

export function checkFigureId(figures: ReportFigures, id: unknown, location: HelperLocation): string {
  if (typeof id !== 'string' || id === '') failAt(location, 'identifiant de chiffre manquant (ex. {{chiffre "trod.tests"}})');
  if (!figures.ids().includes(id)) {
    // A catalogue figure whose file is absent this year is not a typo: say what is missing.
    if (CATALOGUE[id] !== undefined) {
      failAt(
        location,
        `aucune donnée pour le chiffre « ${id} » : le fichier ${DATASET_FILES[id.split('.')[0] as keyof typeof DATASET_FILES] ?? id.split('.')[0]} est absent ou n'a aucune ligne valide`,
        `ajoutez le fichier, ou placez ce passage dans un bloc {{#si "${id}"}} … {{/si}} pour qu'il disparaisse sans données (docs/sections.md)`,
      );
    }
    failAt(location, `chiffre inconnu « ${id} »${suggestion(id, figures.ids())}`);
  }
  return id;
}

export function checkDimension(figures: ReportFigures, id: string, dimension: unknown, location: HelperLocation): string {
  if (typeof dimension !== 'string' || dimension === '') failAt(location, `ventilation manquante pour « ${id} » (ex. par="mois")`);
  const known = figures.dimensions(id);
  if (!known.includes(dimension)) {
    failAt(
      location,
      `le chiffre « ${id} » n'a pas de ventilation « ${dimension} »${suggestion(dimension, known)}`,
      known.length > 0 ? `ventilations disponibles : ${known.join(', ')}` : `« ${id} » n'a pas de ventilation`,
    );
  }
  return dimension;
}

function yearOf(figures: ReportFigures, hash: Record<string, unknown>, location: HelperLocation): number {
  const raw = hash.annee;
  if (raw === undefined) return figures.year;
  const year = Number(raw);
  if (!Number.isInteger(year)) failAt(location, `année invalide « ${String(raw)} »`);
  return year;
}

/** The figure named by `id` and an optional `dimension="modalite"` filter of the hash. */
export function resolveValue(
  figures: ReportFigures,
  idArgument: unknown,
  hash: Record<string, unknown>,
  location: HelperLocation,
): PublishedValue {
  const id = checkFigureId(figures, idArgument, location);
  const year = yearOf(figures, hash, location);
  const filters = Object.entries(hash).filter(([key]) => !RESERVED_KEYS.has(key));
  if (filters.length > 1) failAt(location, `une seule ventilation à la fois pour « ${id} » (reçu ${filters.map(([k]) => k).join(', ')})`);
  const [filter] = filters;
  if (filter === undefined) {
    const total = figures.get(id, year);
    if (!total) failAt(location, `pas de valeur de « ${id} » pour ${year}`);
    return total;
  }
  const dimension = checkDimension(figures, id, filter[0], location);
  const modalite = String(filter[1]);
  const cell = figures.get(id, year, dimension, modalite);
  if (cell) return cell;
  // An absent cell of an existing breakdown is a true zero only when the modalite is known some year.
  const known = figures.breakdown(id, dimension, year).map((value) => value.modalite);
  const match = known.find((m) => m.localeCompare(modalite, 'fr', { sensitivity: 'base' }) === 0);
  if (match !== undefined) return figures.get(id, year, dimension, match) as PublishedValue;
  failAt(
    location,
    `modalité « ${modalite} » inconnue pour « ${id} » par ${dimension} en ${year}${suggestion(modalite, known)}`,
    known.length > 0 ? `modalités présentes : ${known.join(', ')}` : undefined,
  );
}

export function resolveYear(figures: ReportFigures, hash: Record<string, unknown>, location: HelperLocation): number {
  return yearOf(figures, hash, location);
}
