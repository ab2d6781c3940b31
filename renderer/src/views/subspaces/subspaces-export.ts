// What the Subspaces view exports: the two 3D scenes as they stand (drawn again as vectors in the
// figure's theme) with the vector readout, or for larger matrices the projected scenes, else
// Strang's big picture; and the four orthonormal bases as LaTeX.
import type { SubspacesResult } from '../../../../core/jobs/subspaces';
import type { FigureSource } from '../../export/ExportPanel';
import { basesLatex } from '../../figures/bases-latex';
import { buildBigPicture } from '../../figures/big-picture';
import { realSpace } from '../../figures/subspace-geometry';
import { formatValue } from '../../figures/svg';
import { buildVectorSceneFigure } from '../../figures/vector-scene-figure';
import type { RefObject } from 'react';
import type { SubspaceCanvasHandle } from './SubspaceCanvas';

export function vectorText(vector: readonly number[]): string {
  return `(${vector.map((value) => formatValue(Math.abs(value) < 1e-12 ? 0 : value)).join(', ')})`;
}

/** ℝ¹, ℝ² or ℝ³ as the small scenes' titles write it. */
export function smallSpace(ambient: number): string {
  return `ℝ${ambient === 3 ? '³' : ambient === 2 ? '²' : '¹'}`;
}

export interface SubspacesExport {
  name: string;
  result: SubspacesResult;
  /** m, n ≤ 3: the scenes are the spaces themselves, with x and Ax. */
  small: boolean;
  /** Read when the figure is saved: the scenes as they stand then. */
  domain: RefObject<SubspaceCanvasHandle | null>;
  codomain: RefObject<SubspaceCanvasHandle | null>;
  x: readonly number[];
  image: readonly number[] | null;
  /** What the projected scenes are projected onto (larger matrices). */
  projectionSummary: string;
}

function latex(result: SubspacesResult): string {
  return basesLatex([
    { symbol: 'C(A)', description: 'column space', ambient: result.rows, basis: result.column },
    { symbol: 'C(A^{T})', description: 'row space', ambient: result.cols, basis: result.row },
    { symbol: 'N(A)', description: 'null space', ambient: result.cols, basis: result.null },
    {
      symbol: 'N(A^{T})',
      description: 'left null space',
      ambient: result.rows,
      basis: result.leftNull,
    },
  ]);
}

export function subspacesFigureSource(input: SubspacesExport): FigureSource {
  const { name, result, small, domain, codomain } = input;
  if (!small) {
    return {
      name,
      latex: () => latex(result),
      svg: (figureTheme) => {
        // The projected scenes when they are drawn (WebGL), else the big picture alone.
        const shots = (
          [
            [domain.current, `domain ${realSpace(result.cols)} (projected)`],
            [codomain.current, `codomain ${realSpace(result.rows)} (projected)`],
          ] as const
        ).map(([handle, title]) => {
          const drawn = handle?.vector(figureTheme);
          return drawn ? { title, ...drawn } : null;
        });
        if (shots[0] && shots[1])
          return buildVectorSceneFigure(
            [shots[0], shots[1]],
            figureTheme,
            input.projectionSummary,
            'The four fundamental subspaces, projected into 3D',
          );
        return buildBigPicture(
          { rows: result.rows, cols: result.cols, rank: result.rank },
          { width: 760, theme: figureTheme },
        );
      },
    };
  }
  return {
    name,
    latex: () => latex(result),
    svg: (figureTheme) => {
      const panels = [
        [domain.current, `domain ${smallSpace(result.cols)}: row space ⟂ null space`],
        [codomain.current, `codomain ${smallSpace(result.rows)}: column space ⟂ left null space`],
      ] as const;
      const shots = panels.map(([handle, title]) => {
        const drawn = handle?.vector(figureTheme);
        if (!drawn) throw new Error('the 3D scene is not ready');
        return { title, ...drawn };
      });
      return buildVectorSceneFigure(
        shots,
        figureTheme,
        `x = ${vectorText(input.x)} = x_row + x_null; Ax = ${vectorText(input.image ?? [])}`,
        'The four fundamental subspaces in 3D',
      );
    },
  };
}
