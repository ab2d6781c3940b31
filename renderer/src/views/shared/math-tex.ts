// The compact formulas readouts are written in ("‖A‖²_F / ‖A‖²₂", "‖L‖_* + λ‖S‖₁", "x_row",
// "Σ_{i>3} σᵢ²") as TeX for KaTeX, so the screen sets them as mathematics while the source stays
// the one string exports read too (figures/math-parts.ts). Scripts are read as mathParts reads
// them; Unicode symbols, sub- and superscript characters become their TeX commands; a word of
// two or more letters is upright text (an operator such as min where TeX has one).
import { mathParts } from '../../figures/math-parts';

const symbols: Record<string, string> = {
  '‖': '\\|',
  '·': '\\cdot ',
  '−': '-',
  '×': '\\times ',
  '≈': '\\approx ',
  '≤': '\\le ',
  '≥': '\\ge ',
  '∈': '\\in ',
  '⊂': '\\subset ',
  '∞': '\\infty ',
  '√': '\\surd ',
  ℝ: '\\mathbb{R}',
  σ: '\\sigma ',
  Σ: '\\sum ',
  λ: '\\lambda ',
  φ: '\\varphi ',
  ε: '\\varepsilon ',
  μ: '\\mu ',
  τ: '\\tau ',
  θ: '\\theta ',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  $: '\\$',
  '\\': '\\backslash ',
  '~': '\\sim ',
  '^': '\\hat{}',
  _: '\\_',
};

const subscriptCharacters: Record<string, string> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  '₊': '+',
  '₋': '-',
  ᵢ: 'i',
  ⱼ: 'j',
  ₖ: 'k',
  ᵣ: 'r',
  ₙ: 'n',
  ₘ: 'm',
};

const superscriptCharacters: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁺': '+',
  '⁻': '-',
  ᵀ: '\\top',
  ⁿ: 'n',
};

/** Words TeX sets as operators (upright, with operator spacing). */
const operators = new Set(['min', 'max', 'exp', 'log', 'ln', 'det', 'dim', 'sup', 'inf', 'tr']);

function wordTex(word: string): string {
  return operators.has(word) ? `\\${word} ` : `\\text{${word}}`;
}

/** One run of plain formula text as TeX: symbols, words, Unicode scripts gathered into groups. */
function plainTex(text: string): string {
  let tex = '';
  let index = 0;
  const characters = [...text];
  while (index < characters.length) {
    const character = characters[index];
    const script = subscriptCharacters[character]
      ? subscriptCharacters
      : superscriptCharacters[character]
        ? superscriptCharacters
        : null;
    if (script) {
      let group = '';
      while (index < characters.length && script[characters[index]]) {
        group += script[characters[index]];
        index++;
      }
      tex += `${script === subscriptCharacters ? '_' : '^'}{${group}}`;
      continue;
    }
    if (/[A-Za-z]/.test(character)) {
      let word = '';
      while (index < characters.length && /[A-Za-z]/.test(characters[index])) {
        word += characters[index];
        index++;
      }
      tex += word.length > 1 ? wordTex(word) : word;
      continue;
    }
    tex += symbols[character] ?? character;
    index++;
  }
  return tex;
}

function scriptedTex(formula: string): string {
  return mathParts(formula)
    .map((part) =>
      part.kind === 'plain'
        ? plainTex(part.text)
        : `${part.kind === 'sub' ? '_' : '^'}{${plainTex(part.text)}}`,
    )
    .join('');
}

/** "‖A‖²_F / ‖A‖²₂" → "\|A\|^{2}_{F} / \|A\|^{2}_{2}"; "√(Σ_{i>3} σᵢ²)" → "\sqrt{…}". */
export function mathTex(formula: string): string {
  const root = formula.indexOf('√(');
  if (root < 0) return scriptedTex(formula);
  // The radical covers its parenthesis: find the one that closes it.
  let depth = 0;
  for (let index = root + 1; index < formula.length; index++) {
    if (formula[index] === '(') depth++;
    else if (formula[index] === ')' && --depth === 0) {
      return (
        scriptedTex(formula.slice(0, root)) +
        `\\sqrt{${mathTex(formula.slice(root + 2, index))}}` +
        mathTex(formula.slice(index + 1))
      );
    }
  }
  return scriptedTex(formula);
}

const unicodeSubscripts = Object.fromEntries(
  Object.entries(subscriptCharacters).map(([unicode, plain]) => [plain, unicode]),
);
const unicodeSuperscripts: Record<string, string> = Object.fromEntries(
  Object.entries(superscriptCharacters)
    .filter(([, plain]) => !plain.startsWith('\\'))
    .map(([unicode, plain]) => [plain, unicode]),
);

/**
 * The formula as a screen reader should hear it, in characters it can speak: scripts as Unicode
 * sub- and superscripts where they exist ("σ_{12}" → "σ₁₂"), else spelled ("x_row" → "x sub row").
 */
export function spokenMath(formula: string): string {
  return mathParts(formula)
    .map((part) => {
      if (part.kind === 'plain') return part.text;
      const table = part.kind === 'sub' ? unicodeSubscripts : unicodeSuperscripts;
      const characters = [...part.text];
      return characters.every((character) => table[character])
        ? characters.map((character) => table[character]).join('')
        : ` ${part.kind} ${part.text} `;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
