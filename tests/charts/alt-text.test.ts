import { describe, expect, it } from 'vitest';
import { describeChart } from '../../src/charts/alt-text.js';
import type { ChartSpec } from '../../src/charts/types.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('describeChart', () => {
  it('lists each label and value of a single-series bar chart', () => {
    const spec: ChartSpec = {
      type: 'bar-vertical',
      title: 'Tests par dépistage',
      labels: ['VIH', 'VHB', 'VHC'],
      series: [{ name: 'Tests', values: [73, 71, 71] }],
    };
    expect(describeChart(spec)).toBe(`Tests par dépistage${NBSP}: VIH 73, VHB 71, VHC 71`);
  });

  it('formats numbers in French and names each series of a multi-series chart', () => {
    const alt = describeChart({
      type: 'bar-horizontal',
      title: 'Préservatifs distribués',
      labels: ['Maraude', 'Accueil'],
      series: [
        { name: '2023', values: [133892, 1200] },
        { name: '2022', values: [81051, 900] },
      ],
    });
    expect(alt).toContain(`2023${NBSP}: Maraude 133${NNBSP}892, Accueil 1${NNBSP}200`);
    expect(alt).toContain(`${NBSP}; 2022${NBSP}: Maraude 81${NNBSP}051`);
  });

  it('says "< 3" for suppressed cells and explains it', () => {
    const alt = describeChart({
      type: 'bar-stacked',
      title: 'Résultats',
      labels: ['VIH', 'VHC'],
      series: [
        { name: 'Négatif', values: [70, 68] },
        { name: 'Positif', values: [5, null] },
      ],
      suppressedBelow: 3,
    });
    expect(alt).toContain(`VHC <${NBSP}3`);
    expect(alt).toContain('sans barre dessinée');
    expect(alt).toContain(`effectif inférieur à 3`);
  });

  it('gives each hidden cell its own mark (« < 3 », « s »), never 0, and explains both', () => {
    const alt = describeChart({
      type: 'pyramid',
      title: 'Pyramide',
      bands: ['18-24 ans', '25-34 ans'],
      left: { name: 'Femme', values: [12, `<${NBSP}3`] },
      right: { name: 'Homme', values: ['s', 9] },
      suppressedBelow: 3,
    });
    expect(alt).toContain(`18-24 ans${NBSP}: Femme 12, Homme s`);
    expect(alt).toContain(`25-34 ans${NBSP}: Femme <${NBSP}3, Homme 9`);
    expect(alt).not.toMatch(/Homme 0|Femme 0/);
    expect(alt).toContain('sans barre dessinée');
    expect(alt).toContain(`«${NBSP}s${NBSP}»${NBSP}: valeur masquée pour qu'une petite case ne puisse pas être recalculée`);
  });

  it('says "donnée masquée" when the threshold is unknown', () => {
    const alt = describeChart({ type: 'doughnut', title: 'Genre', labels: ['Femme', 'Autre'], values: [10, null] });
    expect(alt).toContain('Autre donnée masquée');
  });

  it('gives count and share of each doughnut slice, shares on the given total', () => {
    const alt = describeChart({
      type: 'doughnut',
      title: 'Personnes rencontrées par genre',
      labels: ['Femme', 'Homme', 'Autre'],
      values: [381, 372, null],
      total: 756,
      suppressedBelow: 3,
    });
    expect(alt).toContain(`Femme 381 (50,4${NBSP}%)`);
    expect(alt).toContain(`Homme 372 (49,2${NBSP}%)`);
    expect(alt).toContain(`Autre <${NBSP}3`);
  });

  it('summarises a monthly line per year with totals, maximum and minimum', () => {
    const values = [10, 12, 30, 12, 12, 12, 12, 5, 12, 12, 12, 12];
    const alt = describeChart({ type: 'line-monthly', title: 'Maraudes par mois', year: 2023, values, previousValues: values.map(() => 10) });
    expect(alt).toBe(
      `Maraudes par mois. 2023${NBSP}: 153 au total, maximum 30 en mars, minimum 5 en août${NBSP}; 2022${NBSP}: 120 au total`,
    );
  });

  it('counts masked months out of the total', () => {
    const values = [10, null, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    expect(describeChart({ type: 'line-monthly', title: 'Tests', year: 2023, values })).toContain('110 au total hors 1 mois masqué');
  });

  it('lists each band of a pyramid with both sides', () => {
    const alt = describeChart({
      type: 'pyramid',
      title: 'Âge et genre',
      bands: ['18-24 ans', '25-34 ans'],
      left: { name: 'Femmes', values: [12, 95] },
      right: { name: 'Hommes', values: [8, null] },
      suppressedBelow: 3,
    });
    expect(alt).toContain(`18-24 ans${NBSP}: Femmes 12, Hommes 8${NBSP}; 25-34 ans${NBSP}: Femmes 95, Hommes <${NBSP}3`);
  });
});
