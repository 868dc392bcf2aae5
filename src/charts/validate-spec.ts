// Checks a chart spec before drawing: a spec is built by code from computed figures, but a
// mismatch (3 values for 4 labels) must stop the build with a message naming the chart rather
// than draw a wrong chart.
import { RenderError } from '../shared/errors.js';
import { formatInteger, formatNumber, plural } from '../shared/format.js';
import type { ChartSeries, ChartSpec, ChartValue } from './types.js';

export function validateChartSpec(spec: ChartSpec): void {
  const problems: string[] = [];
  const checkValues = (name: string, values: readonly ChartValue[], expected: number, nonNegative: boolean): void => {
    if (values.length !== expected) problems.push(`${name}\u00a0: ${plural(values.length, 'valeur')} pour ${formatInteger(expected)} attendues`);
    values.forEach((value, index) => {
      if (typeof value !== 'number') return;
      if (!Number.isFinite(value)) problems.push(`${name}\u00a0: valeur n°\u00a0${formatInteger(index + 1)} non numérique (${String(value)})`);
      else if (nonNegative && value < 0) problems.push(`${name}\u00a0: valeur n°\u00a0${formatInteger(index + 1)} négative (${formatNumber(value)})`);
    });
  };
  const checkSeries = (series: readonly ChartSeries[], count: number): void => {
    if (series.length === 0) problems.push('aucune série de valeurs');
    for (const one of series) checkValues(`série «\u00a0${one.name}\u00a0»`, one.values, count, false);
  };
  switch (spec.type) {
    case 'bar-vertical':
    case 'bar-horizontal':
    case 'bar-stacked':
      if (spec.labels.length === 0) problems.push('aucun libellé');
      checkSeries(spec.series, spec.labels.length);
      break;
    case 'line-monthly':
      checkValues(`année ${spec.year}`, spec.values, 12, false);
      if (spec.previousValues !== undefined) checkValues(`année ${spec.year - 1}`, spec.previousValues, 12, false);
      break;
    case 'doughnut':
      if (spec.labels.length === 0) problems.push('aucun libellé');
      checkValues('parts', spec.values, spec.labels.length, true);
      break;
    case 'pyramid':
      if (spec.bands.length === 0) problems.push('aucune tranche');
      checkValues(`série «\u00a0${spec.left.name}\u00a0»`, spec.left.values, spec.bands.length, true);
      checkValues(`série «\u00a0${spec.right.name}\u00a0»`, spec.right.values, spec.bands.length, true);
      break;
  }
  if (problems.length > 0) {
    throw new RenderError(`Graphique «\u00a0${spec.title}\u00a0» impossible à dessiner.`, {
      details: problems,
      hint: 'Ce graphique est construit par rapport à partir des chiffres\u00a0: signalez ce problème avec le dossier de données.',
    });
  }
}
