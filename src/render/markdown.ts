// Markdown → HTML with markdown-it. Raw HTML in sections is NOT passed through (html: false):
// every block of figures comes from helpers as placeholder tokens replaced after rendering.
import MarkdownIt from 'markdown-it';
import { TOKEN_PATTERN, type Placeholders } from './helpers.js';
import { applyFrenchTypography } from './typography.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

// The HTML must stay self-contained and the PDF load nothing: no images from Markdown, and
// links keep their text only (a report on paper has nothing to click).
markdown.disable('image');
markdown.renderer.rules.link_open = () => '';
markdown.renderer.rules.link_close = () => '';

/**
 * Heading levels under the chapter title (h1) never skip one: the section's highest level becomes
 * h2 and each heading is at most one below the one before (sections write `## Titre`, which
 * used to become an h3 right under the h1, for screen readers and the PDF's tags). The look
 * stays the one the author chose: a heading promoted from its written level (`#` → h2 look,
 * `##` → h3 look…) carries class `niveau-N`, N being the look's level.
 */
markdown.core.ruler.push('shift_headings', (state) => {
  const written = (tag: string) => Number(tag.slice(1));
  const headings = state.tokens.filter((token) => token.type === 'heading_open' && /^h[1-6]$/.test(token.tag));
  const highest = Math.min(...headings.map((token) => written(token.tag)));
  let previous = 1;
  const open: string[] = [];
  for (const token of state.tokens) {
    if (token.type === 'heading_open' && /^h[1-6]$/.test(token.tag)) {
      const look = Math.min(written(token.tag) + 1, 6);
      const level = Math.min(written(token.tag) - highest + 2, previous + 1);
      if (level !== look) token.attrJoin('class', `niveau-${look}`);
      token.tag = `h${level}`;
      open.push(token.tag);
      previous = level;
    } else if (token.type === 'heading_close') {
      token.tag = open.pop() ?? token.tag;
    }
  }
  return true;
});

export function renderMarkdown(source: string, placeholders: Placeholders): string {
  const html = applyFrenchTypography(markdown.render(source));
  // A block alone in its paragraph replaces the paragraph; an inline value stays inline.
  return html
    .replace(/<p>\s*\uE000(\d+)\uE001\s*<\/p>/g, (_m, index: string) => placeholders.html[Number(index)] ?? '')
    .replace(TOKEN_PATTERN, (_m, index: string) => placeholders.html[Number(index)] ?? '');
}
