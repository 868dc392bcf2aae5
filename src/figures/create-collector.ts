// Entry of the figures stage: accumulators plugged into ingestion (one pass over each file),
// then a figure set for the report year N and every earlier year present.
import type { IngestReport, RowSink } from '../ingest/index.js';
import { DataError } from '../shared/errors.js';
import { buildFigureSet } from './build-set.js';
import { createAidesCollector } from './collect-aides.js';
import { createDomiciliationsCollector } from './collect-domiciliations.js';
import { createIndicateursCollector } from './collect-indicateurs.js';
import { createMaraudesCollector } from './collect-maraudes.js';
import { createTrodCollector } from './collect-trod.js';
import type { CollectorContext } from './collector-context.js';
import { applyLabelOverrides } from './labels.js';
import { FindingLog } from './row-checks.js';
import type { CollectorOptions, FigureCollector, FigureSet } from './types.js';

export function createFigureCollector(options: CollectorOptions = {}): FigureCollector {
  const log = new FindingLog();
  const maraudes = createMaraudesCollector(log);
  const trod = createTrodCollector(log, options.categories?.trod?.['resultat']);
  const domiciliations = createDomiciliationsCollector(log);
  const aides = createAidesCollector(log);
  const indicateurs = createIndicateursCollector(log, options.multiAnswerDimensions ?? [], options.labels ?? {}, options.categories ?? {});
  const sink: RowSink = {
    maraudes: maraudes.add,
    trod: trod.add,
    domiciliations: domiciliations.add,
    aides: aides.add,
    indicateurs: indicateurs.add,
  };
  let finished = false;

  return {
    sink,
    finish(report: IngestReport): FigureSet {
      if (finished) throw new Error('figure collector already finished');
      finished = true;
      const year = options.reportYear ?? report.year;
      if (year === undefined) {
        throw new DataError('aucune donnée datée : impossible de calculer des chiffres', {
          hint: 'ajoutez au moins un fichier de données (maraudes.csv, trod.csv, domiciliations.csv, aides_financieres.csv ou indicateurs.csv)',
        });
      }
      const context: CollectorContext = { lastYear: year, report, figures: [], hierarchies: [] };
      for (const collector of [maraudes, trod, domiciliations, aides, indicateurs]) collector.emit(context);
      applyLabelOverrides(context.figures, { ...(options.labels && { figures: options.labels }), ...(options.categories && { categories: options.categories }) });
      return buildFigureSet(year, context.figures, log.list(), context.hierarchies);
    },
  };
}
