// Personal-identifier headers are recognized by their words, not by a closed list of spellings:
// exports name the same column « Prénom usuel », « Nom de l'usager », « Email address »… The
// word lists below are documented one by one in docs/donnees.md (section 9) and each has a test.
import { normalizeHeader } from '../shared/normalize.js';
import { PERSONAL_COLUMNS } from './contract.js';

/** A header holding one of these words is personal, whatever the other words. */
export const PERSONAL_WORDS: readonly string[] = [
  'prenom', 'prenoms', 'firstname', 'surname', 'lastname', 'patronyme',
  'telephone', 'telephones', 'tel', 'phone', 'gsm', 'whatsapp',
  'email', 'emails', 'mail', 'mails', 'courriel', 'courriels',
  'naissance', 'birth', 'birthdate', 'birthday', 'dob',
  'nir', 'secu', 'ssn', 'passeport', 'passport', 'agdref', 'iban',
];

/**
 * Personal only when every other word of the header is a connector or a person qualifier:
 * « Nom de l'usager » and « Name » are refused, « Nom du site » and « Adresse du site » are not.
 */
export const PERSONAL_WORDS_ALONE: readonly string[] = ['nom', 'noms', 'name', 'names', 'adresse', 'address', 'rue', 'street', 'mobile', 'portable', 'securite', 'fiscal'];

/** Words that add nothing to a personal word (French and English), and person qualifiers. */
const QUALIFIERS = new Set([
  'et', 'de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'e', 'en', 'a', 'au', 'of', 'the', 'and', 'or', 'ou', 's',
  'n', 'no', 'nr', 'num', 'numero', 'number', 'date', 'lieu', 'fixe', 'perso', 'personnel', 'personnelle', 'pro', 'home', 'work',
  'complet', 'complete', 'full', 'first', 'last', 'given', 'family', 'famille', 'usage', 'usuel', 'usuelle', 'jeune', 'fille', 'epouse', 'marital',
  'usager', 'usagere', 'usagers', 'personne', 'beneficiaire', 'patient', 'patiente', 'client', 'cliente', 'contact', 'user',
  'domicile', 'postale', 'postal', 'electronique', 'sociale', 'social', 'security', 'jj', 'mm', 'aaaa', 'dd', 'yyyy', 'principal', 'principale',
]);

/** « Pays de naissance » is the origin, a published breakdown, not an identifier. */
const ORIGIN_WORDS = new Set(['pays', 'continent', 'region', 'nationalite', 'country']);

const STRONG = new Set(PERSONAL_WORDS);
const ALONE = new Set(PERSONAL_WORDS_ALONE);

/** True when a header names a personal identifier (the file carrying it is refused). */
export function isPersonalHeader(header: string): boolean {
  const normalized = normalizeHeader(header);
  if (PERSONAL_COLUMNS.has(normalized)) return true;
  const words = normalized.split('_').filter((word) => word !== '');
  if (words.some((word) => ORIGIN_WORDS.has(word))) return false;
  if (words.some((word) => STRONG.has(word))) return true;
  const rest = (personal: (word: string) => boolean) => words.every((word) => personal(word) || QUALIFIERS.has(word));
  if (words.some((word) => ALONE.has(word)) && rest((word) => ALONE.has(word))) return true;
  // `Né(e) le`: `né` alone is too short to be sure.
  return words.some((word) => word === 'ne' || word === 'nee') && words.includes('le') && rest((word) => word === 'ne' || word === 'nee');
}
