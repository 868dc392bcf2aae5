// French typography applied to rendered HTML text nodes (never inside tags or attributes):
// narrow no-break space before ; ! ? and no-break space before : and inside « ».
const NNBSP = '\u202f';
const NBSP = '\u00a0';

function fixText(text: string): string {
  return text
    // An HTML entity (`&amp;`) ends with `;` too: keep it whole, fix only real punctuation.
    .replace(/(&#?[a-zA-Z0-9]+;)|[ \u00a0\u202f]*([;!?])(?=\s|$|<|&)/g, (match, entity: string | undefined, mark: string | undefined) =>
      entity !== undefined ? match : `${NNBSP}${mark ?? ''}`,
    )
    .replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/g, (_m, before: string) => `${before}${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

/** Applies French spacing to the text between tags of an HTML fragment. */
export function applyFrenchTypography(html: string): string {
  return html.replace(/(^|>)([^<]+)(?=<|$)/g, (_m, open: string, text: string) => `${open}${fixText(text)}`);
}
