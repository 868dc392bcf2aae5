// Parses rapport.yaml keeping node positions, so every validation problem can name its line.
// YAML syntax errors (English in the `yaml` package) are reported in French with line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { ConfigError } from './config-error.js';

export interface YamlSource {
  /** File as shown to the user. */
  file: string;
  /** The parsed content (null for an empty file). */
  data: unknown;
  /** Line and column (1-based) of a key path; `unknownKey` points at that key inside the map. */
  locate(path: readonly PropertyKey[], unknownKey?: string): { line: number; column: number } | undefined;
  /** Comment placed where the value of `path` should be (`couleur: #1f5f73` is a comment in YAML). */
  commentInsteadOfValue(path: readonly PropertyKey[]): string | undefined;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'clé en double : chaque clé ne peut apparaître qu\'une fois au même niveau',
  BAD_INDENT: 'indentation incorrecte (les clés d\'un même niveau doivent être alignées, avec des espaces)',
  TAB_AS_INDENT: 'tabulation utilisée pour l\'indentation : utilisez des espaces',
  MISSING_CHAR: 'caractère manquant (guillemet, crochet ou accolade non fermé ?)',
  MULTIPLE_DOCS: 'le fichier contient plusieurs documents (ligne « --- ») : un seul est attendu',
  MULTILINE_IMPLICIT_KEY: 'clé sur plusieurs lignes : il manque probablement « : » ou un guillemet fermant',
  BLOCK_AS_IMPLICIT_KEY: 'clé mal formée : il manque probablement « : » ou un guillemet fermant',
  UNEXPECTED_TOKEN: 'caractère inattendu',
  BAD_SCALAR_START: 'valeur qui commence par un caractère réservé : mettez-la entre guillemets',
  BAD_DQ_ESCAPE: 'séquence d\'échappement invalide entre guillemets doubles',
  BAD_ALIAS: 'alias invalide',
  NON_STRING_KEY: 'clé invalide : une clé doit être un simple mot',
};

function describeSyntaxError(error: YAMLError): string {
  return SYNTAX_MESSAGES[error.code] ?? `syntaxe YAML invalide (${error.code.toLowerCase().replace(/_/g, ' ')})`;
}

/**
 * The parser notices a missing closing quote only where the file ends; the useful place is the
 * opening quote, the last one of that kind before (an unterminated string cannot contain it).
 */
function unclosedQuoteOffset(text: string, error: YAMLError): number | undefined {
  if (error.code !== 'MISSING_CHAR') return undefined;
  const quote = /closing "quote/.test(error.message) ? '"' : /closing 'quote/.test(error.message) ? "'" : undefined;
  if (quote === undefined) return undefined;
  const offset = text.lastIndexOf(quote, error.pos[0] - 1);
  return offset < 0 ? undefined : offset;
}

/** Parses the file; a syntax error throws a ConfigError naming line and column. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((error) => {
        const quote = unclosedQuoteOffset(text, error);
        const start = lineCounter.linePos(quote ?? error.pos[0]);
        const message = quote === undefined ? describeSyntaxError(error) : 'guillemet ouvert ici et jamais fermé';
        return { file, key: '', message, line: start.line, column: start.col };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved aliases and alias bombs surface here, after parsing: point at the first alias.
    const alias = /(?:^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
    const at = alias === null ? undefined : lineCounter.linePos(alias.index + alias[0].indexOf('*'));
    throw new ConfigError(
      [
        {
          file,
          key: '',
          message: 'alias YAML (« *nom ») invalide ou répété trop de fois (au plus 100 : protection contre les fichiers piégés)',
          ...(at !== undefined && { line: at.line, column: at.col }),
        },
      ],
      { cause: error },
    );
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    data,
    locate: (path, unknownKey) => locateIn(doc, path, unknownKey, position),
    commentInsteadOfValue(path) {
      const node = walk(doc, path).node;
      return isScalar(node) && node.value === null && typeof node.comment === 'string' ? node.comment : undefined;
    },
  };
}

/** Walks a key path as far as the document goes; returns the deepest node and its key's offset. */
function walk(doc: Document, path: readonly PropertyKey[]): { node: unknown; offset: number | undefined; complete: boolean } {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { node, offset, complete: false };
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return { node, offset, complete: false };
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else {
      return { node, offset, complete: false };
    }
  }
  return { node, offset, complete: true };
}

function locateIn(
  doc: Document,
  path: readonly PropertyKey[],
  unknownKey: string | undefined,
  position: (offset: number) => { line: number; column: number },
): { line: number; column: number } | undefined {
  const found = walk(doc, path);
  let offset = found.offset;
  if (unknownKey !== undefined && found.complete && isMap(found.node)) {
    const pair = found.node.items.find((item) => isScalar(item.key) && String(item.key.value) === unknownKey);
    if (pair && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
  }
  return offset === undefined ? undefined : position(offset);
}
