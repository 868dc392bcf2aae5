// Published figures of a fictitious association for the helper tests (2023 vs 2022): totals,
// breakdowns with suppressed cells, euros, rates, aid natures grouped in categories.
import { UsageError } from '../../src/shared/errors.js';
import { cell, createFakeFigures, renderBody, value, visibleText } from './fake-figures.js';

export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

export const figures = createFakeFigures(
  [
    value('maraudes.preservatifs', 2023, 133_892, { libelle: 'Préservatifs distribués' }),
    value('maraudes.preservatifs', 2022, 81_051, { libelle: 'Préservatifs distribués' }),
    value('maraudes.sites', 2023, 12, { libelle: 'Sites visités' }),
    value('maraudes.sites', 2022, 12, { libelle: 'Sites visités' }),
    value('maraudes.sessions', 2023, 95, { libelle: 'Maraudes réalisées' }),
    value('maraudes.sessions', 2022, 100, { libelle: 'Maraudes réalisées' }),
    value('maraudes.entretiens', 2023, 7, { libelle: 'Entretiens santé' }),
    value('maraudes.entretiens', 2022, 0, { libelle: 'Entretiens santé' }),
    value('maraudes.nuit', 2023, 4, { libelle: 'Maraudes de nuit' }),
    value('aides.montant', 2023, 9589.4, { unite: '€', libelle: 'Montant des aides' }),
    value('aides.montant', 2022, 8618.43, { unite: '€', libelle: 'Montant des aides' }),
    value('aides.montant_moyen', 2023, 12.5, { libelle: 'Montant moyen' }),
    value('trod.taux', 2023, 50.27, { unite: '%', libelle: 'Taux de positivité' }),
    value('trod.tests', 2023, 249, { unite: 'tests', libelle: 'Tests réalisés' }),
    value('trod.tests', 2022, 2, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'VIH', 106, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'VHC', 67, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'VHB', 42, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'Syphilis', 34, { unite: 'tests', libelle: 'Tests réalisés' }),
    value('trod.positifs', 2023, 7, { libelle: 'Tests positifs' }),
    value('trod.positifs', 2022, null, { libelle: 'Tests positifs', masque: 'seuil' }),
    cell('trod.positifs', 2023, 'depistage', 'VIH', null, { libelle: 'Tests positifs', masque: 'seuil' }),
    cell('trod.positifs', 2023, 'depistage', 'Syphilis', 5, { libelle: 'Tests positifs' }),
    cell('trod.positifs', 2023, 'depistage', 'VHC', null, { libelle: 'Tests positifs', masque: 'seuil' }),
    value('domiciliations.personnes', 2023, 273, { libelle: 'Personnes domiciliées' }),
    value('domiciliations.renouvellements', 2023, 113, { libelle: 'Renouvellements' }),
    value('aides.nombre', 2023, 150, { libelle: 'Aides attribuées' }),
    ...(
      [
        ['Chèques de service', 100, 4550],
        ['Transport', 12, 685.8],
        ['Régularisation administrative', 23, 1800],
        ['Frais de santé', 4, 184.15],
        ['Nuitée d’hôtel', 1, 80],
        ['Maintien dans le logement', 4, 2045.62],
        ['Autre chose', 6, 120],
      ] as const
    ).flatMap(([nature, count, amount]) => [
      // As published: the small count « < 3 », its amount « s » (it would reveal the count).
      cell('aides.nombre', 2023, 'nature', nature, count === 1 ? null : count, { libelle: 'Aides attribuées', ...(count === 1 && { masque: 'seuil' as const }) }),
      cell('aides.montant', 2023, 'nature', nature, count === 1 ? null : amount, { unite: '€', libelle: 'Montant des aides', ...(count === 1 && { masque: 'associee' as const }) }),
    ]),
  ],
  {
    year: 2023,
    threshold: 3,
    parents: {
      'aides.nombre|nature': {
        'Chèques de service': 'Aide à la vie quotidienne',
        Transport: 'Aide à la vie quotidienne',
        'Régularisation administrative': 'Aide à la vie quotidienne',
        'Frais de santé': 'Aide à la vie quotidienne',
        'Nuitée d’hôtel': 'Hébergement',
        'Maintien dans le logement': 'Hébergement',
      },
    },
  },
);

/** Visible text of a one-paragraph section. */
export function say(body: string): string {
  return visibleText(renderBody(body, figures));
}

export function failure(body: string): UsageError {
  try {
    renderBody(body, figures);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no error for ${body}`);
}
