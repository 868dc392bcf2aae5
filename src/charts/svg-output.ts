// Turns cairo's SVG document into an element that can be inlined in HTML next to other charts.
export interface FinalizeSvgOptions {
  /** Prefix of every id: cairo names its clip paths clip1, clip2… in every chart. */
  readonly idPrefix: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

export function finalizeSvg(raw: string, options: FinalizeSvgOptions): string {
  // Ids collide between inlined SVGs (the first definition would win): they get the chart's
  // prefix, and a number in order of appearance because cairo counts surfaces per process
  // (the same chart drawn twice would otherwise differ).
  const ids = new Map<string, string>();
  const rename = (id: string): string => {
    let renamed = ids.get(id);
    if (renamed === undefined) {
      renamed = `${options.idPrefix}-${ids.size + 1}`;
      ids.set(id, renamed);
    }
    return renamed;
  };
  const body = raw
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, (_, attribute: string, id: string) => `${attribute}="#${rename(id)}"`)
    // Coordinates to 1/100 px: invisible at print size and about a third smaller.
    .replace(/(\d+\.\d{3,})/g, (number: string) => String(Number(Number(number).toFixed(2))));
  const open = /<svg\b[^>]*>/.exec(body);
  if (open === null) throw new Error('cairo returned no <svg> element'); // a bug, not a user error
  const root =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}"` +
    // The text alternative once, as the name: a <title> beside aria-label became the
    // description, so screen readers read it twice.
    ` role="img" aria-label="${escapeXml(options.alt)}">`;
  return `${root}${body.slice(open.index + open[0].length)}`.trim();
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
