// The text files `rapport init` writes: rapport.yaml (every key explained in French), the
// editorial, one example section using the figure helpers, and LISEZMOI.md.
import { z } from 'zod';
import { BUILTIN_SECTION_IDS, configSchema } from '../config/schema.js';

/** Published package name: the schema URL and the commands printed for the user. */
export const PACKAGE_NAME = 'rapport-activite';

/**
 * JSON Schema address for editors. A project made by `npx rapport-activite init` or a global
 * install has no node_modules beside it, so a relative path would point nowhere; the package's
 * own file on unpkg, pinned to the version that wrote the project, works wherever the folder is.
 */
export function schemaUrl(version: string): string {
  return `https://unpkg.com/${PACKAGE_NAME}@${version}/schemas/rapport.schema.json`;
}

export const EDITO_FILE = 'textes/edito.md';
export const EXAMPLE_SECTION_FILE = 'textes/activite.md';

/** Hand-written explanation of each top-level key (commented out unless the project needs it). */
const KEY_BLOCKS: Readonly<Record<string, string>> = {
  association: `# Identité de l'association (couverture, pied de page).
association:
  nom: Mon association              # nom complet, en couverture
  # sigle: MA                       # sigle ou nom court
  # logo: logo.png                  # image PNG, JPG ou SVG, chemin relatif à ce fichier
  # couleur: "#1f5f73"              # couleur des titres et graphiques, "#RRGGBB" entre guillemets
  # adresse: 1 rue de l'Exemple, 75000 Paris
  # site_web: www.mon-association.fr`,
  annee: `# Année du rapport ; par défaut la dernière année présente dans les données.
# annee: 2025`,
  titre: `# Titre du document ; par défaut « Rapport d'activité <année> ».
# titre: Rapport d'activité 2025`,
  edito: `# Éditorial en tête du rapport : un fichier Markdown, et qui le signe.
edito:
  fichier: ${EDITO_FILE}
  signature: La présidente de l'association`,
  sections: `# Chapitres, dans l'ordre : vos fichiers Markdown (dossier textes/) et les modèles intégrés
# (${BUILTIN_SECTION_IDS.join(', ')}). Retirez un modèle dont vous n'avez pas les données ;
# sans la clé « sections », un chapitre par fichier de données présent.
sections:
  - chiffres-cles
  - ${EXAMPLE_SECTION_FILE}
${BUILTIN_SECTION_IDS.filter((id) => id !== 'chiffres-cles').map((id) => `  - ${id}`).join('\n')}`,
  colonnes: `# En-têtes de vos exports que rapport ne reconnaît pas : fichier → colonne attendue → votre en-tête.
# colonnes:
#   trod:
#     resultat: Issue du test`,
  valeurs: `# Synonymes des valeurs des listes fermées : fichier → colonne → mot de votre export → valeur reconnue.
# valeurs:
#   trod:
#     resultat:
#       Réactif faible: Positif`,
  categories: `# Valeurs ajoutées aux listes fermées (autre dépistage, autre forme d'aide) et leurs synonymes.
# categories:
#   trod:
#     depistage:
#       VHA: [hépatite A]`,
  libelles: `# Renomme un chiffre partout dans le rapport : identifiant du chiffre → libellé.
# libelles:
#   maraudes.sessions: Tournées réalisées`,
  glossaire: `# Sigles propres à l'association → définition (ajoutés au glossaire intégré).
# glossaire:
#   PASS: Permanence d'accès aux soins de santé`,
  partenaires: `# Partenaires, cités en fin de rapport : un nom, ou { nom, role }.
# partenaires:
#   - nom: CCAS de la ville
#     role: orientation des demandes de domiciliation`,
  financeurs: `# Financeurs, remerciés en fin de rapport : un nom, ou { nom, role }.
# financeurs:
#   - Agence régionale de santé (ARS)
#   - Ville`,
  confidentialite: `# Secret statistique : un effectif publié en dessous du seuil s'affiche « < 3 » (0 désactive).
confidentialite:
  seuil: 3`,
  reponses_multiples: `# Ventilations dont la somme peut dépasser le total (plusieurs réponses par personne).
# reponses_multiples:
#   - accueil.motifs:motif`,
  objectifs: `# Valeurs attendues par les financeurs (tableau « attendu / obtenu ») : identifiant → valeur.
# objectifs:
#   maraudes.sessions: 200
#   trod.tests: { valeur: 250, libelle: TROD réalisés }`,
};

/** The French description a zod field carries in `.meta`, looking through optional/default wrappers. */
function describeKey(schema: z.ZodType): string {
  let current: unknown = schema;
  for (let depth = 0; depth < 5 && current !== undefined; depth += 1) {
    const description = (current as z.ZodType).description;
    if (description !== undefined) return description;
    current = (current as { def?: { innerType?: unknown } }).def?.innerType;
  }
  return 'voir docs/configuration.md';
}

/**
 * rapport.yaml for a new project. A key of the schema without a hand-written block (added
 * later) still gets a commented line with its schema description: the file lists every key.
 */
export function buildConfigYaml(version: string, shape: Readonly<Record<string, unknown>> = configSchema.shape): string {
  const blocks: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (key === '$schema') continue;
    // « key : » with a space: a comment about the key, not a commented-out setting to switch on.
    blocks.push(KEY_BLOCKS[key] ?? `# ${key}\u00a0: ${describeKey(schema as z.ZodType)} (voir docs/configuration.md)`);
  }
  return (
    `# yaml-language-server: $schema=${schemaUrl(version)}\n` +
    '# Configuration du rapport d\'activité. Une ligne qui commence par « # » est un commentaire :\n' +
    '# retirez le « # » pour activer un réglage. Toutes les clés sont facultatives.\n' +
    `# Guide complet : https://unpkg.com/${PACKAGE_NAME}@${version}/docs/configuration.md\n\n` +
    `${blocks.join('\n\n')}\n`
  );
}

// Every figure sits inside {{#si}}: a project that deletes a data file it does not have keeps
// building, the sentence about it simply disappears.
export const EDITO_TEXT = `Voici le rapport d'activité {{annee}} de notre association.
{{#si "maraudes.sessions"}}

Maraudes réalisées cette année : **{{chiffre "maraudes.sessions"}}**.
{{/si}}
{{#si "trod.tests"}}

Dépistages rapides (TROD) proposés : **{{chiffre "trod.tests"}}**.
{{/si}}

Ces chiffres sont calculés à partir des fichiers du dossier \`donnees/\` : corrigez un fichier,
reconstruisez, et le texte suit. Remplacez ce texte par le vôtre (format Markdown : **gras**,
listes « - », titres « ## »).
`;

export const EXAMPLE_SECTION_TEXT = `---
titre: Notre activité en bref
id: activite
---
Ce chapitre est un exemple : les nombres ne sont jamais tapés à la main, ils sont écrits entre
doubles accolades et calculés à partir des données (liste des chiffres : docs/chiffres.md).
{{#si "maraudes.sessions"}}

## Les maraudes

Maraudes menées en {{annee}} : **{{chiffre "maraudes.sessions"}}**, {{evolution "maraudes.sessions"}}.

{{graphique "maraudes.sessions" par="mois" type="mensuel"}}
{{/si}}
{{#si "trod.tests"}}

## Les dépistages

{{tableau "trod.tests" par="depistage"}}
{{/si}}
{{#si "aides.montant"}}

## Les aides financières

L'association a versé {{chiffre "aides.montant"}} d'aides financières.
{{/si}}
`;

export function buildReadme(folderName: string): string {
  return `# Rapport d'activité : prochaines étapes

Ce dossier a été créé par \`rapport init\`. Il contient :

- \`rapport.yaml\` : les réglages (nom de l'association, chapitres, financeurs…), chaque clé expliquée ;
- \`donnees/\` : un fichier CSV par type de données, avec ses colonnes et **une ligne d'exemple** ;
- \`textes/\` : l'éditorial et un chapitre d'exemple.

1. **Vos données.** Remplacez la ligne d'exemple de chaque fichier de \`donnees/\` par votre export
   (Excel : « Enregistrer sous » → « CSV (séparateur : point-virgule) »). Supprimez un fichier
   dont vous n'avez pas les données, et retirez alors son chapitre de \`sections\` dans \`rapport.yaml\`.
2. **Vérifiez** : \`npx ${PACKAGE_NAME} check ${folderName}\` liste toutes les erreurs (fichier, ligne, colonne).
3. **Réglages** : ouvrez \`rapport.yaml\`, renseignez le nom de l'association, le logo, les financeurs.
4. **Textes** : écrivez \`${EDITO_FILE}\` et vos chapitres dans \`textes/\`.
5. **Construisez** : \`npx ${PACKAGE_NAME} build ${folderName}\` écrit le PDF, le HTML et les chiffres dans \`sortie/\`.

En cas de problème d'installation (navigateur, polices) : \`npx ${PACKAGE_NAME} diagnostic\`.
Documentation : https://unpkg.com/${PACKAGE_NAME}/docs/donnees.md (données),
configuration.md (réglages), sections.md (textes et chiffres « vivants »).
`;
}
