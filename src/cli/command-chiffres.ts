// `rapport chiffres`: every figure of the report, exported as CSV (French Excel, re-readable as
// history) or JSON (with evolutions). Published values by default; `--complet` for internal use.
import { InvalidArgumentError, type Command } from 'commander';
import { statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { listMultiAnswerDimensions, loadConfig } from '../config/index.js';
import { applyConfidentiality, formatFiguresCsv, formatFiguresJson } from '../figures/index.js';
import { computeFigures, describeFigureOptions } from '../pipeline/compute-figures.js';
import { writeFileAtomic } from '../pipeline/write-atomic.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { formatInteger, plural } from '../shared/format.js';
import { writeData, writeError, writeOut } from './output.js';
import { suggestClosest } from '../shared/suggest.js';
import { parseYearOption } from './parse-options.js';

type ExportFormat = 'csv' | 'json';

interface ChiffresOptions {
  annee?: number;
  format: ExportFormat;
  sortie?: string;
  complet?: boolean;
  debug?: boolean;
}

/** Findings printed after a successful export; the rest are counted (all are in the JSON export). */
const SHOWN_FINDINGS = 20;

function parseFormatOption(value: string): ExportFormat {
  const format = value.trim().toLowerCase();
  if (format !== 'csv' && format !== 'json') {
    const close = suggestClosest(format, ['csv', 'json']);
    const suggestion = close === undefined ? '' : ` — vouliez-vous dire «\u00a0${close}\u00a0»\u00a0?`;
    throw new InvalidArgumentError(`format inconnu « ${value} » : valeurs possibles csv, json${suggestion}`);
  }
  return format;
}

/** `--sortie -`, or JSON without `--sortie`: the export goes to stdout (`| jq`). */
export function isStdoutExport(sortie: string | undefined, format: ExportFormat): boolean {
  return sortie === '-' || (sortie === undefined && format === 'json');
}

/** `<dossier>/sortie/chiffres-2024.csv`; the unsuppressed export gets its own name so it never replaces the publishable one. */
export function defaultChiffresPath(folder: string, year: number, format: ExportFormat, complete: boolean): string {
  return join(resolve(folder), 'sortie', `chiffres-${year}${complete ? '-complet' : ''}.${format}`);
}

/**
 * `--sortie` must name a file of the chosen format: not an existing folder (a likely slip for the
 * output folder of `build`), not a device or pipe, and not another kind of file (a `.pdf`, a
 * `.json` given with the CSV format…), which would be replaced by the export.
 */
export function checkChiffresPath(path: string, format: ExportFormat, defaultName: string): void {
  let info;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // A regular file where a folder of the path should be (ENOTDIR), no access…
    throw describeFsError(error, path);
  }
  if (info?.isDirectory()) {
    throw new UsageError(`--sortie désigne le dossier «\u00a0${path}\u00a0»\u00a0: un nom de fichier est attendu`, {
      hint: `par ex. --sortie ${join(path, defaultName)}`,
    });
  }
  if (info !== undefined && !info.isFile()) {
    throw new UsageError(`--sortie désigne «\u00a0${path}\u00a0», qui n'est pas un fichier ordinaire`, { hint: 'indiquez un fichier .csv ou .json' });
  }
  const extension = extname(path).toLowerCase();
  if (extension !== `.${format}`) {
    throw new UsageError(
      `--sortie «\u00a0${path}\u00a0»\u00a0: l'export au format ${format} doit porter l'extension .${format}${extension === '' ? '' : ` (et non ${extension})`}`,
      { hint: extension === '.csv' || extension === '.json' ? `ajoutez --format ${extension.slice(1)}, ou changez le nom du fichier` : `par ex. --sortie ${defaultName}` },
    );
  }
}

export function registerChiffres(program: Command): void {
  program
    .command('chiffres')
    .description('calcule tous les chiffres du rapport et les exporte en CSV ou JSON (secret statistique appliqué)')
    .argument('<dossier>', "dossier du projet (les CSV sont lus dans <dossier>/donnees s'il existe)")
    .option('--annee <AAAA>', 'année du rapport (par défaut : la plus récente présente dans les données)', parseYearOption)
    .option('--format <format>', 'csv ou json', parseFormatOption, 'csv')
    .option(
      '--sortie <fichier>',
      'fichier produit, ou « - » pour la sortie standard (par défaut : <dossier>/sortie/chiffres-<année>.csv en CSV, la sortie standard en JSON)',
    )
    .option('--complet', 'exporte les valeurs non masquées, pour usage interne uniquement (ne pas diffuser)')
    .option('--debug', 'affiche le détail technique des erreurs internes')
    .action(async (folder: string, options: ChiffresOptions) => {
      const config = await loadConfig(folder);
      const year = options.annee ?? config.annee;
      const toStdout = isStdoutExport(options.sortie, options.format);
      // Checked before the figures are computed: a wrong path fails fast.
      if (options.sortie !== undefined && !toStdout) {
        const name = `chiffres-${year ?? 'AAAA'}${options.complet === true ? '-complet' : ''}.${options.format}`;
        checkChiffresPath(resolve(options.sortie), options.format, name);
      }
      // No check of the funders' indicators: this command is how their ids are found.
      const { figures } = await computeFigures(describeFigureOptions(config, folder, options.annee));
      const complete = options.complet === true;
      const view = applyConfidentiality(figures, complete ? 0 : config.confidentialite.seuil, { multiAnswerDimensions: listMultiAnswerDimensions(config) });
      const content =
        options.format === 'json' ? formatFiguresJson(figures, view, { complete }) : formatFiguresCsv(view.figures, { complete });
      const years = figures.years.length > 1 ? `${figures.years[0]}–${figures.years[figures.years.length - 1]}` : String(figures.year);
      if (toStdout) {
        // The export is the data: nothing else goes to stdout, the summary goes to stderr.
        writeData(content);
        writeError(`Chiffres ${figures.year} : sortie standard (${options.format.toUpperCase()})`);
      } else {
        const path = options.sortie !== undefined ? resolve(options.sortie) : defaultChiffresPath(folder, figures.year, options.format, complete);
        await writeFileAtomic(path, content);
        writeOut(`Chiffres ${figures.year} : ${relative(process.cwd(), path) || path}`);
      }
      writeError(`  ${plural(view.figures.length, 'chiffre')} (années ${years})`);
      if (complete) {
        writeError('  Valeurs complètes, NON MASQUÉES : usage interne uniquement, ne pas diffuser.');
      } else if (view.threshold > 0) {
        writeError(`  Secret statistique (seuil ${formatInteger(view.threshold)}) : ${plural(view.suppressed.length, 'case masquée', 'cases masquées')}`);
      }
      if (figures.findings.length > 0) {
        writeError(`${plural(figures.findings.length, 'constat')} de cohérence à vérifier :`);
        for (const finding of figures.findings.slice(0, SHOWN_FINDINGS)) {
          const lines = finding.lines.length > 0 ? `, ligne${finding.lines.length > 1 ? 's' : ''} ${finding.lines.join(', ')}` : '';
          writeError(`  ${finding.file}${lines} : ${finding.message}`);
        }
        if (figures.findings.length > SHOWN_FINDINGS) writeError(`  … et ${formatInteger(figures.findings.length - SHOWN_FINDINGS)} autres`);
      }
    });
}
