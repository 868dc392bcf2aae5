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

/** Heading levels shift down one: a section's `#` becomes h2 under the chapter title (h1). */
markdown.core.ruler.push('shift_headings', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && /^h[1-5]$/.test(token.tag)) {
      token.tag = `h${Number(token.tag.slice(1)) + 1}`;
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
