// Minimal XML well-formedness check for the SVG we produce (no XML parser among the
// dependencies): every tag closes in order, attributes are quoted, no bare "<" or "&" in text.
export function checkWellFormedSvg(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let index = 0;
  while (index < svg.length) {
    const next = svg.indexOf('<', index);
    const text = svg.slice(index, next === -1 ? svg.length : next);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) problems.push(`bare & in text near ${index}`);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(svg);
    if (match === null) {
      problems.push(`malformed tag at ${next}: ${svg.slice(next, next + 60)}`);
      break;
    }
    const [, closing, name = '', , selfClosing] = match;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (selfClosing !== '/') {
      stack.push(name);
    }
    index = tag.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

/** Every id defined and every id referenced (`url(#…)`, `href="#…"`). */
export function svgIds(svg: string): { defined: string[]; referenced: string[] } {
  const defined = [...svg.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1] ?? '');
  const referenced = [...svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((match) => match[1] ?? match[2] ?? '');
  return { defined, referenced };
}
