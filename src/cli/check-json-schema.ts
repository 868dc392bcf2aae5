// The document `rapport check --json` prints (version 1), as a zod schema: the single source of
// its TypeScript type (formatCheckJson builds a `CheckJson`) and of schemas/check.schema.json.
// Strict objects: a field added to the output without being documented here fails to compile.
import { z } from 'zod';
import { DATASET_IDS } from '../ingest/contract.js';

const count = z.number().int().min(0);
const line = z.number().int().min(1);
const dataset = z.enum(DATASET_IDS).nullable().describe('jeu de données alimenté par le fichier, null pour un fichier non reconnu');

const issueSchema = z
  .strictObject({
    code: z.string().describe('code stable du problème, par ex. valeur_invalide, colonne_manquante, ligne_total_ignoree'),
    file: z.string().describe('nom du fichier, relatif au dossier des données'),
    line: line.nullable().describe("ligne telle que l'affiche le tableur (l'en-tête est la ligne 1), null pour un problème de fichier"),
    otherLines: z.array(line).describe('autres lignes concernées (par ex. la première occurrence d\'un doublon)'),
    column: z.string().nullable().describe("en-tête de la colonne tel qu'écrit dans le fichier"),
    value: z.string().nullable().describe('valeur fautive telle qu\'écrite (jamais un code de personne)'),
    message: z.string().describe('le problème, en français'),
    expected: z.string().nullable().describe('ce qui était attendu, en français'),
    text: z.string().describe('message complet, tel que l\'affiche la sortie texte'),
  })
  .describe('une erreur ou un avertissement');

const groupSchema = z
  .strictObject({
    severity: z.enum(['error', 'warning']),
    code: z.string().describe('code stable du problème, comme dans errors et warnings'),
    file: z.string(),
    column: z.string().nullable().describe("en-tête de la colonne, null pour un problème de fichier"),
    count: count.describe('nombre d\'occurrences regroupées'),
    lines: z.array(line).describe('toutes les lignes concernées'),
    values: z.array(z.string()).describe('quelques valeurs fautives distinctes, en exemple'),
    message: z.string().describe('le problème de la première occurrence, en français'),
    expected: z.string().nullable(),
    text: z.string().describe('message regroupé, tel que l\'affiche la sortie texte'),
  })
  .describe('problèmes identiques (même code, même colonne) regroupés en un message');

const summarySchema = z
  .strictObject({
    file: z.string(),
    dataset,
    encoding: z.enum(['utf-8', 'windows-1252']).nullable().describe('encodage détecté'),
    separator: z.string().nullable().describe('séparateur détecté : « ; », « , » ou une tabulation'),
    rowsRead: count.describe("lignes de données lues (sans l'en-tête, les lignes vides ni les lignes de total)"),
    rowsValid: count.describe('lignes valides'),
    rowsSkipped: count.describe('lignes de total ignorées'),
    firstDate: z.string().nullable().describe('première date, AAAA-MM-JJ'),
    lastDate: z.string().nullable().describe('dernière date, AAAA-MM-JJ'),
    years: z.record(z.string(), count).describe('lignes valides par année'),
    columns: z.record(z.string(), z.string()).describe('colonne du contrat → en-tête trouvé dans le fichier'),
    counters: z.record(z.string(), z.string()).describe('colonnes de comptage de maraudes.csv : identifiant → en-tête'),
    errorCount: count,
    warningCount: count,
    errorsOmitted: count.describe('erreurs au-delà de celles listées dans errors'),
    warningsOmitted: count.describe('avertissements au-delà de ceux listés dans warnings'),
    refused: z.boolean().describe("le fichier n'a pas pu être lu jusqu'au bout (encodage, guillemets, colonnes manquantes…)"),
  })
  .describe("résumé d'un fichier");

const findingSchema = z
  .strictObject({
    code: z.string().describe('code stable du constat, par ex. mois_manquant, ligne_en_double'),
    severity: z.enum(['info', 'warning']),
    file: z.string(),
    lines: z.array(line).describe('lignes concernées ; vide quand aucune ligne ne peut être nommée (un mois manquant)'),
    message: z.string(),
  })
  .describe("constat de cohérence : à vérifier, il n'empêche pas la construction");

export const checkJsonSchema = z
  .strictObject({
    version: z.literal(1).describe('version du format ; un champ ne sera jamais retiré ni renommé sans la changer'),
    folder: z.string().describe('dossier du projet (chemin absolu)'),
    dataFolder: z.string().describe('dossier où les CSV ont été lus'),
    year: z.number().int().nullable().describe("année du rapport, null quand aucune ligne n'est datée"),
    ok: z.boolean().describe('true quand aucune erreur : build peut utiliser les données'),
    blocking: z
      .strictObject({
        message: z.string().describe("l'erreur, en français"),
        details: z.array(z.string()).describe('les précisions (une par ligne affichée)'),
        hint: z.string().nullable().describe('ce qu\'il faut faire'),
        exitCode: z.number().int().describe('le code de sortie de build'),
      })
      .nullable()
      .describe("null, ou l'erreur sur laquelle build s'arrêterait alors que les fichiers sont valides (section, année, configuration)"),
    files: z.array(z.strictObject({ file: z.string(), dataset })),
    summaries: z.array(summarySchema),
    errors: z.array(issueSchema),
    warnings: z.array(issueSchema),
    groups: z.array(groupSchema).describe('les erreurs et avertissements regroupés, tels que les affiche la sortie texte'),
    findings: z.array(findingSchema),
  })
  .meta({ title: 'rapport check --json', description: 'Document écrit sur la sortie standard par « rapport check --json » (docs/verification.md).' });

export type CheckJson = z.infer<typeof checkJsonSchema>;
export type CheckJsonIssue = z.infer<typeof issueSchema>;
