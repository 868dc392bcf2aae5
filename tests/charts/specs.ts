// One spec per chart type, sized like the demo association's data, with suppressed cells.
import type {
  DoughnutChartSpec,
  HorizontalBarChartSpec,
  MonthlyLineChartSpec,
  PyramidChartSpec,
  StackedBarChartSpec,
  VerticalBarChartSpec,
} from '../../src/charts/types.js';

export const SPECS = {
  vertical: {
    type: 'bar-vertical',
    title: 'Tests par dépistage',
    labels: ['VIH', 'VHB', 'VHC', 'Syphilis'],
    series: [{ name: 'Tests', values: [73, 71, 12345, null] }],
    suppressedBelow: 3,
  } satisfies VerticalBarChartSpec,
  horizontal: {
    type: 'bar-horizontal',
    title: 'Personnes rencontrées par nationalité',
    labels: ['Chine', 'Nigéria', 'Roumanie', 'République démocratique du Congo', 'Autres pays d’Afrique subsaharienne hors Nigéria et Ghana'],
    series: [
      { name: '2023', values: [210, 180, 95, 23, 12] },
      { name: '2022', values: [190, 150, null, 20, 9] },
    ],
    suppressedBelow: 3,
  } satisfies HorizontalBarChartSpec,
  stacked: {
    type: 'bar-stacked',
    title: 'Résultats des TROD',
    labels: ['VIH', 'VHB', 'VHC'],
    series: [
      { name: 'Négatif', values: [70, 65, 68] },
      { name: 'Positif, nouvelle découverte', values: [13, 14, null] },
      { name: 'Positif, déjà connu', values: [15, 12, 13] },
    ],
    suppressedBelow: 3,
  } satisfies StackedBarChartSpec,
  line: {
    type: 'line-monthly',
    title: 'Contacts en maraude par mois',
    year: 2023,
    values: [1450, 1380, 1620, 1500, 1710, 1490, 1302, 980, 1540, 1620, 1700, 1776],
    previousValues: [1200, 1100, 1300, 1350, 1400, 1380, 1250, 900, 1420, 1500, 1530, null],
  } satisfies MonthlyLineChartSpec,
  doughnut: {
    type: 'doughnut',
    title: 'Personnes rencontrées par genre',
    labels: ['Femme', 'Femme transgenre', 'Homme', 'Homme transgenre', 'Autre'],
    values: [381, 250, 120, null, 3],
    total: 756,
    suppressedBelow: 3,
  } satisfies DoughnutChartSpec,
  pyramid: {
    type: 'pyramid',
    title: 'Personnes domiciliées par âge et genre',
    bands: ['Moins de 18 ans', '18-24 ans', '25-34 ans', '35-44 ans', '45-54 ans', '55 ans et plus'],
    left: { name: 'Femmes', values: [null, 28, 95, 80, 45, 26] },
    right: { name: 'Hommes', values: [4, 12, 40, 33, 18, 1250] },
    suppressedBelow: 3,
  } satisfies PyramidChartSpec,
};
