import { InvalidArgumentError } from 'commander';

/** `--annee`: a four-digit year, else a usage error (exit 2) in French. */
export function parseYearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) {
    throw new InvalidArgumentError(`année invalide « ${value} » : attendu une année sur quatre chiffres, par ex. 2025`);
  }
  return Number(value);
}
