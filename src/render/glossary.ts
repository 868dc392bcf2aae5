// Built-in acronyms of the field (brief §6); the config adds its own. Only those the document
// actually uses are printed.
export const BUILT_IN_GLOSSARY: Readonly<Record<string, string>> = {
  AME: "Aide médicale de l'État",
  APS: 'Autorisation provisoire de séjour',
  AFIS: "Aide financière à l'insertion sociale et professionnelle (versée pendant un parcours de sortie de la prostitution)",
  ARS: 'Agence régionale de santé',
  CAARUD: "Centre d'accueil et d'accompagnement à la réduction des risques pour usagers de drogues",
  CeGIDD: "Centre gratuit d'information, de dépistage et de diagnostic",
  CHRS: "Centre d'hébergement et de réinsertion sociale",
  CHU: "Centre d'hébergement d'urgence",
  CPAM: "Caisse primaire d'assurance maladie",
  CSAPA: "Centre de soins, d'accompagnement et de prévention en addictologie",
  CSS: 'Complémentaire santé solidaire',
  DAHO: "Droit à l'hébergement opposable",
  DALO: 'Droit au logement opposable',
  DDETS: "Direction départementale de l'emploi, du travail et des solidarités",
  DRDFE: 'Délégation régionale aux droits des femmes et à l’égalité',
  ETP: 'Équivalent temps plein',
  PAM: "Permanence d'accueil mobile (maraude)",
  PSP: 'Parcours de sortie de la prostitution',
  PUMa: 'Protection universelle maladie',
  RDRD: 'Réduction des risques et des dommages',
  SIAO: "Service intégré de l'accueil et de l'orientation (115)",
  TDS: 'Travailleur·se du sexe',
  TROD: "Test rapide d'orientation diagnostique",
  VHB: 'Virus de l’hépatite B',
  VHC: 'Virus de l’hépatite C',
  VIH: "Virus de l'immunodéficience humaine",
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The acronyms of `glossary` that appear as whole words in `text` (HTML tags ignored), sorted. */
export function selectUsedAcronyms(glossary: Readonly<Record<string, string>>, html: string): [string, string][] {
  const text = html.replace(/<[^>]*>/g, ' ');
  return Object.entries(glossary)
    .filter(([acronym]) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(acronym)}(?=$|[^\\p{L}\\p{N}])`, 'u').test(text))
    .sort(([a], [b]) => a.localeCompare(b, 'fr'));
}
