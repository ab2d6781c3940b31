// Rank over a sequence (layers, checkpoints, activations): one line per measure — effective and
// stable rank — against the step, on a shared linear axis from 0, so a collapse shows as a fall.
// Pure string building, O(steps · series).
import { scaleLinear } from 'd3';
import { coordinate, element, formatValue, svgDocument, text } from './svg';
import type { FigureTheme } from './theme';

export interface RankSeries {
  label: string;
  values: readonly number[];
  /** Theme colour key for the line. */
  colour: 'accent' | 'secondary' | 'marker' | 'rank';
  id: string;
}

export interface RankLinesOptions {
  width: number;
  height: number;
  theme: FigureTheme;
}

export function buildRankLines(
  steps: readonly string[],
  series: readonly RankSeries[],
  options: RankLinesOptions,
): string {
  const { width, height, theme } = options;
  const lineHeight = theme.fontSize + 4;
  const plot = {
    left: theme.fontSize * 4.5,
    top: lineHeight * 2 + 8,
    right: 24,
    bottom: lineHeight * 3 + 8,
  };
  const plotWidth = Math.max(40, width - plot.left - plot.right);
  const plotHeight = Math.max(40, height - plot.top - plot.bottom);
  const bottomEdge = plot.top + plotHeight;
  const count = steps.length;
  let largest = 0;
  for (const line of series)
    for (const value of line.values) if (Number.isFinite(value)) largest = Math.max(largest, value);
  const x = scaleLinear()
    .domain([0.5, Math.max(count, 1) + 0.5])
    .range([plot.left, plot.left + plotWidth]);
  const y = scaleLinear()
    .domain([0, largest > 0 ? largest * 1.1 : 1])
    .nice()
    .range([bottomEdge, plot.top]);
  const parts: string[] = [];
  for (const tick of y.ticks(5)) {
    const position = coordinate(y(tick));
    parts.push(
      element('line', {
        x1: plot.left,
        x2: plot.left + plotWidth,
        y1: position,
        y2: position,
        stroke: theme.grid,
      }),
    );
    parts.push(
      text(formatValue(tick), {
        x: plot.left - 6,
        y: position,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        fill: theme.muted,
      }),
    );
  }
  const labelEvery = Math.max(1, Math.ceil(count / Math.max(1, Math.floor(plotWidth / 90))));
  steps.forEach((step, index) => {
    if (index % labelEvery !== 0) return;
    const position = coordinate(x(index + 1));
    const label = step.length > 16 ? `${step.slice(0, 15)}…` : step;
    parts.push(
      text(label, {
        x: position,
        y: bottomEdge + lineHeight,
        'text-anchor': 'middle',
        fill: theme.muted,
      }),
    );
  });
  parts.push(
    element('path', {
      d: `M${plot.left},${plot.top}V${bottomEdge}H${plot.left + plotWidth}`,
      fill: 'none',
      stroke: theme.muted,
    }),
  );
  parts.push(
    text('step in the sequence', {
      x: plot.left + plotWidth / 2,
      y: bottomEdge + 2 * lineHeight,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  parts.push(
    text('rank', {
      x: 0,
      y: 0,
      transform: `translate(${theme.fontSize * 1.1} ${plot.top + plotHeight / 2}) rotate(-90)`,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  series.forEach((line, seriesIndex) => {
    const colour = theme[line.colour];
    let d = '';
    let marks = '';
    line.values.forEach((value, index) => {
      if (!Number.isFinite(value)) return;
      const px = coordinate(x(index + 1));
      const py = coordinate(y(value));
      d += `${d === '' ? 'M' : 'L'}${px},${py}`;
      marks += `M${Number(px) - 3},${py}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0`;
    });
    parts.push(
      element('path', {
        d,
        fill: 'none',
        stroke: colour,
        'stroke-width': 2,
        'data-testid': line.id,
        'data-count': line.values.length,
      }),
    );
    parts.push(element('path', { d: marks, fill: colour }));
    // Legend, top left, one entry per series.
    const legendX = plot.left + seriesIndex * 150;
    parts.push(
      element('line', {
        x1: legendX,
        x2: legendX + 18,
        y1: lineHeight,
        y2: lineHeight,
        stroke: colour,
        'stroke-width': 2,
      }),
    );
    parts.push(
      text(line.label, {
        x: legendX + 24,
        y: lineHeight,
        'dominant-baseline': 'middle',
        fill: theme.ink,
      }),
    );
  });
  return svgDocument(
    width,
    height,
    theme,
    parts.join(''),
    `Rank over ${count} steps: ${series.map((line) => line.label).join(' and ')}`,
  );
}
