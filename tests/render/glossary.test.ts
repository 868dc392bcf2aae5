// The glossary lists only the acronyms the document uses, as whole words of its text.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_GLOSSARY, selectUsedAcronyms } from '../../src/render/glossary.js';

describe('selectUsedAcronyms', () => {
  const glossary = { ...BUILT_IN_GLOSSARY, PASS: "Permanence d'accès aux soins de santé" };

  it('keeps only the acronyms present in the text, sorted', () => {
    const used = selectUsedAcronyms(glossary, '<p>Des TROD réalisés avec la PASS, financés par l’ARS.</p>');
    expect(used.map(([acronym]) => acronym)).toEqual(['ARS', 'PASS', 'TROD']);
    expect(used[1]?.[1]).toBe("Permanence d'accès aux soins de santé");
  });

  it('matches whole words only, with the case as written', () => {
    const used = selectUsedAcronyms(glossary, '<p>TRODS, VIHX, trod, ars, CHUTE, (VIH), l’AME.</p>');
    expect(used.map(([acronym]) => acronym)).toEqual(['AME', 'VIH']);
  });

  it('ignores tag names and attributes', () => {
    expect(selectUsedAcronyms(glossary, '<div class="CSS" title="CAARUD">texte</div>')).toEqual([]);
  });

  it('is empty for a text without acronyms', () => {
    expect(selectUsedAcronyms(glossary, '<p>Rien à expliquer ici.</p>')).toEqual([]);
  });
});
