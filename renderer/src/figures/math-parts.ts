// Short formulas written compactly ("‖A‖²_F", "Σ_{i>3} σᵢ²", "x_row") split into plain text,
// subscripts and superscripts, so the screen (views/shared/MathText) and exported SVG
// (mathText in svg.ts) typeset them the same way and no TeX spelling is ever shown.
// Only `_x`, `_{…}`, `^x` and `^{…}` are read; everything else is kept as written.
const script = /([_^])(\{([^{}]*)\}|([^\s{}()/,=·]+))/g;

export function mathParts(formula: string): { text: string; kind: 'plain' | 'sub' | 'sup' }[] {
  const parts: { text: string; kind: 'plain' | 'sub' | 'sup' }[] = [];
  let last = 0;
  for (const match of formula.matchAll(script)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: formula.slice(last, index), kind: 'plain' });
    parts.push({ text: match[3] ?? match[4], kind: match[1] === '_' ? 'sub' : 'sup' });
    last = index + match[0].length;
  }
  if (last < formula.length) parts.push({ text: formula.slice(last), kind: 'plain' });
  return parts;
}
