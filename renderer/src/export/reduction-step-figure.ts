// One state of a reduction as a figure: the matrix after `index` steps (0 = as entered) with its
// pivot and row marks and a two-line caption. The interactive stepper and the motion export draw
// every frame with it, so a GIF shows what the HTML page and the app show.
import { buildReduceSvg, type SvgFigure } from '../figures/reduce-svg';
import type { ReductionFigureData } from './interactive-data';

export function reductionCaption(data: ReductionFigureData, index: number): string[] {
  const total = data.steps.length;
  if (index === 0)
    return [`${data.title}: the matrix to reduce`, `${total} elementary operations to its RREF`];
  const step = data.steps[index - 1];
  return [`Step ${index} of ${total}: ${step.notation}`, `${step.words} — ${step.reason}`];
}

export function reductionStepFigure(data: ReductionFigureData, index: number): SvgFigure {
  const step = index > 0 ? data.steps[index - 1] : null;
  return buildReduceSvg({
    cells: step ? step.cells : data.start,
    pivot: step?.pivot ?? null,
    readRows: step?.readRows ?? [],
    writtenRows: step?.writtenRows ?? [],
    augmentAt: data.augmentAt,
    caption: reductionCaption(data, index),
  });
}
