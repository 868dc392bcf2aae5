// Printed labels of figures: the readable label built from an id when a file gives none, and the
// config's `libelles` (figure id → label) and `categories` (labels of added modalites), applied to
// every figure once, before the set is indexed, so that tiles, tables, charts and exports agree.
import type { CategoryExtensions } from '../ingest/index.js';
import { describeId } from '../shared/describe-id.js';
import { suggestClosest } from '../shared/suggest.js';
import { CATALOGUE } from './catalogue.js';
import type { Figure } from './types.js';

/**
 * `sante.entretiens_infirmiers` → `Entretiens infirmiers`, `sante.vaccinations_vhb` →
 * `Vaccinations VHB`; the family prefix is the chapter, not part of the label. An id without a
 * dot (`contacts`) gives `Contacts`. Common words get their accents back (shared/describe-id).
 */
export function buildReadableLabel(indicateur: string): string {
  const dot = indicateur.indexOf('.');
  const words = dot < 0 ? indicateur : indicateur.slice(dot + 1);
  return words.replace(/[._\s-]+/g, '') === '' ? indicateur : describeId(words);
}

/** `sante` for `sante.entretiens_infirmiers`; the id itself when it has no dot. */
export function familyOf(indicateur: string): string {
  const dot = indicateur.indexOf('.');
  return dot < 0 ? indicateur : indicateur.slice(0, dot);
}

/** Figure id → configured label; dimension → added modalite → label. */
export interface LabelOverrides {
  figures?: Readonly<Record<string, string>>;
  categories?: CategoryExtensions;
}

/** Dimension (figure side) → modalite → label, for every value added in `categories`. */
export function listAddedModalites(categories: CategoryExtensions = {}): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const columns of Object.values(categories)) {
    for (const [column, values] of Object.entries(columns ?? {})) {
      const labels = result.get(column) ?? new Map<string, string>();
      for (const [value, definition] of Object.entries(values)) labels.set(value, definition.label);
      result.set(column, labels);
    }
  }
  return result;
}

/** Rewrites labels in place (the figures are fresh objects of this run). */
export function applyLabelOverrides(figures: Figure[], overrides: LabelOverrides): void {
  const names = overrides.figures ?? {};
  const modalites = listAddedModalites(overrides.categories);
  if (Object.keys(names).length === 0 && modalites.size === 0) return;
  for (const figure of figures) {
    const name = names[figure.indicateur];
    if (name !== undefined) figure.libelle = name;
    const label = figure.dimension === '' ? undefined : modalites.get(figure.dimension)?.get(figure.modalite);
    if (label !== undefined) figure.libelleModalite = label;
  }
}

/**
 * Keys of `libelles` that name nothing: a figure id neither in the catalogue nor among the
 * figures of any year, or a family (key without a dot) no figure belongs to. Each comes with
 * the closest known id or family, for the message.
 */
export function findUnknownLabelKeys(
  keys: { figures: readonly string[]; families: readonly string[] },
  figures: readonly Pick<Figure, 'indicateur'>[],
): { key: string; kind: 'figure' | 'family'; closest: string | undefined }[] {
  const ids = new Set([...Object.keys(CATALOGUE), ...figures.map((f) => f.indicateur)]);
  const families = new Set([...ids].map(familyOf));
  const known = [...ids].sort();
  const knownFamilies = [...families].sort();
  return [
    ...keys.figures.filter((id) => !ids.has(id)).map((key) => ({ key, kind: 'figure' as const, closest: suggestClosest(key, known) })),
    ...keys.families.filter((id) => !families.has(id)).map((key) => ({ key, kind: 'family' as const, closest: suggestClosest(key, knownFamilies) })),
  ];
}
