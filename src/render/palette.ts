// Page colours derived from the association colour (the charts derive theirs from the same one).
import { parseHexColor, tint, toHex } from '../charts/palette.js';

export interface PagePalette {
  base: string;
  /** For headings and big numbers on white: darker, for contrast. */
  dark: string;
  /** Tile and subtotal backgrounds. */
  light: string;
}

export function derivePalette(color: string): PagePalette {
  const rgb = parseHexColor(color);
  const dark = toHex([rgb[0] * 0.7, rgb[1] * 0.7, rgb[2] * 0.7]);
  return { base: toHex(rgb), dark, light: tint(color, 0.88) };
}
