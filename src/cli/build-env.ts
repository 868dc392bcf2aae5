// Build settings that also come from the environment: the browser delay and the reproducible
// date (SOURCE_DATE_EPOCH, the convention of reproducible-builds.org). A bad value is a usage
// error (exit 2), never silently ignored.
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../shared/errors.js';

const MAX_DELAY_SECONDS = 3600;

function parseDelay(value: string): number | undefined {
  const text = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const seconds = Number(text);
  return seconds > 0 && seconds <= MAX_DELAY_SECONDS ? seconds : undefined;
}

const DELAY_EXPECTED = `attendu un nombre de secondes entre 1 et ${MAX_DELAY_SECONDS}, par ex. 120`;

/** `--delai-navigateur <secondes>`. */
export function parseDelayOption(value: string): number {
  const seconds = parseDelay(value);
  if (seconds === undefined) throw new InvalidArgumentError(`délai invalide «\u00a0${value}\u00a0»\u00a0: ${DELAY_EXPECTED}`);
  return seconds;
}

/** The browser delay in ms: the option, else RAPPORT_DELAI_NAVIGATEUR, else undefined (the default, 60 s). */
export function resolveBrowserTimeout(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (option !== undefined) return option * 1000;
  const raw = env.RAPPORT_DELAI_NAVIGATEUR;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = parseDelay(raw);
  if (seconds === undefined) {
    throw new UsageError(`la variable RAPPORT_DELAI_NAVIGATEUR vaut «\u00a0${raw}\u00a0»\u00a0: ${DELAY_EXPECTED}`, {
      hint: 'corrigez ou retirez cette variable',
    });
  }
  return seconds * 1000;
}

/** SOURCE_DATE_EPOCH (seconds since 1970, UTC) as a date, or undefined when unset. */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = /^\d{1,12}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new UsageError(`la variable SOURCE_DATE_EPOCH vaut «\u00a0${raw}\u00a0»\u00a0: attendu un nombre de secondes depuis le 1er janvier 1970, par ex. 1767139200`, {
      hint: 'corrigez ou retirez cette variable',
    });
  }
  return date;
}
