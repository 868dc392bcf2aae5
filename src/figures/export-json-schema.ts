// The document `rapport chiffres --format json` writes (version 1), as a zod schema: the single
// source of its TypeScript type (formatFiguresJson builds a `ChiffresJson`) and of
// schemas/chiffres.schema.json. Strict objects: an undocumented field fails to compile.
import { z } from 'zod';

const year = z.number().int();
const maskReason = z
  .enum(['seuil', 'secondaire', 'associee'])
  .describe('seuil : effectif sous le seuil ; secondaire : case masquée pour ne pas laisser recalculer une autre ; associee : taux ou montant qui révélerait un effectif masqué');

const evolutionSchema = z
  .strictObject({
    precedent: z.number().describe('valeur de N−1'),
    absolue: z.number().describe('N − (N−1), dans l\'unité du chiffre (points pour un pourcentage)'),
    relative: z.union([z.number(), z.literal('nouveau')]).describe('évolution en pourcentage (65.2 pour +65,2 %), ou « nouveau » quand N−1 vaut 0'),
  })
  .describe("évolution par rapport à N−1 ; absente quand l'une des deux cases est masquée");

const figureSchema = z
  .strictObject({
    indicateur: z.string().describe('identifiant stable, par ex. trod.tests (catalogue : docs/chiffres.md)'),
    annee: year,
    dimension: z.string().describe('vide pour un total ; sinon la ventilation (depistage, genre, mois…)'),
    modalite: z.string().describe('vide pour un total ; sinon la case de la ventilation'),
    valeur: z.union([z.number(), z.string()]).describe('le nombre ; pour une case masquée, sa marque (« < 3 » ou « s »)'),
    unite: z.string().describe('personnes, tests, aides, €, %…'),
    libelle: z.string().describe('libellé du chiffre'),
    libelle_modalite: z.string().optional().describe('libellé de la modalité (Négatif, janvier 2024, Non renseigné)'),
    masque: maskReason.optional().describe('raison du masquage, pour une case masquée'),
    source: z.string().describe('fichier d\'origine ; « fichier:ligne » pour un chiffre lu dans indicateurs.csv'),
    evolution: evolutionSchema.optional(),
    serie: z
      .array(z.strictObject({ annee: year, valeur: z.number() }))
      .optional()
      .describe("valeurs des trois dernières années (année N seulement), de la plus ancienne à N, sans les cases masquées"),
  })
  .describe('un chiffre (une ligne de l\'export CSV)');

const suppressedSchema = z
  .strictObject({
    indicateur: z.string(),
    annee: year,
    dimension: z.string(),
    modalite: z.string(),
    libelle: z.string(),
    libelleModalite: z.string(),
    raison: maskReason,
  })
  .describe('une case masquée (sans sa valeur)');

const findingSchema = z
  .strictObject({
    code: z.string().describe('code stable du constat, par ex. mois_manquant'),
    gravite: z.enum(['info', 'warning']),
    fichier: z.string(),
    lignes: z.array(z.number().int().min(1)),
    message: z.string(),
  })
  .describe('constat de cohérence, le même que « rapport check »');

export const chiffresJsonSchema = z
  .strictObject({
    format: z.literal('rapport-chiffres'),
    version: z.literal(1).describe('version du format ; un champ ne sera jamais retiré ni renommé sans la changer'),
    annee: year.describe('année du rapport (N)'),
    annees: z.array(year).describe('années présentes, de la plus ancienne à N'),
    complet: z.boolean().describe('true avec --complet : valeurs non masquées, usage interne uniquement'),
    avertissement: z.string().optional().describe('présent avec --complet : ne pas diffuser'),
    secret_statistique: z.strictObject({
      seuil: z.number().int().min(0).describe('seuil du secret statistique (0 : aucun masquage)'),
      cellules_masquees: z.array(suppressedSchema),
    }),
    chiffres: z.array(figureSchema),
    constats: z.array(findingSchema),
  })
  .meta({
    title: 'rapport chiffres --format json',
    description: 'Export JSON de tous les chiffres du rapport, écrit par « rapport chiffres --format json » (docs/chiffres.md).',
  });

export type ChiffresJson = z.infer<typeof chiffresJsonSchema>;
export type ChiffresJsonFigure = z.infer<typeof figureSchema>;
