// Funders' indicators and the short-form `objectifs` name figures of the data: checked once the
// figures are computed (build and check alike), as config errors (exit 2) naming the funder, the
// indicator, the unknown value and the closest valid one.
import { ConfigError, type ConfigProblem, formatKeyPath, type LoadedConfig } from '../config/index.js';
import { CATALOGUE } from '../figures/catalogue.js';
import { type Figure, findFunderIndicatorProblems } from '../figures/index.js';
import { DATASET_FILES } from '../ingest/index.js';
import { suggestClosest } from '../shared/suggest.js';

const HINT = 'la liste des chiffres est dans docs/chiffres.md ; « rapport chiffres » exporte ceux de vos données (guide : docs/financeurs.md)';

function listKnown(known: readonly string[]): string {
  const shown = known.slice(0, 8).map((value) => `« ${value} »`);
  return `${shown.join(', ')}${known.length > 8 ? '…' : ''}`;
}

/**
 * A catalogue figure is not « unknown » when its file is absent this year: saying so points to
 * the missing export rather than to a typo in rapport.yaml.
 */
function describeMissingFigure(id: string): string {
  const file = DATASET_FILES[id.split('.')[0] as keyof typeof DATASET_FILES];
  if (CATALOGUE[id] === undefined || file === undefined) return `chiffre inconnu « ${id} »`;
  return `aucune donnée pour le chiffre « ${id} » : le fichier ${file} est absent ou n'a aucune ligne valide (ajoutez-le, ou retirez cet indicateur)`;
}

export function checkFunderIndicators(
  config: Pick<LoadedConfig, 'financeurs' | 'objectifs'>,
  figures: readonly Pick<Figure, 'indicateur' | 'dimension' | 'modalite' | 'libelleModalite'>[],
  configFile: string,
): void {
  const problems: ConfigProblem[] = findFunderIndicatorProblems(config.financeurs, figures).map((problem) => {
    const funder = config.financeurs[problem.funder];
    const indicator = funder?.indicateurs[problem.indicator];
    const where = `financeur « ${funder?.id ?? funder?.nom ?? ''} », indicateur « ${indicator?.libelle ?? indicator?.chiffre ?? ''} »`;
    const advice = problem.closest !== undefined ? ` ; vouliez-vous dire « ${problem.closest} » ?` : problem.known.length > 0 ? ` ; valeurs possibles : ${listKnown(problem.known)}` : '';
    const what =
      problem.kind === 'chiffre'
        ? describeMissingFigure(problem.value)
        : problem.kind === 'dimension'
          ? problem.known.length === 0
            ? `le chiffre n'a pas de ventilation (reçu « ${problem.value} »)`
            : `ventilation inconnue « ${problem.value} »`
          : `modalité inconnue « ${problem.value} » pour la ventilation « ${indicator?.dimension ?? ''} »`;
    const key = ['financeurs', problem.funder, 'indicateurs', problem.indicator, problem.kind === 'chiffre' ? 'chiffre' : (indicator?.dimension ?? '')];
    return {
      file: configFile,
      ...(indicator?.ligne !== undefined && { line: indicator.ligne }),
      key: formatKeyPath(key),
      message: `${where} : ${what}${advice}`,
    };
  });
  const ids = [...new Set(figures.map((figure) => figure.indicateur))];
  for (const id of Object.keys(config.objectifs)) {
    if (ids.includes(id)) continue;
    const closest = suggestClosest(id, ids);
    problems.push({
      file: configFile,
      key: formatKeyPath(['objectifs', id]),
      message: `chiffre inconnu « ${id} »${closest === undefined ? '' : ` ; vouliez-vous dire « ${closest} » ?`}`,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems, { hint: HINT });
}
