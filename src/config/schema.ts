// The `rapport.yaml` schema: the single declaration behind validation, the inferred types and
// the JSON Schema shipped in `schemas/` for editors (French descriptions come from `.meta`).
import { z } from 'zod';
import { INDICATOR_ID } from '../ingest/cells.js';
import { categoriesSchema, columnsSchema, filesSchema, valuesSchema } from './schema-data.js';
import { labelsSchema } from './schema-labels.js';
import { fundersSchema } from './schema-funders.js';
import { suggestClosest } from '../shared/suggest.js';

export const DEFAULT_ASSOCIATION_NAME = "Rapport d'activité";
/** A sober teal-blue: readable as text on white and as a tile background under white text. */
export const DEFAULT_COLOR = '#1f5f73';
export const DEFAULT_CONFIDENTIALITY_THRESHOLD = 3;
/** Sections shipped in `templates/`, usable by id in `sections` next to the association's files. */
export const BUILTIN_SECTION_IDS = ['chiffres-cles', 'maraudes', 'trod', 'domiciliations', 'aides', 'accueil'] as const;
export type BuiltinSectionId = (typeof BUILTIN_SECTION_IDS)[number];

const text = (description: string) => z.string().trim().min(1, { error: 'texte vide' }).meta({ description });

const MARKDOWN_FILE = /\.(?:md|MD|markdown)$/;

const markdownPath = z
  .string()
  .trim()
  .regex(MARKDOWN_FILE, { error: 'chemin d\'un fichier Markdown attendu (extension .md)' });

const indicatorId = z.string().regex(INDICATOR_ID, {
  error: 'identifiant de chiffre attendu, en minuscules sans accent (ex. maraudes.sessions)',
});

const association = z
  .strictObject({
    nom: text("Nom de l'association, en couverture et en pied de page.").default(DEFAULT_ASSOCIATION_NAME),
    sigle: text('Sigle ou nom court (ex. ASPA).').optional(),
    logo: z
      .string()
      .trim()
      .regex(/\.(?:png|PNG|jpe?g|JPE?G|svg|SVG)$/, { error: 'image PNG, JPG ou SVG attendue (extension .png, .jpg ou .svg)' })
      .optional()
      .meta({ description: 'Logo (PNG, JPG ou SVG), chemin relatif au fichier rapport.yaml.' }),
    couleur: z
      .string()
      .trim()
      .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'couleur attendue au format #RRGGBB (entre guillemets)' })
      .toLowerCase()
      .default(DEFAULT_COLOR)
      .meta({ description: 'Couleur principale (titres, graphiques), au format "#RRGGBB" entre guillemets.' }),
    adresse: text('Adresse postale du siège (une ou plusieurs lignes).').optional(),
    site_web: text('Site web (ex. www.association.fr).').optional(),
  })
  .prefault({})
  .meta({ description: "Identité de l'association." });

const edito = z
  .union([markdownPath, z.strictObject({ fichier: markdownPath, signature: text('Signataire (ex. « Marie Durand, présidente »).').optional() })], {
    error: 'chemin d\'un fichier Markdown, ou { fichier, signature }',
  })
  .transform((value) => (typeof value === 'string' ? { fichier: value, signature: undefined } : value))
  .meta({ description: "Éditorial en tête du rapport : fichier Markdown, ou { fichier, signature }." });

const isBuiltinSection = (value: string): value is BuiltinSectionId => (BUILTIN_SECTION_IDS as readonly string[]).includes(value);

/** One string for both forms, so a typo gets one message, with the closest built-in id. */
const sectionShorthand = z
  .string()
  .trim()
  .refine((value) => isBuiltinSection(value) || MARKDOWN_FILE.test(value), {
    error: (issue) => {
      const closest = suggestClosest(String(issue.input), BUILTIN_SECTION_IDS);
      return (
        `fichier .md ou modèle intégré attendu (${BUILTIN_SECTION_IDS.join(', ')}), ` +
        `reçu « ${String(issue.input)} »${closest === undefined ? '' : ` ; vouliez-vous dire « ${closest} » ?`}`
      );
    },
  })
  // What editors see: the same two forms, as JSON Schema can say them.
  .meta({ anyOf: [{ enum: [...BUILTIN_SECTION_IDS] }, { pattern: MARKDOWN_FILE.source }] });

const sectionEntry = z
  .union(
    [
      sectionShorthand,
      z.strictObject({
        famille: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9_]*$/, { error: 'préfixe de chiffres en minuscules, sans accent ni point (ex. sante pour les chiffres sante.*)' })
          .meta({ description: "Chapitre par défaut d'une famille de chiffres de indicateurs.csv : ses tuiles et ses tableaux (ex. sante pour sante.*)." }),
        titre: text('Titre du chapitre ; par défaut celui de « libelles », sinon le préfixe en clair.').optional(),
      }),
      z.strictObject({
        fichier: markdownPath,
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'identifiant en minuscules, chiffres et tirets (ex. presentation)' })
          .optional()
          .meta({ description: 'Identifiant de la section (option --section) ; par défaut celui de son en-tête, sinon le nom du fichier.' }),
      }),
    ],
    { error: `section attendue : un fichier .md, un modèle intégré (${BUILTIN_SECTION_IDS.join(', ')}), ou { famille: <préfixe> }` },
  )
  .transform((value) =>
    typeof value === 'string'
      ? isBuiltinSection(value)
        ? { kind: 'builtin' as const, id: value }
        : { kind: 'file' as const, fichier: value, id: undefined }
      : 'famille' in value
        ? { kind: 'famille' as const, id: value.famille, titre: value.titre }
        : { kind: 'file' as const, fichier: value.fichier, id: value.id },
  );

const organisation = (description: string) =>
  z
    .array(
      z
        .union([text('Nom.'), z.strictObject({ nom: text('Nom.'), role: text('Rôle ou objet du partenariat.').optional() })], {
          error: 'un nom, ou { nom, role }',
        })
        .transform((value) => (typeof value === 'string' ? { nom: value, role: undefined } : value)),
    )
    .default([])
    .meta({ description });

const multiAnswer = z
  .union(
    [
      z.string().trim().regex(/^(?:[a-z0-9_]+(?:\.[a-z0-9_]+)*:)?[^:]+$/, {
        error: '« indicateur:dimension » attendu (ex. accueil.motifs:motif), ou une dimension seule',
      }),
      z.strictObject({
        indicateur: indicatorId.optional().meta({ description: "Chiffre concerné ; absent : la dimension l'est pour tous les chiffres." }),
        dimension: text('Dimension à réponses multiples (colonne « dimension » de indicateurs.csv).'),
      }),
    ],
    { error: '« indicateur:dimension », une dimension seule, ou { indicateur, dimension }' },
  )
  .transform((value) => {
    if (typeof value !== 'string') return { indicateur: value.indicateur ?? null, dimension: value.dimension };
    const colon = value.indexOf(':');
    return colon < 0
      ? { indicateur: null, dimension: value }
      : { indicateur: value.slice(0, colon), dimension: value.slice(colon + 1).trim() };
  });

const objective = z
  .union(
    [
      z.number().nonnegative({ error: 'nombre positif ou nul attendu' }),
      z.strictObject({
        valeur: z.number().nonnegative({ error: 'nombre positif ou nul attendu' }).meta({ description: 'Valeur attendue.' }),
        libelle: text('Libellé dans le tableau des indicateurs (par défaut celui du chiffre).').optional(),
      }),
    ],
    { error: 'valeur attendue : un nombre, ou { valeur, libelle }' },
  )
  .transform((value) => (typeof value === 'number' ? { valeur: value, libelle: undefined } : value));

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "Adresse du schéma JSON, pour l'éditeur ; ignorée par rapport." }),
    association,
    annee: z
      .int({ error: 'année attendue : un nombre entier sur quatre chiffres, sans guillemets (ex. 2024)' })
      .min(2000, { error: 'année attendue entre 2000 et 2100' })
      .max(2100, { error: 'année attendue entre 2000 et 2100' })
      .optional()
      .meta({ description: 'Année du rapport ; par défaut la dernière année présente dans les données (--annee la remplace).' }),
    titre: text("Titre du document ; par défaut « Rapport d'activité <année> ».").optional(),
    edito: edito.optional(),
    sections: z
      .array(sectionEntry)
      .min(1, { error: 'liste vide : retirez la clé pour les sections par défaut' })
      .optional()
      .meta({
        description:
          'Chapitres, dans l\'ordre : fichiers Markdown (chemin, ou { fichier, id }) et modèles intégrés ' +
          `(${BUILTIN_SECTION_IDS.join(', ')}). Absent : un chapitre par fichier de données présent.`,
      }),
    fichiers: filesSchema,
    colonnes: columnsSchema,
    valeurs: valuesSchema,
    categories: categoriesSchema,
    libelles: labelsSchema,
    glossaire: z
      .record(z.string().trim().min(1, { error: 'sigle vide' }), text('Définition.'))
      .default({})
      .meta({ description: 'Sigles propres à l\'association → définition, ajoutés au glossaire intégré.' }),
    partenaires: organisation('Partenaires : noms, ou { nom, role }.'),
    financeurs: fundersSchema,
    confidentialite: z
      .strictObject({
        seuil: z
          .int({ error: 'nombre entier attendu' })
          .min(0, { error: 'nombre entier positif ou nul attendu (0 désactive le secret statistique)' })
          .default(DEFAULT_CONFIDENTIALITY_THRESHOLD)
          .meta({ description: 'Effectif en dessous duquel une case publiée est masquée (« < 3 ») ; 0 désactive.' }),
      })
      .prefault({})
      .meta({ description: 'Secret statistique des petits effectifs.' }),
    reponses_multiples: z
      .array(multiAnswer)
      .default([])
      .meta({
        description:
          'Ventilations dont la somme peut dépasser le total (une personne peut donner plusieurs réponses) : ' +
          '« indicateur:dimension », une dimension seule (tous les chiffres), ou { indicateur, dimension }.',
      }),
    objectifs: z
      .record(indicatorId, objective)
      .default({})
      .meta({ description: 'Forme courte : valeurs attendues par identifiant de chiffre, sans financeur (aide {{objectifs}}) ; par financeur : financeurs[].indicateurs.' }),
  })
  .meta({
    title: "Configuration du rapport d'activité (rapport.yaml)",
    description: 'Fichier facultatif, placé dans le dossier du projet. Toutes les clés sont facultatives.',
  });

/** What a `rapport.yaml` may contain, as written. */
export type ConfigFileInput = z.input<typeof configSchema>;
/** The file once validated: defaults applied, shorthands expanded, paths still as written. */
export type ParsedConfig = z.output<typeof configSchema>;
export type SectionEntry = NonNullable<ParsedConfig['sections']>[number];
