// The `libelles` key: printed labels of figures (figure id → label) and titles of the default
// chapter of a figure family (a key without a dot: `sante: Santé communautaire`).
import { z } from 'zod';
import { INDICATOR_ID } from '../ingest/cells.js';

const FAMILY = /^[a-z0-9_]+$/;

const label = z.string().trim().min(1, { error: 'libellé vide' });

export const labelsSchema = z
  .record(
    z.string().regex(INDICATOR_ID, {
      error: 'identifiant de chiffre (ex. maraudes.sessions) ou de famille (ex. sante) attendu, en minuscules sans accent',
    }),
    label,
  )
  .default({})
  .meta({
    description:
      'Libellés imprimés : identifiant de chiffre → libellé (ex. maraudes.sessions: Tournées réalisées), remplacé partout ' +
      '(tuiles, tableaux, graphiques, exports) ; une famille sans point (ex. sante: Santé communautaire) donne le titre de son chapitre par défaut.',
  })
  .transform((value) => {
    const chiffres: Record<string, string> = {};
    const familles: Record<string, string> = {};
    for (const [key, text] of Object.entries(value)) {
      if (FAMILY.test(key)) familles[key] = text;
      else chiffres[key] = text;
    }
    return { chiffres, familles };
  });
