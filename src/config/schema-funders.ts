// `financeurs` of rapport.yaml (issue 10): a plain name or { nom, role } as before, or a funder
// with its convention's indicators (expected against obtained) and its own sections. Only the
// shape is checked here; figure ids, dimensions and modalités are checked against the computed
// figures (pipeline/check-funders.ts), since they depend on the data.
import { z } from 'zod';
import { INDICATOR_ID } from '../ingest/cells.js';
import { suggestClosest } from '../shared/suggest.js';

/** Used in file names: `sortie/financeurs/<id>-<année>.pdf`. */
export const FUNDER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const FUNDER_INDICATOR_TYPES = ['resultat', 'moyens'] as const;
/** Keys of an indicator that are not a breakdown filter (`depistage: VIH`). */
const INDICATOR_KEYS = ['chiffre', 'libelle', 'cible', 'type', 'dimension', 'modalite'] as const;

/** A custom issue whose message needs no « reçu … » after it (describe-issues.ts). */
const BARE = { code: 'custom', params: { sansValeurRecue: true } } as const;

const text = (description: string) => z.string().trim().min(1, { error: 'texte vide' }).meta({ description });
const cell = z.union([z.string().trim().min(1, { error: 'texte vide' }), z.number()], { error: 'modalité attendue (texte ou nombre)' });

/** `ARS Île-de-France` → `ars-ile-de-france`: the id suggested when one is missing. */
export function suggestFunderId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

const indicator = z
  .object({
    chiffre: z
      .string()
      .trim()
      .regex(INDICATOR_ID, { error: 'identifiant de chiffre attendu, en minuscules sans accent (ex. trod.tests)' })
      .meta({ description: 'Chiffre du rapport (docs/chiffres.md, ou un chiffre de indicateurs.csv).' }),
    libelle: text('Intitulé de l\'indicateur tel qu\'écrit dans la convention ; par défaut celui du chiffre.').optional(),
    cible: z
      .number({ error: 'nombre attendu (valeur de la convention, sans guillemets ni espace, ex. cible: 1000)' })
      .nonnegative({ error: 'nombre positif ou nul attendu' })
      .optional()
      .meta({ description: 'Valeur attendue par la convention ; absente : « — » et statut « sans cible ».' }),
    type: z
      .enum(FUNDER_INDICATOR_TYPES, { error: 'resultat ou moyens attendu (sans accent)' })
      .default('resultat')
      .meta({ description: 'resultat (indicateur de résultats, par défaut) ou moyens (indicateur de moyens).' }),
    dimension: text('Ventilation, quand son nom est déjà une clé de l\'indicateur (ex. type) ; sinon écrivez « <ventilation>: <modalité> ».').optional(),
    modalite: cell.optional().meta({ description: 'Modalité de la ventilation donnée par « dimension ».' }),
  })
  // Any other key is one cell of a breakdown, written as in the section helpers: `depistage: VIH`.
  .catchall(cell.meta({ description: 'Une case d\'une ventilation : « <ventilation>: <modalité> » (ex. depistage: VIH).' }))
  .superRefine((value, context) => {
    const extra = Object.keys(value).filter((key) => !(INDICATOR_KEYS as readonly string[]).includes(key));
    for (const key of extra) {
      const closest = suggestClosest(key, INDICATOR_KEYS);
      if (closest !== undefined) context.addIssue({ ...BARE, path: [key], message: `clé inconnue « ${key} » ; vouliez-vous dire « ${closest} » ?` });
    }
    const filters = extra.length + (value.dimension === undefined ? 0 : 1);
    if (filters > 1) {
      context.addIssue({ ...BARE, path: [], message: `une seule case de ventilation par indicateur (reçu ${[...extra, ...(value.dimension === undefined ? [] : [value.dimension])].join(', ')})` });
    }
    if ((value.dimension === undefined) !== (value.modalite === undefined)) {
      context.addIssue({ ...BARE, path: [], message: '« dimension » et « modalite » vont ensemble (ex. dimension: type, modalite: TROD)' });
    }
    // Also when another key is wrong: a misspelt `chifre` must be named with the missing `chiffre`.
  }, { when: (payload) => payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value) })
  .transform((value) => {
    const [key] = Object.keys(value).filter((name) => !(INDICATOR_KEYS as readonly string[]).includes(name));
    const dimension = value.dimension ?? key;
    const modalite = value.dimension !== undefined ? value.modalite : key === undefined ? undefined : (value as Record<string, unknown>)[key];
    return {
      chiffre: value.chiffre,
      libelle: value.libelle,
      cible: value.cible ?? null,
      type: value.type,
      ...(dimension !== undefined && modalite !== undefined && { dimension, modalite: String(modalite) }),
    };
  });

const funder = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(FUNDER_ID, {
      error: (issue) => {
        const fixed = suggestFunderId(String(issue.input));
        return `identifiant en minuscules sans accent, chiffres et tirets attendu, reçu « ${String(issue.input)} »${fixed === '' ? '' : ` ; vouliez-vous dire « ${fixed} » ?`}`;
      },
    })
    .optional()
    .meta({ description: 'Identifiant (minuscules, chiffres, tirets), obligatoire avec des indicateurs : nomme les fichiers sortie/financeurs/<id>-<année>.pdf et .csv.' }),
  nom: text('Nom du financeur.'),
  role: text('Rôle ou objet du financement.').optional(),
  action: text("Intitulé de l'action financée, en couverture du bilan.").optional(),
  convention: text('Référence de la convention (ex. 2023-ARS-042), en couverture du bilan.').optional(),
  indicateurs: z
    .array(indicator)
    .default([])
    .meta({ description: 'Indicateurs de la convention : { chiffre, libelle, cible, type } et, pour une case, « <ventilation>: <modalité> ».' }),
  sections: z
    .array(z.string().trim().regex(/\.(?:md|MD|markdown)$/, { error: "chemin d'un fichier Markdown attendu (extension .md)" }))
    .default([])
    .meta({ description: 'Sections Markdown propres à ce financeur (mêmes aides que les sections du rapport), après ses tableaux.' }),
});

export const fundersSchema = z
  .array(
    z
      .union([text('Nom.'), funder], { error: 'un nom, ou { nom, role }, ou { id, nom, indicateurs… }' })
      .transform((value) => (typeof value === 'string' ? { nom: value, indicateurs: [], sections: [] } : value)),
  )
  .default([])
  .superRefine((funders, context) => {
    const seen = new Map<string, number>();
    for (const [index, entry] of funders.entries()) {
      if (entry.id === undefined) {
        if (entry.indicateurs.length > 0 || entry.sections.length > 0) {
          const example = suggestFunderId(entry.nom) || 'ars';
          context.addIssue({ ...BARE, path: [index], message: `identifiant « id » manquant : il est obligatoire avec des indicateurs ou des sections (ex. id: ${example})` });
        }
        continue;
      }
      const first = seen.get(entry.id);
      if (first !== undefined) {
        const other = funders[first]?.nom ?? '';
        context.addIssue({ ...BARE, path: [index, 'id'], message: `identifiant déjà utilisé par le financeur n° ${first + 1} (« ${other} ») ; chaque financeur a le sien` });
      } else seen.set(entry.id, index);
      if (entry.sections.length > 0 && entry.indicateurs.length === 0) {
        context.addIssue({ ...BARE, path: [index, 'sections'], message: `sections sans indicateurs : le bilan de « ${entry.id} » n'est produit que si « indicateurs » en donne au moins un` });
      }
    }
  })
  .meta({ description: 'Financeurs, remerciés en fin de rapport : noms, { nom, role }, ou { id, nom, action, convention, indicateurs, sections } pour un bilan par financeur (docs/financeurs.md).' });

/**
 * Where a config problem lies among the funders, as the user reads it: « financeur « ars »,
 * indicateur « Nombre de TROD réalisés » » (its libelle, else its chiffre). Undefined outside `financeurs`.
 */
export function describeFunderPlace(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'financeurs' || typeof path[1] !== 'number') return undefined;
  const list = (data as { financeurs?: unknown } | null)?.financeurs;
  const entry: unknown = Array.isArray(list) ? list[path[1]] : undefined;
  if (entry === null || typeof entry !== 'object') return undefined;
  const { id, nom } = entry as Record<string, unknown>;
  const name = typeof id === 'string' && FUNDER_ID.test(id) ? id : typeof nom === 'string' ? nom : `n° ${path[1] + 1}`;
  const parts = [`financeur « ${name} »`];
  const indicators = (entry as Record<string, unknown>).indicateurs;
  if (path[2] === 'indicateurs' && typeof path[3] === 'number' && Array.isArray(indicators)) {
    const item: unknown = indicators[path[3]];
    const { libelle, chiffre } = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const name = typeof libelle === 'string' && libelle.trim() !== '' ? libelle : chiffre;
    parts.push(typeof name === 'string' ? `indicateur « ${name} »` : `indicateur n° ${path[3] + 1}`);
  }
  return parts.join(', ');
}
