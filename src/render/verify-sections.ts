// `check` runs the sections as `build` lays them out, without drawing: every helper of every
// section and of the édito is expanded against the figures of the year (unknown ids, dimensions,
// modalités, syntax), chart specs are validated, Markdown is rendered. Nothing heavy is loaded.
import { validateChartSpec } from '../charts/validate-spec.js';
import { expandSection, type Placeholders } from './helpers.js';
import { renderMarkdown } from './markdown.js';
import type { RenderInput, RenderWarning, SectionSource } from './types.js';

export type VerifySectionsInput = Pick<RenderInput, 'sections' | 'figures' | 'objectives' | 'edito'>;

/** Throws the error `build` would throw on the first failing section; returns its warnings. */
export function verifySections(input: VerifySectionsInput): RenderWarning[] {
  const warnings: RenderWarning[] = [];
  const sections: SectionSource[] = [...input.sections];
  if (input.edito) sections.unshift({ id: 'edito', title: 'Édito', file: input.edito.file, body: input.edito.body, bodyLine: input.edito.bodyLine });
  for (const section of sections) {
    const placeholders: Placeholders = { html: [], charts: new Map() };
    const expanded = expandSection(section, input.figures, placeholders, input.objectives, warnings);
    for (const spec of placeholders.charts.values()) validateChartSpec(spec);
    renderMarkdown(expanded, placeholders);
  }
  return warnings;
}
