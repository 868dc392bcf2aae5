// The input data contract. These zod schemas are the single source of truth for the rows of
// every file: cell formats, required columns, synonyms of headers (in `.meta()`), the typed
// rows handed to the figures stage, and the JSON Schema shipped in `schemas/`.
import { z } from 'zod';
import {
  CellFailure,
  type CellResult,
  createCategoryMatcher,
  type CategoryDefinition,
  parseAmount,
  parseBoolean,
  parseCount,
  parseDate,
  parseIndicatorId,
  parseNumber,
  parsePersonCode,
  parsePositiveCount,
  parseText,
  parseYear,
} from './cells.js';
import { CRENEAU, DECISION, DEMANDE, DEPISTAGE, FORME, RESULTAT } from './categories.js';

export const DATASET_IDS = ['maraudes', 'trod', 'domiciliations', 'aides', 'indicateurs'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** Expected file name of each dataset (matched ignoring case, accents, `-` vs `_`). */
export const DATASET_FILES: Readonly<Record<DatasetId, string>> = {
  maraudes: 'maraudes.csv',
  trod: 'trod.csv',
  domiciliations: 'domiciliations.csv',
  aides: 'aides_financieres.csv',
  indicateurs: 'indicateurs.csv',
};

/** Column metadata read by the header matcher and the docs. */
export interface ColumnMeta {
  /** What the column holds, in French (docs and messages). */
  description: string;
  /** Other header keys accepted (already normalized, joiners removed). */
  synonyms?: readonly string[];
}

/** Per file and column: extra value synonyms from the config (`valeurs`), word → canonical. */
export type ValueSynonyms = Readonly<Partial<Record<DatasetId, Readonly<Record<string, Readonly<Record<string, string>>>>>>>;

/** A value the config adds to a closed list (`categories`), stored as its key (`VHA`, `immunise`). */
export interface AddedValue {
  label: string;
  synonyms: readonly string[];
  /** `trod.resultat` only: counted with the positive tests (default false). */
  positive: boolean;
  /** `trod.resultat` only: a result that says something, in the positivity-rate denominator (default true). */
  valid: boolean;
}

/** Per file and column: values added to the closed list by the config (`categories`), key → definition. */
export type CategoryExtensions = Readonly<Partial<Record<DatasetId, Readonly<Record<string, Readonly<Record<string, AddedValue>>>>>>>;

/**
 * Closed-list columns the config may extend. `demande` and `decision` drive the domiciliation
 * figures (first requests, renewals, refusals): a value outside them would have no meaning there.
 */
export const EXTENSIBLE_CATEGORIES: Readonly<Partial<Record<DatasetId, readonly string[]>>> = {
  maraudes: ['creneau'],
  trod: ['depistage', 'resultat'],
  aides: ['forme'],
};

/** A value of an extensible closed list: a built-in one, or one added by the config. */
export type OpenValue<V extends string> = V | (string & { readonly added?: never });

/** What the fast row validator needs of a column; derived from the zod field, never written twice. */
export interface FieldSpec extends ColumnMeta {
  readonly required: boolean;
  readonly parse: (raw: string) => CellResult<unknown>;
}

const FIELD_SPECS = new WeakMap<z.ZodType, FieldSpec>();

/**
 * A contract column: a zod schema from the raw cell text to the typed value. The same parse
 * function is recorded beside it so ingestion can validate millions of rows without paying
 * zod's per-object cost (measured 4 µs a row), while zod stays the one declaration.
 */
function field<T>(parse: (raw: string) => CellResult<T>, meta: ColumnMeta & { required: true }): z.ZodType<T, string>;
function field<T>(parse: (raw: string) => CellResult<T>, meta: ColumnMeta & { required?: false }): z.ZodType<T | undefined, string | undefined>;
function field<T>(parse: (raw: string) => CellResult<T>, meta: ColumnMeta & { required?: boolean }): z.ZodType {
  const required = meta.required === true;
  const base = z.string(REQUIRED).transform((raw, ctx): T => {
    const result = parse(raw);
    if (result instanceof CellFailure) {
      ctx.issues.push({ code: 'custom', message: result.expected, input: raw });
      return z.NEVER;
    }
    return result;
  });
  const schema = (required ? base : base.optional()).meta({ description: meta.description });
  FIELD_SPECS.set(schema, { required, parse, description: meta.description, synonyms: meta.synonyms ?? [] });
  return schema;
}

/** The columns of a row schema, in declaration order, with their parse functions. */
export function listFields(schema: z.ZodObject): { name: string; spec: FieldSpec }[] {
  const fields: { name: string; spec: FieldSpec }[] = [];
  for (const [name, member] of Object.entries(schema.shape)) {
    const spec = FIELD_SPECS.get(member as z.ZodType);
    if (spec) fields.push({ name, spec });
  }
  return fields;
}

const REQUIRED = { error: 'valeur obligatoire manquante' };
/** Header keys of a person-code column (besides `personne`); their values are never printed. */
// Tracking tools number people by file or user: `N° dossier`, `Code usager`.
export const PERSON_CODE_HEADERS: readonly string[] = [
  'code_personne', 'code', 'pseudo', 'code_anonyme', 'id_personne', 'identifiant', 'beneficiaire',
  'n_dossier', 'no_dossier', 'numero_dossier', 'dossier', 'code_usager', 'id_usager', 'numero_usager',
  // Tracking tools and CeGIDD-style registers: beneficiary and anonymity numbers.
  'n_usager', 'no_usager', 'code_beneficiaire', 'id_beneficiaire', 'numero_beneficiaire', 'n_beneficiaire',
  'code_patient', 'numero_anonymat', 'n_anonymat', 'code_anonymat', 'anonymat',
];
const person = (required: boolean) =>
  field(parsePersonCode, {
    required: required as false,
    description: 'code pseudonyme de la personne',
    synonyms: [...PERSON_CODE_HEADERS],
  });
const nombre = () =>
  field(parsePositiveCount, {
    description: "nombre d'événements identiques que la ligne représente (1 par défaut)",
    // Not `effectif`: in maraudes.csv it is the team size, and would multiply the sessions.
    synonyms: ['nb', 'quantite'],
  });
const genre = () => field(parseText, { description: 'genre déclaré (libellé libre)', synonyms: ['sexe', 'identite_genre', 'genre_declare', 'sexe_genre', 'genre_sexe'] });
const trancheAge = () =>
  field(parseText, { description: "tranche d'âge (libellé libre)", synonyms: ['age', 'classe_age', 'tranches_age', 'tranche', 'tranche_ages', 'classe_ages', 'categorie_age'] });
const requiredDate = (synonyms: string[]) =>
  field(parseDate, { required: true, description: 'date (jj/mm/aaaa, jj/mm/aa ou aaaa-mm-jj)', synonyms });

/** Builds the row schemas; `values` adds the config's value synonyms to the closed lists, `added` new values. */
export function createRowSchemas(values: ValueSynonyms = {}, added: CategoryExtensions = {}) {
  const category = <V extends string>(dataset: DatasetId, name: string, definition: CategoryDefinition<V>) =>
    createCategoryMatcher(definition, values[dataset]?.[name]);
  const openCategory = <V extends string>(dataset: DatasetId, name: string, definition: CategoryDefinition<V>) => {
    const extra = added[dataset]?.[name] ?? {};
    const merged: CategoryDefinition<OpenValue<V>> = {
      values: {
        ...(definition.values as Record<OpenValue<V>, { label: string; synonyms: readonly string[] }>),
        ...Object.fromEntries(Object.entries(extra).map(([value, { label, synonyms }]) => [value, { label, synonyms }])),
      },
    };
    // A value the list lacks (a test type, a result) is often real: say how to count it apart.
    const hint = `pour compter une autre valeur à part, déclarez-la dans rapport.yaml (categories → ${dataset} → ${name}, voir docs/configuration.md)`;
    return createCategoryMatcher(merged, values[dataset]?.[name], hint);
  };

  const maraudes = z.object({
    date: requiredDate(['date_maraude', 'date_sortie', 'date_passage', 'date_intervention', 'date_tournee', 'date_action']),
    site: field(parseText, {
      required: true,
      description: 'lieu de la maraude (libellé libre, regroupé sans tenir compte des majuscules ni des accents)',
      synonyms: [
        'lieu', 'secteur', 'emplacement', 'site_intervention', 'lieu_intervention',
        'lieu_passage', 'lieu_maraude', 'lieu_rencontre', 'lieu_tournee', 'site_maraude', 'point_passage',
      ],
    }),
    type: field(parseText, { description: 'type de maraude (santé, sociale, TROD…)', synonyms: ['type_maraude', 'type_action', 'action', 'type_intervention', 'type_sortie', 'type_tournee'] }),
    creneau: field(openCategory('maraudes', 'creneau', CRENEAU), {
      description: 'créneau : jour ou nuit',
      synonyms: ['horaire', 'plage_horaire', 'moment', 'periode', 'creneau_horaire', 'jour_nuit'],
    }),
    nombre: nombre(),
    /** Every other column: a counter summed into figures, keyed by normalized header. */
    compteurs: z.record(z.string(), field(parseCount, { required: true, description: 'compteur (entier positif ou nul)' })),
  });

  const trod = z.object({
    date: requiredDate(['date_test', 'date_depistage', 'date_trod', 'date_prelevement', 'date_realisation', 'date_action']),
    depistage: field(openCategory('trod', 'depistage', DEPISTAGE), {
      required: true,
      description: 'dépistage : VIH, VHC, VHB ou syphilis',
      synonyms: ['test', 'tests', 'type_test', 'type_depistage', 'depistages', 'type_trod', 'trod', 'depistage_realise', 'test_realise', 'pathologie', 'type_examen'],
    }),
    resultat: field(openCategory('trod', 'resultat', RESULTAT), {
      required: true,
      description: 'résultat : négatif, positif ou invalide (indéterminé compte comme invalide)',
      synonyms: ['resultats', 'resultat_test', 'resultat_trod', 'resultat_depistage'],
    }),
    lieu: field(parseText, { description: 'lieu du test', synonyms: ['site', 'lieu_test', 'structure', 'lieu_depistage', 'lieu_intervention', 'lieu_action', 'site_intervention'] }),
    personne: person(false),
    genre: genre(),
    tranche_age: trancheAge(),
    premier_depistage: field(parseBoolean, {
      description: 'premier dépistage de la personne (oui/non)',
      synonyms: ['premier_test', 'primo_depistage', 'jamais_depiste', '1er_depistage', 'premiere_fois'],
    }),
    orientation: field(parseBoolean, {
      description: 'résultat positif orienté vers la confirmation ou le soin (oui/non)',
      synonyms: ['oriente', 'orientee', 'orientation_soins', 'orientation_confirmation'],
    }),
    nombre: nombre(),
  });

  const domiciliations = z.object({
    personne: person(true) as z.ZodType<string, string>,
    date: requiredDate(['date_decision', 'date_demande', 'date_debut', 'date_election', 'date_domiciliation', 'date_election_domicile']),
    demande: field(category('domiciliations', 'demande', DEMANDE), {
      required: true,
      description: 'type de demande : première demande ou renouvellement',
      synonyms: ['type_demande', 'nature_demande', 'type'],
    }),
    decision: field(category('domiciliations', 'decision', DECISION), {
      description: 'décision : accord (par défaut) ou refus',
      synonyms: ['decision_prise', 'statut', 'avis'],
    }),
    motif_refus: field(parseText, { description: 'motif du refus', synonyms: ['motif', 'raison_refus'] }),
    date_fin: field(parseDate, {
      description: 'fin de validité (par défaut un an après la décision, moins un jour)',
      synonyms: ['fin_validite', 'date_fin_validite', 'date_expiration', 'echeance', 'fin'],
    }),
    date_radiation: field(parseDate, { description: 'date de radiation (fin anticipée)', synonyms: ['radiation'] }),
    motif_radiation: field(parseText, { description: 'motif de la radiation', synonyms: ['raison_radiation'] }),
    ayants_droit: field(parseCount, {
      description: "nombre d'ayants droit",
      synonyms: ['nb_ayants_droit', 'ayant_droit', 'ayants_droits', 'nombre_ayants_droit'],
    }),
    genre: genre(),
    tranche_age: trancheAge(),
    origine: field(parseText, {
      description: 'origine (pays ou continent, libellé libre)',
      synonyms: ['pays', 'pays_origine', 'continent', 'continent_origine', 'zone_origine', 'nationalite', 'origine_geographique', 'region_origine', 'pays_naissance'],
    }),
  });

  const aides = z.object({
    date: requiredDate(['date_aide', 'date_versement', 'date_attribution', 'date_paiement', 'date_remise']),
    nature: field(parseText, { required: true, description: "nature de l'aide (libellé libre)", synonyms: ['type_aide', 'nature_aide', 'type', 'objet'] }),
    montant: field(parseAmount, {
      required: true,
      description: 'montant en euros (total des aides de la ligne si `nombre` > 1)',
      synonyms: ['montant_en', 'montant_eur', 'montant_euros', 'somme', 'montant_total', 'montant_aide', 'montant_verse', 'montant_accorde'],
    }),
    personne: person(false),
    categorie: field(parseText, { description: 'catégorie regroupant les natures (sous-totaux)', synonyms: ['categorie_aide', 'rubrique', 'famille'] }),
    forme: field(openCategory('aides', 'forme', FORME), {
      description: 'forme : chèque de service, espèces, paiement électronique, virement, autre',
      synonyms: ['mode', 'mode_versement', 'moyen_paiement', 'modalite_versement', 'support', 'mode_paiement', 'moyen_versement', 'type_versement'],
    }),
    financeur: field(parseText, { description: "financeur de l'aide", synonyms: ['financement', 'financeurs', 'source_financement'] }),
    genre: genre(),
    tranche_age: trancheAge(),
    nombre: nombre(),
  });

  const indicateurs = z.object({
    indicateur: field(parseIndicatorId, {
      required: true,
      description: 'identifiant du chiffre, ex. accueil.personnes_accueillies',
      synonyms: ['id', 'code_indicateur', 'identifiant'],
    }),
    annee: field(parseYear, { required: true, description: 'année (aaaa)', synonyms: ['an', 'exercice'] }),
    valeur: field(parseNumber, { required: true, description: 'valeur (nombre)', synonyms: ['value', 'total', 'chiffre'] }),
    dimension: field(parseText, { description: 'dimension de la ventilation (vide pour un total)' }),
    modalite: field(parseText, { description: 'modalité de la ventilation (vide pour un total)', synonyms: ['modalites'] }),
    libelle: field(parseText, { description: 'libellé affiché', synonyms: ['label', 'intitule'] }),
    unite: field(parseText, { description: 'unité (personnes, €, %…)', synonyms: ['unites'] }),
  });

  return { maraudes, trod, domiciliations, aides, indicateurs } as const;
}

export type RowSchemas = ReturnType<typeof createRowSchemas>;
export type MaraudeRow = z.output<RowSchemas['maraudes']>;
export type TrodRow = z.output<RowSchemas['trod']>;
export type DomiciliationRow = z.output<RowSchemas['domiciliations']>;
export type AideRow = z.output<RowSchemas['aides']>;
export type IndicateurRow = z.output<RowSchemas['indicateurs']>;
export interface RowByDataset {
  maraudes: MaraudeRow;
  trod: TrodRow;
  domiciliations: DomiciliationRow;
  aides: AideRow;
  indicateurs: IndicateurRow;
}

/** Columns read but never used (free comments). */
export const IGNORED_COLUMNS: Readonly<Partial<Record<DatasetId, readonly string[]>>> = {
  maraudes: ['commentaire', 'commentaires', 'remarque', 'remarques', 'observations', 'observation', 'notes', 'note'],
  trod: ['commentaire', 'commentaires', 'remarque', 'remarques', 'observations'],
  domiciliations: ['commentaire', 'commentaires', 'remarque', 'remarques', 'observations'],
  aides: ['commentaire', 'commentaires', 'remarque', 'remarques', 'observations'],
  indicateurs: ['commentaire', 'commentaires', 'source', 'note', 'notes'],
};

/** Normalized headers that are personal identifiers: a file carrying one is refused. */
export const PERSONAL_COLUMNS: ReadonlySet<string> = new Set([
  'nom', 'prenom', 'nom_prenom', 'prenom_nom', 'nom_complet', 'nom_usage', 'nom_naissance', 'nom_famille', 'patronyme',
  'telephone', 'tel', 'portable', 'mobile', 'numero_telephone', 'num_tel', 'telephone_portable',
  'email', 'e_mail', 'mail', 'courriel', 'adresse_mail', 'adresse_email', 'adresse_electronique', 'adresse_e_mail',
  'adresse', 'adresse_postale', 'rue', 'code_postal_adresse',
  'date_naissance', 'naissance', 'ne_le', 'nee_le', 'annee_naissance', 'lieu_naissance',
  'nir', 'numero_securite_sociale', 'num_secu', 'secu', 'securite_sociale', 'numero_ss', 'no_secu',
  'numero_fiscal', 'passeport', 'numero_passeport', 'numero_titre_sejour', 'numero_agdref', 'agdref',
]);
