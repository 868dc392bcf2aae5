import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATEGORY_COLUMNS } from '../../src/config/contract-keys.js';
import { configSchema } from '../../src/config/index.js';

const DOC = readFileSync(resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
const EXAMPLES = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

describe('docs/configuration.md', () => {
  it('has examples', () => {
    expect(EXAMPLES.length).toBeGreaterThan(10);
  });

  it.each(EXAMPLES.map((example, index) => [index + 1, example] as const))('example %i is a valid rapport.yaml', (_index, example) => {
    // Indented code blocks inside list items keep their indentation: YAML needs it removed.
    const indent = /^( *)/.exec(example)?.[1]?.length ?? 0;
    const text = example.replace(new RegExp(`^ {${indent}}`, 'gm'), '');
    const result = configSchema.safeParse(parse(text) ?? {});
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('lists the recognized values of every closed-list column, as the contract has them', () => {
    for (const { dataset, column, labels } of CATEGORY_COLUMNS) {
      expect(DOC).toContain(`| \`${dataset}\` | \`${column}\` | ${[...labels.values()].join(', ')} |`);
    }
    expect(CATEGORY_COLUMNS.length).toBe(6);
  });
});
