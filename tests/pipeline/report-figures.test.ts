import { describe, expect, it } from 'vitest';
import type { FigureSet, PublishedFigure, PublishedFigures } from '../../src/figures/index.js';
import { createReportFigures } from '../../src/pipeline/report-figures.js';

function cell(dimension: string, modalite: string, valeur: number | string, label?: string): PublishedFigure {
  return {
    indicateur: 'domiciliations.personnes',
    annee: 2025,
    dimension,
    modalite,
    valeur,
    unite: 'personnes',
    libelle: 'Personnes domiciliées',
    ...(label !== undefined && { libelleModalite: label }),
    source: { kind: 'donnees', file: 'domiciliations.csv' },
  };
}

function figuresOf(cells: PublishedFigure[]) {
  const set = { year: 2025, hierarchies: [] } as unknown as FigureSet;
  const published: PublishedFigures = { threshold: 3, figures: cells, suppressed: [] };
  return createReportFigures(set, published);
}

describe('createReportFigures: display order of breakdowns', () => {
  it('age bands were listed by decreasing count (25-34 before 18-24): they now come in age order', () => {
    const figures = figuresOf([
      cell('tranche_age', '25-34 ans', 106),
      cell('tranche_age', '35-44 ans', 70),
      cell('tranche_age', '18-24 ans', 46),
      cell('tranche_age', '55 ans et plus', 13),
      cell('tranche_age', 'Moins de 18 ans', 4),
      cell('tranche_age', 'non_renseigne', 9, 'Non renseigné'),
    ]);
    expect(figures.breakdown('domiciliations.personnes', 'tranche_age', 2025).map((c) => c.modalite)).toEqual([
      'Moins de 18 ans',
      '18-24 ans',
      '25-34 ans',
      '35-44 ans',
      '55 ans et plus',
      'non_renseigne',
    ]);
  });

  it('other free texts come largest first, masked cells read as null', () => {
    const figures = figuresOf([cell('origine', 'Asie', 30), cell('origine', 'Afrique subsaharienne', 116), cell('origine', 'France', '< 3')]);
    const cells = figures.breakdown('domiciliations.personnes', 'origine', 2025);
    expect(cells.map((c) => c.modalite)).toEqual(['Afrique subsaharienne', 'Asie', 'France']);
    expect(cells[2]?.valeur).toBeNull();
  });
});
