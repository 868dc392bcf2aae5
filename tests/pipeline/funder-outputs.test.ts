// The build's funder helpers: which ids `--financeur` accepts (and what it says otherwise), and
// which bilans of an earlier full build are obsolete.
import { describe, expect, it } from 'vitest';
import { checkFunderOption, listFunderIds, listObsoleteBilans } from '../../src/pipeline/funder-outputs.js';
import { makeFolder } from '../figures/figure-helpers.js';

const indicator = { chiffre: 'trod.tests', libelle: undefined, cible: 100, type: 'resultat' as const };
const config = {
  financeurs: [
    { id: 'ars', nom: 'ARS', indicateurs: [indicator], sections: [] },
    { id: 'ville-vernelle', nom: 'Ville', indicateurs: [indicator], sections: [] },
    { id: 'sans', nom: 'Sans indicateurs', indicateurs: [], sections: [] },
    { nom: 'Fondation', indicateurs: [], sections: [] },
  ],
};

describe('--financeur', () => {
  it('knows the funders with an id and indicators, in config order', () => {
    expect(listFunderIds(config)).toEqual(['ars', 'ville-vernelle']);
    expect(() => checkFunderOption(config, 'ville-vernelle')).not.toThrow();
  });

  it('refuses an unknown id (exit 2) with the closest one and the list', () => {
    expect(() => checkFunderOption(config, 'arss')).toThrow(expect.objectContaining({ exitCode: 2, message: '--financeur : financeur « arss » inconnu ; vouliez-vous dire « ars » ?', hint: 'financeurs avec un bilan : ars, ville-vernelle' }));
    // A funder without indicators has no bilan to build.
    expect(() => checkFunderOption(config, 'sans')).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => checkFunderOption({ financeurs: [] }, 'ars')).toThrow(expect.objectContaining({ hint: expect.stringContaining("aucun financeur de rapport.yaml n'a d'indicateurs") }));
  });
});

describe('listObsoleteBilans', () => {
  it('lists the year-N bilans not rebuilt, never another year nor another file', () => {
    const out = makeFolder({
      'financeurs/ars-2025.pdf': '',
      'financeurs/parti-2025.pdf': '',
      'financeurs/parti-2025.csv': '',
      'financeurs/ville-vernelle-2024.pdf': '',
      'financeurs/notes.txt': '',
    });
    expect(listObsoleteBilans(out, 2025, ['financeurs/ars-2025.pdf', 'financeurs/ars-2025.csv']).sort()).toEqual(['financeurs/parti-2025.csv', 'financeurs/parti-2025.pdf']);
    expect(listObsoleteBilans(makeFolder({}), 2025, [])).toEqual([]);
  });
});
