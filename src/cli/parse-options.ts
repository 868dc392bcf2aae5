import { InvalidArgumentError } from 'commander';

/** `--annee`: a four-digit year, else a usage error (exit 2) in French. */
export function parseYearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) {
    throw new InvalidArgumentError(`année invalide « ${value} » : attendu une année sur quatre chiffres, par ex. 2025`);
  }
  return Number(value);
}

/**
 * `build --sortie`: a folder. « - » (stdout for `chiffres`) cannot hold a PDF, an HTML file and a
 * CSV: refused rather than creating a folder named « - ».
 */
export function parseOutputFolderOption(value: string): string {
  if (value.trim() === '-' || value.trim() === '') {
    throw new InvalidArgumentError(
      `--sortie attend un dossier, pas « ${value} » : build écrit plusieurs fichiers (PDF, HTML, CSV) ; la sortie standard n'est possible qu'avec « rapport chiffres »`,
    );
  }
  return value;
}
