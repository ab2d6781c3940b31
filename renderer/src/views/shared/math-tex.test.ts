import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mathTex, spokenMath } from './math-tex';

// Every formula the readouts set with MathText (Spectrum, Approximate, the Lab, Subspaces).
const readoutFormulas = [
  '‖A‖²_F / ‖A‖²₂',
  '‖·‖₂ · ‖·‖_F · ‖·‖_*',
  '‖A − Aᵣ‖_F',
  '‖A − Aᵣ‖₂',
  'σ_{4}',
  '√(Σ_{i>3} σᵢ²)',
  '‖D − L − S‖_F / ‖D‖_F',
  '‖L‖_* + λ‖S‖₁',
  'φ(i, j) = ‖U₁[:, :i]ᵀ U₂[:, :j]‖²_F / min(i, j)',
  'x_row',
  'x_null',
];

/** The text KaTeX draws (its HTML output, without the MathML copy). */
function drawnText(tex: string): string {
  return katex
    .renderToString(tex, { throwOnError: true, output: 'html' })
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

describe('readout formulas as TeX', () => {
  it('turns norms, scripts and Greek letters into TeX that KaTeX sets without error', () => {
    expect(mathTex('‖A‖²_F / ‖A‖²₂')).toBe('\\|A\\|^{2}_{F} / \\|A\\|^{2}_{2}');
    expect(mathTex('‖L‖_* + λ‖S‖₁')).toBe('\\|L\\|_{*} + \\lambda \\|S\\|_{1}');
    expect(mathTex('x_row')).toBe('x_{\\text{row}}');
    expect(mathTex('σᵢ²')).toBe('\\sigma _{i}^{2}');
    expect(mathTex('U₁[:, :i]ᵀ')).toBe('U_{1}[:, :i]^{\\top}');
    expect(mathTex('min(i, j)')).toBe('\\min (i, j)');
    expect(mathTex('√(Σ_{i>3} σᵢ²)')).toBe('\\sqrt{\\sum _{i>3} \\sigma _{i}^{2}}');
    for (const formula of readoutFormulas) {
      expect(() => drawnText(mathTex(formula))).not.toThrow();
    }
  });

  it('never draws TeX spelling: no underscores, carets, braces or backslashes on screen', () => {
    for (const formula of readoutFormulas) {
      expect(drawnText(mathTex(formula))).not.toMatch(/[_^{}\\]/);
    }
  });

  it('escapes what TeX would read as commands', () => {
    expect(mathTex('50% of {a}')).toBe('50\\% \\text{of} \\{a\\}');
  });
});

describe('readout formulas as a screen reader hears them', () => {
  it('uses Unicode scripts where they exist and spells the rest', () => {
    expect(spokenMath('σ_{12}')).toBe('σ₁₂');
    expect(spokenMath('x_row')).toBe('x sub row');
    expect(spokenMath('‖A‖²_F / ‖A‖²₂')).toBe('‖A‖² sub F / ‖A‖²₂');
    expect(spokenMath('Σ_{i>3} σᵢ²')).toBe('Σ sub i>3 σᵢ²');
    expect(spokenMath('a^{-1}')).toBe('a⁻¹');
  });
});
