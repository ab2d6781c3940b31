// The m, n ≤ 3 picture's moving parts: the vector x one types or drags, its split into row-space
// and null-space parts, their images under A (animated: the null part collapses to 0), and the
// four spaces labelled for the two scenes.
import { useEffect, useMemo, useState } from 'react';
import type { SubspacesResult } from '../../../../core/jobs/subspaces';
import type { Matrix } from '../../../../core/linalg/matrix';
import { spaceColours } from '../../figures/big-picture';
import { applyMatrix, spaceLabel, splitVector } from '../../figures/subspace-geometry';
import { sceneVectors } from '../../figures/subspace-interaction';
import type { FigureTheme } from '../../figures/theme';
import type { LabelledSpace, SceneVector } from './SubspaceCanvas';

const animationMilliseconds = 1600;

function labelledSpaces(result: SubspacesResult): {
  domain: LabelledSpace[];
  codomain: LabelledSpace[];
} {
  const { rows, cols, rank } = result;
  return {
    domain: [
      {
        key: 'row',
        basis: result.row,
        ambient: cols,
        colour: spaceColours.row,
        label: spaceLabel('row space', cols, rank),
      },
      {
        key: 'null',
        basis: result.null,
        ambient: cols,
        colour: spaceColours.null,
        label: spaceLabel('null space', cols, result.nullity),
      },
    ],
    codomain: [
      {
        key: 'column',
        basis: result.column,
        ambient: rows,
        colour: spaceColours.column,
        label: spaceLabel('column space', rows, rank),
      },
      {
        key: 'leftNull',
        basis: result.leftNull,
        ambient: rows,
        colour: spaceColours.leftNull,
        label: spaceLabel('left null space', rows, rows - rank),
      },
    ],
  };
}

export function useVectorSplit(
  a: Matrix | null,
  result: SubspacesResult | null,
  small: boolean,
  theme: FigureTheme,
) {
  const [chosenX, setChosenX] = useState<number[]>([1.5, 0.5, 1]);
  const x = useMemo(() => chosenX.slice(0, a?.cols ?? 3), [chosenX, a?.cols]);
  const [phase, setPhase] = useState(1);

  function play() {
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / animationMilliseconds);
      // Ease in and out so the collapse reads as motion, not a jump.
      setPhase(t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
      if (t < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }
  // Play once when a new matrix arrives.
  useEffect(() => {
    if (result && small) play();
  }, [result, small]);

  const spaces = useMemo(() => (result ? labelledSpaces(result) : null), [result]);
  const split = useMemo(() => (result ? splitVector(result.row, x) : null), [result, x]);
  const image = useMemo(() => (a ? applyMatrix(a, x) : null), [a, x]);
  // The same builder as the interactive export and the motion frames: one codomain scale for all.
  const vectors = useMemo(
    () => (a && result ? sceneVectors(a, result.row, x, phase, theme.ink) : null),
    [a, result, x, phase, theme.ink],
  );
  const codomainScale = vectors?.codomainScale ?? 1;
  const domainVectors: SceneVector[] = vectors?.domain ?? [];
  const codomainVectors: SceneVector[] = vectors?.codomain ?? [];

  /** Moves x's first coordinates to `tip` (a drag in the domain scene). */
  function dragTo(tip: number[]) {
    setChosenX([...tip, ...chosenX.slice(tip.length)]);
  }
  function setCoordinate(index: number, value: number) {
    const next = [...chosenX];
    next[index] = value;
    setChosenX(next);
  }

  return {
    x,
    play,
    dragTo,
    setCoordinate,
    spaces,
    split,
    image,
    codomainScale,
    domainVectors,
    codomainVectors,
  };
}
