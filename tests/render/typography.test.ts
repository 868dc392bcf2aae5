// French spacing rules applied to rendered HTML text (never inside tags or attributes).
import { describe, expect, it } from 'vitest';
import { applyFrenchTypography } from '../../src/render/typography.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('applyFrenchTypography', () => {
  it('puts a narrow no-break space before ; ! ?, replacing an ordinary space', () => {
    expect(applyFrenchTypography('<p>Vraiment ? Oui ! Bien; merci.</p>')).toBe(`<p>Vraiment${NNBSP}? Oui${NNBSP}! Bien${NNBSP}; merci.</p>`);
  });

  it('puts a no-break space before a colon followed by a space', () => {
    expect(applyFrenchTypography('<p>Constats: trois.</p>')).toBe(`<p>Constats${NBSP}: trois.</p>`);
    expect(applyFrenchTypography('<p>Constats : trois.</p>')).toBe(`<p>Constats${NBSP}: trois.</p>`);
  });

  it('puts no-break spaces inside « guillemets »', () => {
    expect(applyFrenchTypography('<p>un «mot» et « un autre »</p>')).toBe(`<p>un «${NBSP}mot${NBSP}» et «${NBSP}un autre${NBSP}»</p>`);
  });

  it('handles punctuation at the end of a text node, before a tag', () => {
    expect(applyFrenchTypography('<li>premier;</li><li><strong>Pourquoi</strong>?</li>')).toBe(
      `<li>premier${NNBSP};</li><li><strong>Pourquoi</strong>${NNBSP}?</li>`,
    );
  });

  it('leaves times, URLs and tag attributes alone', () => {
    const html = '<p>De 9:30 à 12:00, voir https://exemple.org/a?b=1.</p><a href="/x?y=1;z=2" title="Note : !">lien</a>';
    const fixed = applyFrenchTypography(html);
    expect(fixed).toContain('9:30 à 12:00');
    expect(fixed).toContain('https://exemple.org/a?b=1.');
    expect(fixed).toContain('href="/x?y=1;z=2" title="Note : !"');
  });

  it('is idempotent', () => {
    const once = applyFrenchTypography('<p>Vraiment ? « oui » : bien ; !</p>');
    expect(applyFrenchTypography(once)).toBe(once);
  });

  // Bug: the ';' that ends an HTML entity (&amp; &lt; &gt; &quot;) is taken for a semicolon
  // of the text when a space follows: "&amp; droits" becomes "&amp\u202f; droits", which a
  // browser shows as "& ; droits". Markdown escapes every & < > " of a section this way.
  it('keeps HTML entities intact ("Santé & droits" stays as written)', () => {
    expect(applyFrenchTypography('<p>Santé &amp; droits</p>')).toBe('<p>Santé &amp; droits</p>');
    expect(applyFrenchTypography('<p>Il a dit &quot;merci&quot; hier</p>')).toBe('<p>Il a dit &quot;merci&quot; hier</p>');
  });
});
