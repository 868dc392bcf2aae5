// A funder's bilan built by hand (the figures stage's output shape), for the render tests.
import type { FunderBilan, FunderIndicatorRow } from '../../src/figures/funder-bilan-types.js';

export function row(label: string, extra: Partial<FunderIndicatorRow> = {}): FunderIndicatorRow {
  return {
    label,
    figureId: 'trod.tests',
    type: 'resultat',
    unit: '',
    expected: null,
    obtained: { valeur: 0 },
    previous: null,
    rate: null,
    status: 'sans-cible',
    ...extra,
  };
}

export function sampleBilan(extra: Partial<FunderBilan> = {}): FunderBilan {
  return {
    id: 'ars',
    nom: 'ARS Île-de-France',
    action: 'Prévention et dépistage hors les murs',
    convention: '2023-ARS-042',
    year: 2025,
    rows: [
      row('Nombre de TROD VIH réalisés', { dimension: 'depistage', modalite: 'VIH', expected: 100, obtained: { valeur: 73 }, previous: { valeur: 64 }, rate: 73, status: 'non-atteint' }),
      row('Personnes dépistées', { figureId: 'trod.personnes', expected: 1200, obtained: { valeur: 1534 }, previous: { valeur: 1320 }, rate: 128, status: 'atteint' }),
      row('Tests positifs syphilis', { figureId: 'trod.positifs', dimension: 'depistage', modalite: 'syphilis', expected: 5, obtained: { valeur: null, masque: 'seuil' }, previous: { valeur: null, masque: 'secondaire' }, status: 'non-disponible' }),
      row('Sessions de maraude', { figureId: 'maraudes.sessions', type: 'moyens', obtained: { valeur: 212 }, previous: { valeur: 198 }, status: 'sans-cible' }),
      row('Montant des aides versées', { figureId: 'aides.montant', type: 'moyens', unit: '€', expected: 20000, obtained: { valeur: 18250.5 }, previous: null, rate: 91, status: 'non-atteint' }),
    ],
    sections: [],
    sources: [
      { file: 'trod.csv', period: 'du 2 janvier 2025 au 30 décembre 2025' },
      { file: 'maraudes.csv', period: 'du 3 janvier 2025 au 29 décembre 2025' },
    ],
    threshold: 3,
    ...extra,
  };
}
