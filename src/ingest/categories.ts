// Closed value lists of the data contract, with the synonyms accepted in files.
// Keys are the canonical values stored in typed rows; labels are what reports print.
import type { CategoryDefinition } from './cells.js';

export const DEPISTAGE = {
  values: {
    VIH: { label: 'VIH', synonyms: ['HIV', 'VIH 1/2', 'VIH1/2', 'VIH 1 et 2', 'sida'] },
    VHC: { label: 'VHC', synonyms: ['hépatite C', 'hepatite C', 'HCV', 'hép C', 'hep C', 'VHC (hépatite C)'] },
    VHB: { label: 'VHB', synonyms: ['hépatite B', 'hepatite B', 'HBV', 'AgHBs', 'hép B', 'hep B', 'VHB (hépatite B)'] },
    syphilis: { label: 'Syphilis', synonyms: ['syphillis', 'TPHA', 'tréponème', 'treponeme', 'syph'] },
  },
} as const satisfies CategoryDefinition<'VIH' | 'VHC' | 'VHB' | 'syphilis'>;

export const RESULTAT = {
  values: {
    negatif: { label: 'Négatif', synonyms: ['NEG', 'nég', '-', 'négative', 'negative', 'non réactif', 'NR'] },
    positif: { label: 'Positif', synonyms: ['POS', '+', 'positive', 'réactif', 'reactif'] },
    invalide: {
      label: 'Invalide',
      synonyms: ['indéterminé', 'indeterminé', 'indeterminee', 'indéterminée', 'ininterprétable', 'non interprétable', 'douteux', 'inv', 'invalid'],
    },
  },
} as const satisfies CategoryDefinition<'negatif' | 'positif' | 'invalide'>;

export const CRENEAU = {
  values: {
    jour: { label: 'Jour', synonyms: ['journée', 'diurne', 'matin', 'après-midi', 'apres midi', 'J'] },
    nuit: { label: 'Nuit', synonyms: ['soir', 'soirée', 'nocturne', 'N'] },
  },
} as const satisfies CategoryDefinition<'jour' | 'nuit'>;

export const DEMANDE = {
  values: {
    premiere: {
      label: 'Première demande',
      synonyms: ['première', 'premiere', '1ère demande', '1re demande', '1ere', 'nouvelle demande', 'nouvelle', 'primo-demande', 'primo demande', 'primo', 'création'],
    },
    renouvellement: {
      label: 'Renouvellement',
      synonyms: ['renouvelement', 'renouv', 'renouv.', 'renouvellement de domiciliation', 'demande de renouvellement'],
    },
  },
} as const satisfies CategoryDefinition<'premiere' | 'renouvellement'>;

export const DECISION = {
  values: {
    accord: { label: 'Accord', synonyms: ['accordé', 'accordée', 'accepté', 'acceptée', 'favorable', 'validé', 'validée', 'oui', 'ok'] },
    refus: { label: 'Refus', synonyms: ['refusé', 'refusée', 'défavorable', 'rejet', 'rejeté', 'non'] },
  },
} as const satisfies CategoryDefinition<'accord' | 'refus'>;

export const FORME = {
  values: {
    cheque_service: {
      label: 'Chèque de service',
      synonyms: ['chèques de service', 'chèque service', 'chèques service', 'cheque de service', 'chèque', 'ticket service', 'CHQ', 'chèque d\'accompagnement personnalisé', 'CAP'],
    },
    especes: { label: 'Espèces', synonyms: ['especes', 'espece', 'espèce', 'liquide', 'numéraire', 'cash'] },
    paiement_electronique: {
      label: 'Paiement électronique',
      synonyms: ['carte', 'carte prépayée', 'carte prepayee', 'CB', 'paiement en ligne', 'paiement électronique', 'e-paiement'],
    },
    virement: { label: 'Virement', synonyms: ['vir', 'virement bancaire'] },
    autre: { label: 'Autre', synonyms: ['autres', 'divers'] },
  },
} as const satisfies CategoryDefinition<'cheque_service' | 'especes' | 'paiement_electronique' | 'virement' | 'autre'>;

/** Every category of the contract, by the name used in `valeurs` of the config. */
export const CATEGORIES = { DEPISTAGE, RESULTAT, CRENEAU, DEMANDE, DECISION, FORME } as const;

/** Label of a canonical value (`negatif` → `Négatif`). */
export function labelOf<V extends string>(definition: CategoryDefinition<V>, value: V): string {
  return definition.values[value].label;
}
