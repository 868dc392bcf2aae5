// Chart palette derived from the association colour. Colours are computed in OKLCH (a
// perceptual space) so that hue rotations keep the same visual weight, then mapped back into
// sRGB. Every series colour keeps a contrast of at least 3:1 against white (WCAG 1.4.11, graphical
// objects) so that bars and slices stay distinguishable from the page when printed.
import { UsageError } from '../shared/errors.js';

type Rgb = readonly [number, number, number]; // 0..1 sRGB, gamma-encoded
interface Oklch {
  readonly l: number;
  readonly c: number;
  readonly h: number;
}

/** Neutral colours of the chart chrome (text, grid, axes): never the chart.js default blue/grey. */
export const CHART_NEUTRALS = {
  text: '#2f3437',
  mutedText: '#5f676d',
  grid: '#e4e7ea',
  axis: '#b4bbc1',
} as const;

const MIN_CONTRAST_ON_WHITE = 3;
/**
 * Hue offsets (degrees) from the base colour with a lightness step each: the complement first,
 * then hues spread around the wheel (tetradic, then the gaps), darker and lighter in turn so that
 * neighbouring slices differ in lightness as well as hue.
 */
const STEPS: readonly { readonly hue: number; readonly light: number }[] = [
  { hue: 0, light: 0 },
  { hue: 180, light: 0 },
  { hue: 90, light: 0.06 },
  { hue: 270, light: -0.08 },
  { hue: 45, light: -0.1 },
  { hue: 225, light: 0.08 },
  { hue: 135, light: -0.06 },
  { hue: 315, light: 0.06 },
];
/** Below this chroma the association colour is a grey: the other hues get a default chroma. */
const GREY_CHROMA = 0.03;

/** Parses `#rrggbb` or `#rgb`; anything else is a configuration error. */
export function parseHexColor(color: string): Rgb {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (match === null) {
    throw new UsageError(`Couleur invalide : « ${color} » (attendu : une couleur hexadécimale comme #1d6f8c).`, {
      hint: "Corrigez la clé association.couleur de rapport.yaml (ex. couleur: '#1d6f8c').",
    });
  }
  const hex = match[1] ?? '';
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const channel = (start: number): number => parseInt(full.slice(start, start + 2), 16) / 255;
  return [channel(0), channel(2), channel(4)];
}

export function toHex(rgb: Rgb): string {
  return `#${[...rgb].map((channel) => Math.round(clamp01(channel) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const a = relativeLuminance(parseHexColor(first));
  const b = relativeLuminance(parseHexColor(second));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** White or dark text, whichever reads better on `fill` (labels drawn inside bars). */
export function textColorOn(fill: string): string {
  return contrastRatio(fill, '#ffffff') >= contrastRatio(fill, CHART_NEUTRALS.text) ? '#ffffff' : CHART_NEUTRALS.text;
}

/** Mixes `color` with white: `amount` 0 keeps it, 1 gives white (for "last year" series). */
export function tint(color: string, amount: number): string {
  const rgb = parseHexColor(color);
  return toHex(mapRgb(rgb, (channel) => channel + (1 - channel) * amount));
}

/**
 * `count` distinct colours derived from the association colour, deterministic: the first is the
 * association colour itself (darkened if too pale to read on white), the next ones are its
 * complement and split-complements at the same perceived lightness, alternating lighter and
 * darker steps once the hues run out.
 */
export function createPalette(color: string, count: number): string[] {
  const base = toOklch(parseHexColor(color));
  const chroma = base.c < GREY_CHROMA ? 0.11 : Math.min(Math.max(base.c, 0.09), 0.16);
  // Keep the family in a lightness band that stays readable on white yet not muddy.
  const lightness = Math.min(Math.max(base.l, 0.52), 0.62);
  const colors: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index === 0) {
      colors.push(ensureContrast(base));
      continue;
    }
    const round = Math.floor(index / STEPS.length);
    const step = STEPS[index % STEPS.length] ?? { hue: 0, light: 0 };
    // Later rounds turn by half a step and shift lightness so that colours never repeat.
    const hue = step.hue + round * 22.5;
    const shift = round === 0 ? 0 : round % 2 === 1 ? -0.08 : 0.08;
    colors.push(ensureContrast({ l: lightness + step.light + shift, c: chroma, h: (base.h + hue + 360) % 360 }));
  }
  return colors;
}

function ensureContrast(color: Oklch): string {
  let current = { ...color, l: Math.min(Math.max(color.l, 0.2), 0.95) };
  // Darken in small steps until a 3:1 contrast on white is reached (bounded loop).
  for (let step = 0; step < 80; step += 1) {
    const hex = toHex(fromOklch(current));
    if (contrastRatio(hex, '#ffffff') >= MIN_CONTRAST_ON_WHITE) return hex;
    current = { ...current, l: current.l - 0.01 };
  }
  return toHex(fromOklch(current));
}

function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = mapRgb(rgb, toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function toLinear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

function fromLinear(channel: number): number {
  return channel <= 0.0031308 ? channel * 12.92 : 1.055 * channel ** (1 / 2.4) - 0.055;
}

function mapRgb(rgb: Rgb, transform: (channel: number) => number): Rgb {
  return [transform(rgb[0]), transform(rgb[1]), transform(rgb[2])];
}

function clamp01(value: number): number {
  return Math.min(Math.max(value, 0), 1);
}

// OKLab conversions (Björn Ottosson's reference matrices).
function toOklch(rgb: Rgb): Oklch {
  const [r, g, b] = mapRgb(rgb, toLinear);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return { l: L, c: Math.hypot(A, B), h: ((Math.atan2(B, A) * 180) / Math.PI + 360) % 360 };
}

function oklchToLinear(color: Oklch): Rgb {
  const A = color.c * Math.cos((color.h * Math.PI) / 180);
  const B = color.c * Math.sin((color.h * Math.PI) / 180);
  const l = (color.l + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (color.l - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (color.l - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/** Back to sRGB, lowering chroma until the colour fits the gamut (keeps hue and lightness). */
function fromOklch(color: Oklch): Rgb {
  const inGamut = (rgb: Rgb): boolean => rgb.every((channel) => channel >= -1e-4 && channel <= 1 + 1e-4);
  let linear = oklchToLinear(color);
  if (!inGamut(linear)) {
    let low = 0;
    let high = color.c;
    for (let step = 0; step < 20; step += 1) {
      const middle = (low + high) / 2;
      if (inGamut(oklchToLinear({ ...color, c: middle }))) low = middle;
      else high = middle;
    }
    linear = oklchToLinear({ ...color, c: low });
  }
  return mapRgb(linear, (channel) => fromLinear(clamp01(channel)));
}
