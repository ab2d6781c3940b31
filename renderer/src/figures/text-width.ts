// The width a line of text takes in the figures' sans-serif font, estimated per character class:
// exported SVG has no layout engine to ask, and placing labels needs their size. Widths (in em)
// are those of DejaVu Sans, the widest of the fonts the theme names, so estimates err on the
// side of room.

const narrow = new Set([..."il.,:;'|!ıj·"]);
const slim = new Set([...'ftrI()[] -/‖']);
const wide = new Set([...'mwMW—%']);

function characterWidth(character: string): number {
  if (narrow.has(character)) return 0.3;
  if (slim.has(character)) return 0.4;
  if (wide.has(character)) return 0.92;
  if (/[0-9]/.test(character)) return 0.64;
  if (/[a-z]/.test(character)) return 0.6;
  if (/[A-Z]/.test(character)) return 0.72;
  // Subscripts and superscripts are drawn smaller.
  if (/[₀-₉ᵢⱼᵣₙₘ⁰-⁹ⁿᵀ]/u.test(character)) return 0.45;
  return 0.7;
}

/** Estimated width in pixels of `content` set at `fontSize` pixels. */
export function textWidth(content: string, fontSize: number): number {
  let em = 0;
  for (const character of content) em += characterWidth(character);
  return em * fontSize;
}
