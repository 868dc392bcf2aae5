/**
 * The rapport.yaml lines that set one nested key, to paste as printed in a message:
 * `['colonnes', 'maraudes', 'type']`, `Mode d'intervention` → `colonnes:` / `  maraudes:` / `    type: "Mode d'intervention"`.
 * The value is written as a JSON string, which YAML reads as is whatever it holds (`:`, `#`, quotes).
 */
export function formatYamlLines(keys: readonly string[], value: string): string[] {
  return keys.map((key, depth) => `${'  '.repeat(depth)}${key}:${depth === keys.length - 1 ? ` ${JSON.stringify(value)}` : ''}`);
}
