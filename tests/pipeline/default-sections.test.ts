// The chapters chosen when rapport.yaml lists none: one per data file, then one per other figure
// family with a value in the report year, so that nothing the data holds is left out.
import { describe, expect, it } from 'vitest';
import { listDefaultSections } from '../../src/pipeline/default-sections.js';
import { describeFamily } from '../../src/shared/describe-id.js';

function figuresOf(year: number, values: Record<string, number[]>) {
  return {
    year,
    ids: () => Object.keys(values),
    get: (id: string, wanted: number) => (values[id]?.includes(wanted) ? ({ valeur: 1 } as never) : undefined),
  };
}

describe('listDefaultSections', () => {
  it('gives every indicateurs.csv family a chapter, not only accueil.*', () => {
    const figures = figuresOf(2024, {
      'maraudes.sessions': [2023, 2024],
      'accueil.passages': [2024],
      'caarud.file_active': [2023, 2024],
      'sante.orientations_soin': [2024],
    });
    const sections = listDefaultSections(new Set(['maraudes']), figures);
    expect(sections.map((s) => `${s.kind}:${s.id}`)).toEqual(['builtin:chiffres-cles', 'builtin:maraudes', 'builtin:accueil', 'famille:caarud', 'famille:sante']);
    expect(sections.find((s) => s.id === 'sante')).toMatchObject({ titre: 'Santé' });
    expect(sections.find((s) => s.id === 'caarud')).toMatchObject({ titre: 'CAARUD' });
  });

  it('takes a family title from the config', () => {
    const sections = listDefaultSections(new Set(), figuresOf(2024, { 'rdr.kits': [2024] }), new Map([['rdr', 'Réduction des risques']]));
    expect(sections.at(-1)).toEqual({ kind: 'famille', id: 'rdr', titre: 'Réduction des risques' });
  });

  it('shows maraudes.* figures given only by indicateurs.csv (no maraudes.csv) in a family chapter', () => {
    const sections = listDefaultSections(new Set(), figuresOf(2024, { 'maraudes.sessions': [2024] }));
    expect(sections.map((s) => `${s.kind}:${s.id}`)).toEqual(['builtin:chiffres-cles', 'famille:maraudes']);
  });

  it('gives no chapter to a family with values only in past years, and no chiffres clés to an empty year', () => {
    expect(listDefaultSections(new Set(), figuresOf(2024, { 'sante.vaccinations': [2022, 2023] }))).toEqual([]);
  });
});

describe('describeFamily', () => {
  it('gives readable titles to unaccented prefixes', () => {
    expect(describeFamily('sante')).toBe('Santé');
    expect(describeFamily('mediation_sante')).toBe('Médiation santé');
    expect(describeFamily('caarud')).toBe('CAARUD');
    expect(describeFamily('ateliers-collectifs')).toBe('Ateliers collectifs');
  });
});
