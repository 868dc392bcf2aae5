// The figure catalogue: ids, French labels, units and breakdowns. Ids are a stable public
// contract (docs/chiffres.md): sections of the report and funders' tables refer to them.
import { CRENEAU, DECISION, DEMANDE, DEPISTAGE, FORME, RESULTAT } from '../ingest/categories.js';
import type { CategoryDefinition } from '../ingest/cells.js';
import { monthNameFr } from '../shared/dates.js';

/**
 * count: events summed; distinct: people or places counted once; amount: euros summed;
 * percent and average: derived, never summed.
 */
export type FigureKind = 'count' | 'distinct' | 'amount' | 'percent' | 'average';

export interface FigureDefinition {
  libelle: string;
  unite: string;
  kind: FigureKind;
  dimensions: readonly string[];
  /**
   * Subject to statistical secrecy in published outputs. Activity volumes (sessions, sites)
   * describe the association's work, not people, and are published as they are.
   */
  confidential: boolean;
  /** For a rate or an amount: the count cells it is computed from; suppressed with any of them. */
  base?: string | readonly string[];
}

const count = (libelle: string, unite: string, dimensions: readonly string[] = [], confidential = true): FigureDefinition => ({
  libelle,
  unite,
  kind: 'count',
  dimensions,
  confidential,
});
const distinct = (libelle: string, dimensions: readonly string[] = []): FigureDefinition => ({
  libelle,
  unite: 'personnes',
  kind: 'distinct',
  dimensions,
  confidential: true,
});

/** Separator of the two parts of a crossed dimension and of its modalites (`18-25 ans›Femme`). */
export const CROSS = '›';

const TROD_DIMENSIONS = ['depistage', 'resultat', 'lieu', 'genre', 'tranche_age', 'mois', `tranche_age${CROSS}genre`] as const;
const AIDES_DIMENSIONS = ['nature', 'categorie', 'forme', 'financeur', 'mois'] as const;
/** Breakdowns of every maraudes counter column (`maraudes.<colonne>`). */
export const COUNTER_DIMENSIONS = ['type', 'mois'] as const;

export const CATALOGUE: Readonly<Record<string, FigureDefinition>> = {
  'maraudes.sessions': count('Maraudes réalisées', 'maraudes', ['type', 'creneau', 'site', 'mois'], false),
  'maraudes.sites': { ...count('Sites visités', 'sites', [], false), kind: 'distinct' },
  'trod.tests': count('Tests rapides (TROD) réalisés', 'tests', TROD_DIMENSIONS),
  'trod.positifs': count('Tests positifs', 'tests', ['depistage']),
  'trod.invalides': count('Tests invalides', 'tests', ['depistage']),
  'trod.taux_positivite': {
    libelle: 'Taux de positivité',
    unite: '%',
    kind: 'percent',
    dimensions: ['depistage'],
    confidential: true,
    // A rate reveals its numerator as well as its denominator (tests − invalid ones): masked
    // whenever any of them is.
    base: ['trod.tests', 'trod.positifs', 'trod.invalides'],
  },
  'trod.personnes': distinct('Personnes dépistées'),
  'trod.positifs_orientes': count('Tests positifs orientés vers la confirmation ou le soin', 'tests', ['depistage']),
  'trod.premiers_depistages': count('Premiers dépistages', 'tests', ['depistage']),
  'domiciliations.premieres_demandes': count('Premières domiciliations accordées', 'décisions'),
  'domiciliations.renouvellements': count('Renouvellements de domiciliation accordés', 'décisions'),
  'domiciliations.refus': count('Refus de domiciliation', 'décisions', ['motif_refus']),
  'domiciliations.personnes': distinct('Personnes domiciliées', ['genre', 'tranche_age', 'origine', `tranche_age${CROSS}genre`, `tranche_age${CROSS}origine`]),
  'domiciliations.en_cours_fin_annee': distinct('Domiciliations en cours au 31 décembre'),
  'domiciliations.radiations': count('Radiations', 'radiations'),
  'domiciliations.ayants_droit': count('Ayants droit des personnes domiciliées', 'personnes'),
  'aides.nombre': count('Aides financières attribuées', 'aides', AIDES_DIMENSIONS),
  'aides.montant': { libelle: 'Montant des aides financières', unite: '€', kind: 'amount', dimensions: AIDES_DIMENSIONS, confidential: true, base: 'aides.nombre' },
  'aides.beneficiaires': distinct("Bénéficiaires d'aides financières"),
  'aides.nouveaux_beneficiaires': distinct("Nouveaux bénéficiaires d'aides financières"),
  'aides.montant_moyen': { libelle: "Montant moyen d'une aide", unite: '€', kind: 'average', dimensions: [], confidential: false },
};

/** Figure ids the maraudes counters may not take (they would shadow a catalogue figure). */
export const RESERVED_COUNTER_IDS: ReadonlySet<string> = new Set(['sessions', 'sites']);

/** `maraudes.<colonne>`, renamed `maraudes.compteur_<colonne>` when it would shadow a catalogue id. */
export function counterFigureId(counterId: string): string {
  return `maraudes.${RESERVED_COUNTER_IDS.has(counterId) ? `compteur_${counterId}` : counterId}`;
}

export interface DimensionDefinition {
  libelle: string;
  /** Closed list: modalites are canonical values, all listed (0 when absent). */
  category?: CategoryDefinition<string>;
}

export const DIMENSIONS: Readonly<Record<string, DimensionDefinition>> = {
  type: { libelle: 'Type' },
  creneau: { libelle: 'Créneau', category: CRENEAU },
  site: { libelle: 'Site' },
  mois: { libelle: 'Mois' },
  depistage: { libelle: 'Dépistage', category: DEPISTAGE },
  resultat: { libelle: 'Résultat', category: RESULTAT },
  lieu: { libelle: 'Lieu' },
  genre: { libelle: 'Genre' },
  tranche_age: { libelle: "Tranche d'âge" },
  motif_refus: { libelle: 'Motif du refus' },
  origine: { libelle: 'Origine' },
  nature: { libelle: 'Nature' },
  categorie: { libelle: 'Catégorie' },
  forme: { libelle: 'Forme', category: FORME },
  financeur: { libelle: 'Financeur' },
  demande: { libelle: 'Demande', category: DEMANDE },
  decision: { libelle: 'Décision', category: DECISION },
};

/** Modalite of the rows that leave a breakdown column empty, so that parts add up to the total. */
export const NOT_GIVEN = 'non_renseigne';
export const NOT_GIVEN_LABEL = 'Non renseigné';

/** Printed label of a modalite: `negatif` → `Négatif`, `2023-01` → `janvier 2023`. */
export function labelModalite(dimension: string, modalite: string): string {
  if (dimension.includes(CROSS)) {
    const dimensions = dimension.split(CROSS);
    return modalite
      .split(CROSS)
      .map((part, index) => labelModalite(dimensions[index] ?? '', part))
      .join(CROSS);
  }
  if (modalite === NOT_GIVEN) return NOT_GIVEN_LABEL;
  const category = DIMENSIONS[dimension]?.category;
  const entry = category?.values[modalite];
  if (entry) return entry.label;
  if (dimension === 'mois' && /^\d{4}-\d{2}$/.test(modalite)) {
    return `${monthNameFr(Number(modalite.slice(5, 7)))} ${modalite.slice(0, 4)}`;
  }
  return modalite;
}

const PERCENT_UNITS = new Set(['%', 'pourcent', 'pourcentage']);
const MONEY_UNITS = new Set(['€', 'euro', 'euros', 'eur']);

/** Figures whose value is a rate or a mean: never summed, no sum check, no "0 means new". */
export function isRatio(indicateur: string, unite: string): boolean {
  const kind = CATALOGUE[indicateur]?.kind;
  if (kind !== undefined) return kind === 'percent' || kind === 'average';
  return PERCENT_UNITS.has(unite.trim().toLowerCase());
}

export function isPercentUnit(unite: string): boolean {
  return PERCENT_UNITS.has(unite.trim().toLowerCase());
}

/**
 * Whether a breakdown cell falls under statistical secrecy: counts of people or events broken
 * down by a characteristic. Totals, months (time alone identifies nobody), amounts and rates
 * (suppressed with their base count instead) are not.
 */
export function isConfidentialCell(indicateur: string, dimension: string, unite: string): boolean {
  if (dimension === '' || dimension === 'mois') return false;
  const definition = CATALOGUE[indicateur];
  if (definition) return definition.confidential && (definition.kind === 'count' || definition.kind === 'distinct');
  const unit = unite.trim().toLowerCase();
  return !PERCENT_UNITS.has(unit) && !MONEY_UNITS.has(unit);
}

/**
 * Links between figures a reader can use to work out a hidden cell (statistical secrecy): the
 * same quantity published under two ids, and counts that are parts of another (positives are
 * some of the tests). Breakdowns adding up to their totals need no declaration.
 */
export type SecrecyLink =
  | { kind: 'same'; a: { indicateur: string; dimension?: string; modalite?: string }; b: { indicateur: string; dimension?: string; modalite?: string } }
  /** Σ parts ≤ whole, for the totals and for each cell of `dimension`. */
  | { kind: 'parts'; parts: readonly string[]; whole: string; dimension: string };

export const SECRECY_LINKS: readonly SecrecyLink[] = [
  { kind: 'same', a: { indicateur: 'trod.tests', dimension: 'resultat', modalite: 'positif' }, b: { indicateur: 'trod.positifs' } },
  { kind: 'same', a: { indicateur: 'trod.tests', dimension: 'resultat', modalite: 'invalide' }, b: { indicateur: 'trod.invalides' } },
  { kind: 'parts', parts: ['trod.positifs', 'trod.invalides'], whole: 'trod.tests', dimension: 'depistage' },
  { kind: 'parts', parts: ['trod.positifs_orientes'], whole: 'trod.positifs', dimension: 'depistage' },
  { kind: 'parts', parts: ['trod.premiers_depistages'], whole: 'trod.tests', dimension: 'depistage' },
];
