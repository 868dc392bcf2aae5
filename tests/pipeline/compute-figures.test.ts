// computeFigures: ingestion and figures in one pass; invalid data stops with the check messages.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { DataError, UsageError } from '../../src/shared/errors.js';
import { makeFolder } from '../figures/figure-helpers.js';

describe('computeFigures', () => {
  it('returns the ingest report and the figures of the latest year by default', async () => {
    const folder = makeFolder({ 'donnees/trod.csv': 'Date;Dépistage;Résultat\n10/03/2023;VIH;Négatif\n10/03/2024;VIH;Positif\n' });
    const { report, figures } = await computeFigures({ folder });
    expect(report.ok).toBe(true);
    expect(figures.year).toBe(2024);
    expect(figures.years).toEqual([2023, 2024]);
  });

  it('throws a DataError (exit 1) listing file, line, column and value of invalid rows', async () => {
    const folder = makeFolder({ 'trod.csv': 'Date;Dépistage;Résultat\n31/02/2024;VIH;Négatif\n10/03/2024;VIH;peut-être\n' });
    const failure = await computeFigures({ folder }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    const error = failure as DataError;
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('2 erreurs');
    expect(error.details[0]).toMatch(/^trod\.csv, ligne 2, colonne « Date » : .*31\/02\/2024/);
    expect(error.details[1]).toMatch(/^trod\.csv, ligne 3, colonne « Résultat » : .*peut-être/);
    expect(error.hint).toContain('rapport check');
  });

  it('applies the year asked for: later rows are left out', async () => {
    const folder = makeFolder({ 'trod.csv': 'Date;Dépistage;Résultat\n10/03/2023;VIH;Négatif\n10/03/2024;VIH;Positif\n' });
    const { figures } = await computeFigures({ folder, year: 2023 });
    expect(figures.year).toBe(2023);
    expect(figures.figures.every((f) => f.annee <= 2023)).toBe(true);
  });

  it('refuses a folder that does not exist as a usage error', async () => {
    await expect(computeFigures({ folder: '/nonexistent/rapport' })).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a folder without any data as a DataError', async () => {
    await expect(computeFigures({ folder: makeFolder({ 'notes.txt': 'rien' }) })).rejects.toBeInstanceOf(DataError);
  });
});
