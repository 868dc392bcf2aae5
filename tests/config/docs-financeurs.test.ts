// docs/financeurs.md: its YAML examples are valid rapport.yaml, and the complete example (the
// demo's funders) names only figures, breakdowns and modalités the demo data has.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema, listMultiAnswerDimensions, loadConfig, type LoadedConfig } from '../../src/config/index.js';
import { applyConfidentiality, buildFunderBilans, findFunderIndicatorProblems, type FigureSet } from '../../src/figures/index.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { DEMO } from '../cli/demo-copy.js';

const DOC = readFileSync(resolve(import.meta.dirname, '../../docs/financeurs.md'), 'utf8');
const EXAMPLES = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

let demo: LoadedConfig;
let figures: FigureSet;

beforeAll(async () => {
  demo = await loadConfig(DEMO);
  figures = (await computeFigures({ folder: DEMO, multiAnswerDimensions: listMultiAnswerDimensions(demo), labels: demo.libelles, funders: demo })).figures;
});

describe('docs/financeurs.md', () => {
  it.each(EXAMPLES.map((example, index) => [index + 1, example] as const))('example %i is a valid rapport.yaml', (_index, example) => {
    const result = configSchema.safeParse(parse(example) ?? {});
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('the complete example names figures the demo data has', () => {
    const complete = configSchema.parse(parse(EXAMPLES[0] ?? ''));
    expect(complete.financeurs.filter((funder) => funder.indicateurs.length > 0)).toHaveLength(3);
    expect(findFunderIndicatorProblems(complete.financeurs, figures.figures)).toEqual([]);
  });
});

describe('the demo association', () => {
  it('has three funders with bilans: targets, a funder without targets, a funder section', () => {
    const published = applyConfidentiality(figures, demo.confidentialite.seuil, { multiAnswerDimensions: listMultiAnswerDimensions(demo) });
    const bilans = buildFunderBilans(demo.financeurs, published, { year: figures.year });
    expect(bilans.map((bilan) => bilan.id)).toEqual(['ars', 'ddets', 'ville-vernelle']);
    const [ars, ddets, ville] = bilans;
    expect(ars?.sections).toEqual([resolve(DEMO, 'financeurs/ars.md')]);
    expect(ville?.rows.every((row) => row.status === 'sans-cible')).toBe(true);
    // Met and missed targets, and a cell hidden by statistical secrecy.
    const statuses = new Set([...(ars?.rows ?? []), ...(ddets?.rows ?? [])].map((row) => row.status));
    expect([...statuses].sort()).toEqual(['atteint', 'non-atteint', 'sans-cible']);
    expect(ars?.rows.some((row) => row.obtained.masque !== undefined)).toBe(true);
  });
});
