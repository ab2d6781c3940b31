// What the Subspaces view exports: the two 3D scenes as they stand (drawn again as vectors in the
// figure's theme) with the vector readout, or for larger matrices the projected scenes, else
// Strang's big picture; the four orthonormal bases as LaTeX; and for m, n ≤ 3 the scenes as an
// interactive HTML page and, for slides, as a GIF or WebM of the scene turning or x splitting.
import type { SubspacesResult } from '../../../../core/jobs/subspaces';
import type { Matrix } from '../../../../core/linalg/matrix';
import { subspacesFigureData } from '../../export/interactive-data';
import type { FigureSource } from '../../export/ExportPanel';
import { basesLatex } from '../../figures/bases-latex';
import { buildBigPicture } from '../../figures/big-picture';
import { realSpace } from '../../figures/subspace-geometry';
import { formatValue } from '../../figures/svg';
import type { SceneMotionKind } from '../../export/motion/scene-motion-plan';
import type { FigureTheme } from '../../figures/theme';
import { buildVectorSceneFigure, type VectorScenePanel } from '../../figures/vector-scene-figure';
import type { RefObject } from 'react';
import type { LabelledSpace } from './scene-panel';
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
  /** A itself, which the interactive page multiplies x by. */
  matrix: Matrix;
  /** m, n ≤ 3: the scenes are the spaces themselves, with x and Ax. */
  small: boolean;
  /** Read when the figure is saved: the scenes as they stand then. */
  domain: RefObject<SubspaceCanvasHandle | null>;
  codomain: RefObject<SubspaceCanvasHandle | null>;
  x: readonly number[];
  image: readonly number[] | null;
  /** What the projected scenes are projected onto (larger matrices). */
  projectionSummary: string;
  /** The labelled spaces of the small scenes (m, n ≤ 3), which the motion export redraws. */
  spaces: { domain: LabelledSpace[]; codomain: LabelledSpace[] } | null;
}

/** What the small scenes' motion export offers. */
export const sceneMotionKinds = [
  { kind: 'turn', label: 'Scene turning (one orbit)' },
  { kind: 'split', label: 'x splitting into x_row + x_null, then Ax' },
] as const satisfies readonly { kind: SceneMotionKind; label: string }[];

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
  const titles = [
    `domain ${smallSpace(result.cols)}: row space ⟂ null space`,
    `codomain ${smallSpace(result.rows)}: column space ⟂ left null space`,
  ];
  const figure = (panels: Omit<VectorScenePanel, 'title'>[], figureTheme: FigureTheme) =>
    buildVectorSceneFigure(
      panels.map((panel, index) => ({ title: titles[index], ...panel })),
      figureTheme,
      `x = ${vectorText(input.x)} = x_row + x_null; Ax = ${vectorText(input.image ?? [])}`,
      'The four fundamental subspaces in 3D',
    );
  return {
    name,
    latex: () => latex(result),
    // The same two scenes as one HTML page: orbit them, drag x's tip.
    interactive: () => subspacesFigureData(result, input.matrix, input.x, name),
    svg: (figureTheme) =>
      figure(
        [domain.current, codomain.current].map((handle) => {
          const drawn = handle?.vector(figureTheme);
          if (!drawn) throw new Error('the 3D scene is not ready');
          return drawn;
        }),
        figureTheme,
      ),
    // The same figure turning, or x splitting, for slides that cannot hold HTML.
    motion: {
      kinds: sceneMotionKinds,
      async save(format, request, figureTheme, onProgress) {
        const { spaces } = input;
        if (!spaces) throw new Error('the 3D scene is not ready');
        const { subspacesMotion } = await import('./subspaces-motion');
        return subspacesMotion(
          format,
          {
            a: input.matrix,
            rowBasis: result.row,
            x: input.x,
            domain: { ambient: result.cols, spaces: spaces.domain, handle: domain.current },
            codomain: { ambient: result.rows, spaces: spaces.codomain, handle: codomain.current },
            figure,
          },
          { ...request, kind: request.kind as SceneMotionKind },
          figureTheme,
          onProgress,
        );
      },
    },
  };
}
