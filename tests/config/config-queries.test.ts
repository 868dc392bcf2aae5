import { describe, expect, it } from 'vitest';
import { formatReportTitle, isMultiAnswer } from '../../src/config/index.js';

describe('formatReportTitle', () => {
  it('uses the configured title, else « Rapport d’activité N »', () => {
    expect(formatReportTitle({ titre: undefined }, 2023)).toBe("Rapport d'activité 2023");
    expect(formatReportTitle({ titre: 'Bilan 2023' }, 2023)).toBe('Bilan 2023');
  });
});

describe('isMultiAnswer', () => {
  const declared = [
    { indicateur: 'accueil.orientations', dimension: 'type' },
    { indicateur: null, dimension: 'Motif de visite' },
  ];

  it('matches a dimension declared for one figure only for that figure', () => {
    expect(isMultiAnswer(declared, 'accueil.orientations', 'type')).toBe(true);
    expect(isMultiAnswer(declared, 'accueil.visites', 'type')).toBe(false);
  });

  it('matches a dimension declared for every figure, ignoring case and accents', () => {
    expect(isMultiAnswer(declared, 'accueil.visites', 'motif_de_visite')).toBe(true);
    expect(isMultiAnswer(declared, 'trod.tests', 'MOTIF DE VISITE')).toBe(true);
    expect(isMultiAnswer(declared, 'trod.tests', 'genre')).toBe(false);
  });
});
