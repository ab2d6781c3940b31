// The empirical spectral distribution (ESD): a histogram of the singular values, as WeightWatcher
// draws for weight matrices, with the Marchenko–Pastur bulk edge when the noise policy is on.
// Bins by d3.bin (Sturges-like "nice" thresholds); all bars are one path. Cost O(k).
import { bin, max, scaleLinear } from 'd3';
import { coordinate, countOf, element, formatValue, svgDocument, text } from './svg';
import type { FigureTheme } from './theme';

export interface HistogramOptions {
  width: number;
  height: number;
  theme: FigureTheme;
  bins?: number;
  bulkEdge?: number | null;
}

export interface HistogramBin {
  low: number;
  high: number;
  count: number;
}

export function histogramBins(values: ArrayLike<number>, binCount: number): HistogramBin[] {
  const list = Array.from(values);
  const top = max(list) ?? 0;
  const generator = bin()
    .domain([0, top > 0 ? top : 1])
    .thresholds(binCount);
  return generator(list).map((group) => ({
    low: group.x0 ?? 0,
    high: group.x1 ?? 0,
    count: group.length,
  }));
}

export function buildSpectralHistogram(
  values: ArrayLike<number>,
  options: HistogramOptions,
): string {
  const { width, height, theme } = options;
  const lineHeight = theme.fontSize + 4;
  const plot = {
    left: theme.fontSize * 4,
    top: lineHeight * 2,
    right: width - 16,
    bottom: height - lineHeight * 3,
  };
  const bins = histogramBins(
    values,
    options.bins ?? Math.min(60, Math.max(5, Math.ceil(Math.sqrt(values.length) * 2))),
  );
  const high = Math.max(bins.at(-1)?.high ?? 1, options.bulkEdge ?? 0) * 1.02;
  const x = scaleLinear().domain([0, high]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((group) => group.count))])
    .nice()
    .range([plot.bottom, plot.top]);
  const parts: string[] = [];
  for (const tick of y.ticks(5)) {
    const position = coordinate(y(tick));
    parts.push(
      element('line', {
        x1: plot.left,
        x2: plot.right,
        y1: position,
        y2: position,
        stroke: theme.grid,
      }),
    );
    parts.push(
      text(String(tick), {
        x: plot.left - 6,
        y: position,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        fill: theme.muted,
      }),
    );
  }
  for (const tick of x.ticks(6)) {
    const position = coordinate(x(tick));
    parts.push(
      text(formatValue(tick), {
        x: position,
        y: plot.bottom + lineHeight,
        'text-anchor': 'middle',
        fill: theme.muted,
      }),
    );
  }
  let bars = '';
  for (const group of bins) {
    if (group.count === 0) continue;
    const left = x(group.low) + 0.5;
    const barWidth = Math.max(1, x(group.high) - x(group.low) - 1);
    bars += `M${coordinate(left)},${coordinate(plot.bottom)}v${coordinate(y(group.count) - plot.bottom)}h${coordinate(barWidth)}V${coordinate(plot.bottom)}Z`;
  }
  parts.push(
    element('path', {
      d: bars,
      fill: theme.accent,
      'fill-opacity': 0.8,
      'data-testid': 'histogram-bars',
      'data-bins': bins.length,
    }),
  );
  parts.push(
    element('path', {
      d: `M${plot.left},${plot.top}V${plot.bottom}H${plot.right}`,
      fill: 'none',
      stroke: theme.muted,
    }),
  );
  if (options.bulkEdge && options.bulkEdge > 0) {
    const position = coordinate(x(options.bulkEdge));
    parts.push(
      element('line', {
        x1: position,
        x2: position,
        y1: plot.top,
        y2: plot.bottom,
        stroke: theme.marker,
        'stroke-dasharray': '6 4',
        'data-testid': 'bulk-edge',
      }),
    );
    parts.push(
      text(`MP bulk edge ${formatValue(options.bulkEdge)}`, {
        x: Number(position) - 4,
        y: plot.top - 4,
        'text-anchor': 'end',
        fill: theme.marker,
      }),
    );
  }
  parts.push(
    text('singular value σ', {
      x: (plot.left + plot.right) / 2,
      y: plot.bottom + 2 * lineHeight,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  parts.push(
    text('count', {
      x: 0,
      y: 0,
      transform: `translate(${theme.fontSize} ${(plot.top + plot.bottom) / 2}) rotate(-90)`,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  return svgDocument(
    width,
    height,
    theme,
    parts.join(''),
    `Histogram of ${countOf(values.length, 'singular value')}`,
  );
}
