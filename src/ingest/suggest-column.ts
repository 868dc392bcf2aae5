// « Vouliez-vous dire » for headers no synonym recognizes, by their words rather than their
// spelling: « N° usager » → personne, « Commune » → site, « Nb de tests » → nombre. These words
// only suggest (the user confirms with a line of rapport.yaml); the synonyms of contract.ts map
// on their own and must stay unambiguous.
import { counterKey, headerKey } from '../shared/normalize.js';
import { suggestClosest } from '../shared/suggest.js';
import type { DatasetId, FieldSpec } from './contract.js';

const PERSON = ['usager', 'usagere', 'beneficiaire', 'dossier', 'identifiant', 'id', 'code', 'pseudo', 'anonymat', 'patient', 'matricule', 'personne', 'fiche'];
const PLACE = ['lieu', 'site', 'secteur', 'commune', 'ville', 'quartier', 'zone', 'territoire', 'arrondissement', 'emplacement', 'point', 'localisation', 'structure'];
const GENDER = ['sexe', 'genre', 'identite'];
const AGE = ['age', 'ages', 'tranche', 'classe'];

/** Per file, contract column → words of the headers that likely mean it (documented in docs/donnees.md). */
const HINT_WORDS: Readonly<Record<DatasetId, Readonly<Record<string, readonly string[]>>>> = {
  maraudes: {
    date: ['date', 'jour'],
    site: PLACE,
    type: ['type', 'mode', 'nature', 'intervention', 'activite', 'action', 'equipe'],
    creneau: ['creneau', 'horaire', 'heure', 'plage', 'moment', 'periode', 'nuit'],
  },
  trod: {
    date: ['date', 'jour'],
    depistage: ['depistage', 'test', 'trod', 'tdr', 'examen', 'pathologie', 'virus', 'infection'],
    resultat: ['resultat', 'issue', 'conclusion', 'reactif', 'statut'],
    lieu: PLACE,
    personne: PERSON,
    genre: GENDER,
    tranche_age: AGE,
    premier_depistage: ['premier', 'premiere', 'primo', 'jamais', '1er'],
    orientation: ['orientation', 'oriente', 'orientee', 'orienter', 'confirmation', 'suivi'],
  },
  domiciliations: {
    personne: PERSON,
    date: ['date', 'jour', 'election'],
    demande: ['demande', 'renouvellement', 'premiere'],
    decision: ['decision', 'accord', 'refus', 'statut', 'avis'],
    motif_refus: ['motif', 'raison'],
    date_fin: ['fin', 'validite', 'expiration', 'echeance'],
    date_radiation: ['radiation', 'radie'],
    ayants_droit: ['ayants', 'ayant', 'enfants', 'famille'],
    genre: GENDER,
    tranche_age: AGE,
    origine: ['origine', 'pays', 'nationalite', 'continent', 'region'],
  },
  aides: {
    date: ['date', 'jour'],
    nature: ['nature', 'type', 'objet', 'aide', 'motif'],
    montant: ['montant', 'somme', 'euros', 'eur', 'cout', 'prix', 'valeur'],
    personne: PERSON,
    categorie: ['categorie', 'rubrique', 'famille', 'poste'],
    forme: ['forme', 'mode', 'moyen', 'paiement', 'versement', 'support'],
    financeur: ['financeur', 'financement', 'financeurs', 'source', 'bailleur', 'budget'],
    genre: GENDER,
    tranche_age: AGE,
  },
  indicateurs: {
    indicateur: ['indicateur', 'indicateurs', 'code', 'id', 'identifiant'],
    annee: ['annee', 'an', 'exercice'],
    valeur: ['valeur', 'total', 'chiffre', 'nombre', 'realise', 'resultat'],
    dimension: ['dimension', 'ventilation', 'critere'],
    modalite: ['modalite', 'categorie', 'detail'],
    libelle: ['libelle', 'intitule', 'action', 'description'],
    unite: ['unite'],
  },
};

/**
 * A count-prefixed header (« Nb de tests ») can only mean a count column, and only of what the
 * file counts: « Nb personnes rencontrées » in trod.csv is not the number of tests of the row.
 */
const COUNTED_WORDS: Readonly<Record<string, readonly string[]>> = {
  nombre: ['maraude', 'sortie', 'tournee', 'passage', 'test', 'depistage', 'trod', 'tdr', 'aide', 'versement', 'cheque', 'ticket', 'bon'],
  ayants_droit: ['ayant', 'ayants', 'droit', 'enfant'],
  valeur: [],
};
/** `N°`, `No`, `Num`: a number marker, not a word of meaning. */
const NUMBER_MARKERS = new Set(['n', 'no', 'num', 'numero', 'nr']);

const singular = (word: string) => (word.length > 3 ? word.replace(/[sx]$/, '') : word);

/**
 * The contract column a header most likely means, among `candidates` (those not already in the
 * file), or undefined. Words first (a word of the column's name weighs more than one of its synonyms or hints), spelling last.
 */
export function suggestColumn(
  dataset: DatasetId,
  header: string,
  candidates: readonly { name: string; spec: FieldSpec }[],
): string | undefined {
  const key = headerKey(header);
  const counted = counterKey(header) !== key;
  const words = (counted ? counterKey(header) : key).split('_').filter((w) => w !== '' && !NUMBER_MARKERS.has(w)).map(singular);
  if (counted) {
    const column = candidates.find((c) => (COUNTED_WORDS[c.name] ?? []).some((word) => words.includes(singular(word))));
    return column?.name ?? candidates.find((c) => c.name === 'valeur')?.name;
  }
  let best: { name: string; score: number } | undefined;
  for (const { name, spec } of candidates) {
    // A synonym's first word only: `date_passage` says « date », its `passage` does not.
    const heads = (spec.synonyms ?? []).map((synonym) => synonym.split('_')[0] ?? '');
    const hints = new Set([...heads, ...(HINT_WORDS[dataset][name] ?? [])].map(singular));
    const nameWords = name.split('_').map(singular);
    let score = 0;
    for (const word of words) score += nameWords.includes(word) ? 3 : hints.has(word) ? 1 : 0;
    if (score === 0) continue;
    // `Date de passage` is `date`, not `date_fin`: words of the name left unmatched count against.
    score -= 0.5 * nameWords.filter((word) => !words.includes(word)).length;
    if (best === undefined || score > best.score) best = { name, score };
  }
  if (best !== undefined && best.score > 0) return best.name;
  const spelled = suggestClosest(key, candidates.flatMap(({ name, spec }) => [name, ...(spec.synonyms ?? [])]));
  return candidates.find(({ name, spec }) => name === spelled || (spec.synonyms ?? []).includes(spelled ?? ''))?.name;
}
