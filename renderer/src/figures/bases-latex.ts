// LaTeX of the four fundamental subspaces as spans of their orthonormal basis vectors (columns
// of U_r, V_r and their complements from the SVD), four significant digits, for lecture notes.
import type { Matrix } from '../../../core/linalg/matrix';
import { column } from './subspace-geometry';

export interface NamedBasis {
  /** LaTeX for the space's name, e.g. "C(A)". */
  symbol: string;
  description: string;
  ambient: number;
  basis: Matrix;
}

export function latexDecimal(value: number): string {
  if (Math.abs(value) < 5e-13) return '0';
  const text = Number(value.toPrecision(4)).toString();
  if (!text.includes('e')) return text;
  const [mantissa, exponent] = text.split('e');
  return `${mantissa}\\times 10^{${Number(exponent)}}`;
}

function vector(values: number[]): string {
  return `\\begin{pmatrix} ${values.map(latexDecimal).join(' \\\\ ')} \\end{pmatrix}`;
}

export function basesLatex(spaces: NamedBasis[]): string {
  const lines = [
    '% The four fundamental subspaces, exported by Rankscope (orthonormal bases from the SVD).',
    '\\begin{align*}',
  ];
  spaces.forEach((space, index) => {
    const vectors = Array.from({ length: space.basis.cols }, (_, j) =>
      vector(column(space.basis, j)),
    );
    const span =
      vectors.length === 0
        ? '\\{\\mathbf{0}\\}'
        : `\\operatorname{span}\\left\\{ ${vectors.join(',\\; ')} \\right\\}`;
    const end = index < spaces.length - 1 ? ' \\\\' : '';
    lines.push(
      `  ${space.symbol} &= ${span} \\subseteq \\mathbb{R}^{${space.ambient}}, && \\dim = ${space.basis.cols} \\text{ (${space.description})}${end}`,
    );
  });
  lines.push('\\end{align*}', '');
  return lines.join('\n');
}
