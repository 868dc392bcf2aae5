// File-system failures (errno codes, English messages) turned into French errors that name the
// path and say what to do. Path problems the user can fix by choosing another place are usage
// errors (exit 2); a full disk or a failing device stops the production (exit 3).
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { RapportError, RenderError, UsageError } from './errors.js';

/** What the path is, for the message and the hint. */
export type FsPlace = 'sortie' | 'temporaire' | 'projet';

function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The nearest ancestor of `path` that exists and is not a folder (the cause of ENOTDIR). */
function findFileInTheWay(path: string): string | undefined {
  for (let current = path; ; current = dirname(current)) {
    let info;
    try {
      info = statSync(current, { throwIfNoEntry: false });
    } catch {
      // ENOTDIR: a file further up is in the way.
    }
    if (info !== undefined && !info.isDirectory()) return current;
    if (dirname(current) === current) return undefined;
  }
}

function hintFor(place: FsPlace): string {
  if (place === 'projet') return 'choisissez un autre dossier pour le projet, ou corrigez les droits de celui-ci';
  return place === 'sortie'
    ? 'choisissez un autre dossier de sortie avec --sortie, ou corrigez ce dossier'
    : "définissez la variable TMPDIR vers un dossier existant où vous pouvez écrire, par ex. TMPDIR=$HOME/tmp";
}

/**
 * `error` thrown while writing `path` → a RapportError with a French message. An error that is
 * already a RapportError, or not a file-system error at all, is returned unchanged.
 */
export function describeFsError(error: unknown, path: string, place: FsPlace = 'sortie'): unknown {
  if (error instanceof RapportError) return error;
  const code = errnoCode(error);
  if (code === undefined) return error;
  const what = place === 'sortie' ? 'le fichier ou dossier de sortie' : place === 'projet' ? 'le dossier du projet' : 'le dossier temporaire';
  const hint = hintFor(place);
  // The errno code stays in `cause` (shown with --debug), not in the message.
  const options = { hint, cause: error };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`impossible d'écrire «\u00a0${path}\u00a0» (${what})\u00a0: accès refusé`, options);
    case 'EROFS':
      return new UsageError(`impossible d'écrire «\u00a0${path}\u00a0»\u00a0: le disque est en lecture seule`, options);
    case 'ENOTDIR':
    case 'EEXIST': {
      const file = findFileInTheWay(path);
      if (file === undefined && code === 'EEXIST') return new UsageError(`«\u00a0${path}\u00a0» existe déjà et ne peut pas être remplacé`, options);
      const inside = file === undefined || file === path ? '' : `\u00a0: impossible d'y créer «\u00a0${path}\u00a0»`;
      return new UsageError(`«\u00a0${file ?? path}\u00a0» est un fichier, pas un dossier${inside}`, options);
    }
    case 'EISDIR':
      return new UsageError(`«\u00a0${path}\u00a0» est un dossier\u00a0: impossible de le remplacer par un fichier`, {
        ...options,
        hint: place === 'sortie' ? 'indiquez avec --sortie un nom de fichier, pas un dossier' : hint,
      });
    case 'ENAMETOOLONG':
    case 'ELOOP':
      return new UsageError(`chemin inutilisable «\u00a0${path}\u00a0» (trop long, ou liens symboliques en boucle)`, options);
    case 'ENOENT':
      return new UsageError(`«\u00a0${path}\u00a0» n'existe pas ou a été supprimé pendant l'écriture`, options);
    case 'ENOSPC':
    case 'EDQUOT':
      return new RenderError(`plus de place sur le disque pour écrire «\u00a0${path}\u00a0»`, {
        ...options,
        hint:
          place === 'sortie'
            ? "libérez de la place (ou choisissez un autre disque avec --sortie) puis relancez\u00a0; les fichiers produits précédemment n'ont pas été modifiés"
            : place === 'projet'
              ? 'libérez de la place puis relancez : les fichiers déjà créés sont gardés, les autres seront ajoutés'
              : 'libérez de la place dans le dossier temporaire, ou définissez TMPDIR vers un autre disque',
      });
    case 'EMFILE':
    case 'ENFILE':
      return new RenderError(`trop de fichiers ouverts en écrivant «\u00a0${path}\u00a0»`, { ...options, hint: 'fermez des programmes puis relancez' });
    default:
      return new RenderError(`erreur du système de fichiers en écrivant «\u00a0${path}\u00a0»`, {
        ...options,
        hint: `${hint}\u00a0; si le problème persiste, vérifiez le disque`,
      });
  }
}
