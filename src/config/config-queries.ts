// Small questions the later stages ask of the config, answered in one place so they agree.
import { basename, join } from 'node:path';
import { normalizeHeader } from '../shared/normalize.js';
import type { LoadedConfig, MultiAnswerDimension } from './types.js';

/** The document title: the config's `titre`, else « Rapport d'activité <année> ». */
export function formatReportTitle(config: Pick<LoadedConfig, 'titre'>, year: number): string {
  return config.titre ?? `Rapport d'activité ${year}`;
}

/**
 * True when the parts of `indicateur` by `dimension` may add up to more than its total (one
 * person, several answers). Dimensions are compared ignoring case, accents and punctuation.
 */
export function isMultiAnswer(declared: readonly MultiAnswerDimension[], indicateur: string, dimension: string): boolean {
  const key = normalizeHeader(dimension);
  return declared.some((entry) => normalizeHeader(entry.dimension) === key && (entry.indicateur === null || entry.indicateur === indicateur));
}

/** `reponses_multiples` in the figures stage's form: `indicateur:dimension`, or a bare dimension. */
export function listMultiAnswerDimensions(config: Pick<LoadedConfig, 'reponses_multiples'>): string[] {
  return config.reponses_multiples.map((m) => (m.indicateur ? `${m.indicateur}:${m.dimension}` : m.dimension));
}

/** The config file as messages show it: the folder as given on the command line + its name. */
export function describeConfigFile(config: Pick<LoadedConfig, 'source'>, folder: string): string {
  return join(folder, config.source === null ? 'rapport.yaml' : basename(config.source));
}
