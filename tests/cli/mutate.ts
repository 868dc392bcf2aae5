// Seeded random mutations of a file's bytes, for the property test of `rapport check`: the same
// seed always gives the same cases, so a failure can be replayed from its case number.

/** The demo generators' seeded PRNG (Math.random cannot be seeded). */
export { mulberry32 as createRandom } from '../../scripts/prng.mjs';

/** The bytes that break CSV files in real life: separators, quotes, line ends, NUL. */
const INSERTED = [';', '"', '\n', '\r', ',', '\0', '\t', '""', '\r\n', '\u00e9', '\ufeff'].map((text) => Buffer.from(text, 'utf8'));

export type MutationKind = 'flip' | 'delete' | 'insert' | 'truncate' | 'duplicate' | 'high-byte';

export interface Mutation {
  kind: MutationKind;
  at: number;
}

/** Applies 1 to 3 random mutations; returns the new bytes and what was done (for the failure message). */
export function mutateBytes(original: Buffer, random: () => number): { bytes: Buffer; mutations: Mutation[] } {
  let bytes = Buffer.from(original);
  const mutations: Mutation[] = [];
  const count = 1 + Math.floor(random() * 3);
  const pick = (max: number) => Math.floor(random() * Math.max(1, max));
  for (let index = 0; index < count; index += 1) {
    const kinds: MutationKind[] = ['flip', 'delete', 'insert', 'insert', 'truncate', 'duplicate', 'high-byte'];
    const kind = kinds[pick(kinds.length)] as MutationKind;
    const at = pick(bytes.length);
    switch (kind) {
      case 'flip':
        if (bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << pick(8));
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + pick(20))]);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), INSERTED[pick(INSERTED.length)] as Buffer, bytes.subarray(at)]);
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'duplicate': {
        const length = 1 + pick(200);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at)]);
        break;
      }
      case 'high-byte':
        if (bytes.length > 0) bytes[at] = 0x80 + pick(0x80);
        break;
    }
    mutations.push({ kind, at });
  }
  return { bytes, mutations };
}
