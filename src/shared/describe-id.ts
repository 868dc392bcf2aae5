// Readable French forms of ids that carry no label of their own: a figure family (`sante`) as a
// chapter title. Ids are written without accents; the common words get theirs back.

/** Words of ids, unaccented → as printed. Extend when a family of a real association reads wrong. */
const ACCENTED: Readonly<Record<string, string>> = {
  sante: 'santé',
  mediation: 'médiation',
  prevention: 'prévention',
  reduction: 'réduction',
  depistage: 'dépistage',
  depistages: 'dépistages',
  activite: 'activité',
  activites: 'activités',
  securite: 'sécurité',
  acces: 'accès',
  hebergement: 'hébergement',
  insertion: 'insertion',
  entretiens: 'entretiens',
  equipe: 'équipe',
  benevoles: 'bénévoles',
  benevolat: 'bénévolat',
  permanences: 'permanences',
  orientations: 'orientations',
  aides: 'aides',
  premieres: 'premières',
  premiere: 'première',
  personnes: 'personnes',
  accompagnees: 'accompagnées',
  rencontrees: 'rencontrées',
  distribues: 'distribués',
  distribuees: 'distribuées',
  realises: 'réalisés',
  realisees: 'réalisées',
  medical: 'médical',
  medicaux: 'médicaux',
  medicale: 'médicale',
  sociale: 'sociale',
  socio: 'socio',
  educatif: 'éducatif',
  education: 'éducation',
  evaluation: 'évaluation',
  generale: 'générale',
  numerique: 'numérique',
  regularisation: 'régularisation',
  demarches: 'démarches',
  refugies: 'réfugiés',
  mineurs: 'mineurs',
  seances: 'séances',
  ateliers: 'ateliers',
  caarud: 'CAARUD',
  csapa: 'CSAPA',
  rdr: 'RdR',
  rdrd: 'RdRD',
  psp: 'PSP',
  trod: 'TROD',
  vih: 'VIH',
  vhc: 'VHC',
  vhb: 'VHB',
  ist: 'IST',
  pam: 'PAM',
  ame: 'AME',
  css: 'CSS',
  siao: 'SIAO',
  etp: 'ETP',
  tds: 'TDS',
};

/** `reduction_risques` → « Réduction risques », `caarud` → « CAARUD ». */
export function describeId(id: string): string {
  const words = id
    .split(/[._\-\s]+/)
    .filter((word) => word !== '')
    .map((word) => ACCENTED[word.toLowerCase()] ?? word);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Chapter title of a figure family with no title in the config. */
export function describeFamily(family: string): string {
  return describeId(family);
}
