// The scree plot: singular values against their index (linear or log axis), the cumulative energy
// curve, the chosen policy's tolerance line, markers for numerical rank, largest gap, stable and
// effective rank, and the Marchenko–Pastur bulk edge. One SVG path holds all the marks, so 4096
// values cost one DOM node; hover is an O(1) inversion of the index scale (see indexAt).
import { scaleLinear, scaleLog } from 'd3';
import {
  placeLabels,
  polylineSegments,
  type Box,
  type PlacedLabel,
  type Point,
  type Segment,
} from './label-placement';
import { coordinate, countOf, element, formatValue, svgDocument, text } from './svg';
import { textWidth } from './text-width';
import type { FigureTheme } from './theme';

export type AxisScale = 'linear' | 'log';

export interface ScreeMarkers {
  numericalRank: number;
  /** The chosen policy's threshold; null when it has none. */
  tolerance: number | null;
  policyLabel: string;
  /** Rank at the largest spectral gap (the gap lies between σ_r and σ_{r+1}); null when undefined. */
  gapRank: number | null;
  stableRank: number;
  effectiveRank: number;
  /** Marchenko–Pastur bulk edge, drawn when the noise policy is active. */
  bulkEdge: number | null;
}

export interface ScreeOptions {
  width: number;
  height: number;
  scale: AxisScale;
  theme: FigureTheme;
  showEnergy?: boolean;
}

export interface ScreeLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  count: number;
  /** Horizontal position of index i (1-based; fractional positions allowed for stable/effective rank). */
  x(index: number): number;
  y(value: number): number;
  /** The index (1-based) nearest to a horizontal position, clamped to 1..count. */
  indexAt(position: number): number;
}

/** A label as drawn: its text and the box it was placed in. */
export interface ScreeLabel extends PlacedLabel {
  text: string;
}

export interface ScreeFigure {
  svg: string;
  layout: ScreeLayout;
  /** The thresholds' and markers' labels, where placement put them. */
  labels: ScreeLabel[];
  /** The singular values' marks, as boxes around each circle. */
  marks: Box[];
}

/** Fraction of Σσ² held by the first i values, for i = 1..k. */
export function cumulativeEnergy(values: ArrayLike<number>): Float64Array {
  const result = new Float64Array(values.length);
  // Squares of σ/σ_max, so neither huge nor subnormal spectra overflow or vanish.
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  let total = 0;
  for (let i = 0; i < values.length; i++) total += (values[i] / largest) ** 2;
  let running = 0;
  for (let i = 0; i < values.length; i++) {
    running += (values[i] / largest) ** 2;
    result[i] = largest === 0 || total === 0 ? 1 : running / total;
  }
  return result;
}

function valueDomain(
  values: ArrayLike<number>,
  markers: ScreeMarkers,
  scale: AxisScale,
): [number, number] {
  const largest = values.length > 0 ? values[0] : 0;
  const extras = [markers.tolerance ?? 0, markers.bulkEdge ?? 0].filter((value) =>
    Number.isFinite(value),
  );
  const top = Math.max(largest, ...extras);
  if (scale === 'linear') return [0, top > 0 ? top * 1.05 : 1];
  let smallest = Infinity;
  for (let i = 0; i < values.length; i++)
    if (values[i] > 0) smallest = Math.min(smallest, values[i]);
  for (const extra of extras) if (extra > 0) smallest = Math.min(smallest, extra);
  if (!Number.isFinite(smallest) || top <= 0) return [0.1, 1];
  // Exact zeros sit on the floor, a decade under the smallest positive value (never below 1e-20·σ₁).
  // Subnormal spectra would put the floor at 0, and log10(0) = −∞ has no decades to tick.
  const floor = Math.max(Math.max(smallest, top * 1e-20) / 10, Number.MIN_VALUE);
  return [floor, Math.min(top * 2, Number.MAX_VALUE)];
}

export function screeLayout(
  values: ArrayLike<number>,
  markers: ScreeMarkers,
  options: ScreeOptions,
): ScreeLayout {
  const { width, height, theme } = options;
  const lineHeight = theme.fontSize + 4;
  const left = theme.fontSize * 5.5;
  const right = options.showEnergy === false ? 16 : theme.fontSize * 3.5;
  const top = lineHeight * 3 + 8;
  const bottom = lineHeight * 3 + 8;
  const plot = {
    left,
    top,
    width: Math.max(40, width - left - right),
    height: Math.max(40, height - top - bottom),
  };
  const count = values.length;
  const xScale = scaleLinear()
    .domain([0.5, Math.max(count, 1) + 0.5])
    .range([plot.left, plot.left + plot.width]);
  const domain = valueDomain(values, markers, options.scale);
  const yScale = (options.scale === 'log' ? scaleLog() : scaleLinear())
    .domain(domain)
    .range([plot.top + plot.height, plot.top])
    .clamp(true);
  return {
    width,
    height,
    plot,
    count,
    x: (index) => xScale(index),
    y: (value) => yScale(options.scale === 'log' ? Math.max(value, domain[0]) : value),
    indexAt: (position) =>
      Math.min(Math.max(Math.round(xScale.invert(position)), 1), Math.max(count, 1)),
  };
}

function valueTicks(
  layout: ScreeLayout,
  values: ArrayLike<number>,
  markers: ScreeMarkers,
  scale: AxisScale,
): number[] {
  const domain = valueDomain(values, markers, scale);
  if (scale === 'linear') return scaleLinear().domain(domain).ticks(5);
  const low = Math.ceil(Math.log10(domain[0]));
  const high = Math.floor(Math.log10(domain[1]));
  const decades = Math.max(high - low, 0);
  const step = Math.max(1, Math.ceil(decades / 6));
  const ticks: number[] = [];
  for (let power = high; power >= low; power -= step) ticks.push(10 ** power);
  return ticks;
}

/** Tick labels: plain numbers in [10⁻³, 10⁵), else compact powers of ten ("1e−8"). */
export function tickLabel(value: number): string {
  const magnitude = Math.abs(value);
  if (value === 0 || (magnitude >= 1e-3 && magnitude < 1e5)) return formatValue(value);
  const power = Math.round(Math.log10(magnitude));
  if (Math.abs(magnitude / 10 ** power - 1) < 1e-9)
    return `${value < 0 ? '−' : ''}1e${power < 0 ? '−' : ''}${Math.abs(power)}`;
  return formatValue(value);
}

function indexTicks(count: number): number[] {
  if (count <= 12) return Array.from({ length: count }, (_, i) => i + 1);
  return scaleLinear()
    .domain([1, count])
    .ticks(8)
    .filter((tick) => Number.isInteger(tick) && tick >= 1);
}

interface VerticalMarker {
  position: number;
  label: string;
  colour: string;
  dash?: string;
  id: string;
}

export function buildScreePlot(
  values: ArrayLike<number>,
  markers: ScreeMarkers,
  options: ScreeOptions,
): ScreeFigure {
  const { theme } = options;
  const layout = screeLayout(values, markers, options);
  const { plot, count } = layout;
  const bottomEdge = plot.top + plot.height;
  const rightEdge = plot.left + plot.width;
  const lineHeight = theme.fontSize + 4;
  const fontSize = theme.fontSize;
  const parts: string[] = [];
  // Text the placed labels must keep clear of, and lines they must not sit on.
  const fixedText: Box[] = [];
  const lines: Segment[] = [];
  /** The box of text of this width whose middle is at y. */
  const middleBox = (x: number, y: number, width: number): Box => ({
    x,
    y: y - fontSize * 0.65,
    width,
    height: fontSize * 1.3,
  });

  // Grid and value axis.
  for (const tick of valueTicks(layout, values, markers, options.scale)) {
    const y = coordinate(layout.y(tick));
    const label = tickLabel(tick);
    const width = textWidth(label, fontSize);
    fixedText.push(middleBox(plot.left - 6 - width, layout.y(tick), width));
    parts.push(element('line', { x1: plot.left, x2: rightEdge, y1: y, y2: y, stroke: theme.grid }));
    parts.push(
      text(label, {
        x: plot.left - 6,
        y,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        fill: theme.muted,
      }),
    );
  }
  for (const tick of indexTicks(count)) {
    const x = coordinate(layout.x(tick));
    parts.push(
      element('line', { x1: x, x2: x, y1: bottomEdge, y2: bottomEdge + 4, stroke: theme.muted }),
    );
    parts.push(
      text(String(tick), {
        x,
        y: bottomEdge + lineHeight,
        'text-anchor': 'middle',
        fill: theme.muted,
      }),
    );
  }
  parts.push(
    element('path', {
      d: `M${plot.left},${plot.top}V${bottomEdge}H${rightEdge}`,
      fill: 'none',
      stroke: theme.muted,
    }),
  );
  parts.push(
    text('index i', {
      x: plot.left + plot.width / 2,
      y: bottomEdge + 2 * lineHeight,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  parts.push(
    text(options.scale === 'log' ? 'σᵢ (log scale)' : 'σᵢ', {
      x: 0,
      y: 0,
      transform: `translate(${theme.fontSize * 1.1} ${plot.top + plot.height / 2}) rotate(-90)`,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );

  // Cumulative energy on its own 0–100 % axis at the right.
  if (options.showEnergy !== false && count > 0) {
    const energy = cumulativeEnergy(values);
    const energyY = (fraction: number) => bottomEdge - fraction * plot.height;
    const curve = Array.from(energy, (fraction, i) => ({
      x: layout.x(i + 1),
      y: energyY(fraction),
    }));
    lines.push(...polylineSegments(curve).map((segment) => ({ ...segment, weight: 0.5 })));
    let d = '';
    for (let i = 0; i < count; i++)
      d += `${i === 0 ? 'M' : 'L'}${coordinate(curve[i].x)},${coordinate(curve[i].y)}`;
    parts.push(
      element('path', {
        d,
        fill: 'none',
        stroke: theme.secondary,
        'stroke-width': 1.5,
        'data-testid': 'energy-curve',
      }),
    );
    for (const fraction of [0, 0.5, 1]) {
      const label = `${fraction * 100}%`;
      fixedText.push(middleBox(rightEdge + 6, energyY(fraction), textWidth(label, fontSize)));
      parts.push(
        text(label, {
          x: rightEdge + 6,
          y: coordinate(energyY(fraction)),
          'dominant-baseline': 'middle',
          fill: theme.secondary,
        }),
      );
    }
  }

  // Horizontal thresholds: the lines now, their labels placed with the markers' below.
  interface Threshold {
    y: number;
    label: string;
    colour: string;
  }
  const thresholds: Threshold[] = [];
  const horizontal = (value: number, label: string, colour: string, id: string) => {
    const y = layout.y(value);
    parts.push(
      element('line', {
        x1: plot.left,
        x2: rightEdge,
        y1: coordinate(y),
        y2: coordinate(y),
        stroke: colour,
        'stroke-dasharray': '6 4',
        'stroke-width': 1.25,
        'data-testid': id,
      }),
    );
    thresholds.push({ y, label, colour });
  };
  if (markers.tolerance !== null && markers.tolerance > 0 && Number.isFinite(markers.tolerance)) {
    horizontal(
      markers.tolerance,
      `tolerance ${formatValue(markers.tolerance)} (${markers.policyLabel})`,
      theme.threshold,
      'tolerance-line',
    );
  }
  if (markers.bulkEdge !== null && markers.bulkEdge > 0 && Number.isFinite(markers.bulkEdge)) {
    horizontal(
      markers.bulkEdge,
      `MP bulk edge ${formatValue(markers.bulkEdge)}`,
      theme.marker,
      'bulk-edge',
    );
  }

  // The values: a faint polyline and one path of small circles, one subpath per value.
  const marks: Box[] = [];
  if (count > 0) {
    const radius = count > 512 ? 1.3 : count > 64 ? 2 : 3.5;
    const points: Point[] = [];
    let line = '';
    let path = '';
    for (let i = 0; i < count; i++) {
      const x = layout.x(i + 1);
      const y = layout.y(values[i]);
      points.push({ x, y });
      marks.push({ x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius });
      line += `${i === 0 ? 'M' : 'L'}${coordinate(x)},${coordinate(y)}`;
      path +=
        `M${coordinate(x - radius)},${coordinate(y)}` +
        `a${radius},${radius} 0 1,0 ${2 * radius},0a${radius},${radius} 0 1,0 ${-2 * radius},0`;
    }
    // The faint polyline between the marks may pass behind a label; the marks may not.
    lines.push(...polylineSegments(points).map((segment) => ({ ...segment, weight: 0.25 })));
    parts.push(
      element('path', { d: line, fill: 'none', stroke: theme.accent, 'stroke-opacity': 0.45 }),
    );
    parts.push(
      element('path', {
        d: path,
        fill: theme.accent,
        'data-testid': 'scree-marks',
        'data-count': count,
        // The overlap check (e2e/label-boxes.ts) keeps every label off the marks.
        'data-avoid': 'marks',
      }),
    );
  }

  // Vertical markers, flagged by labels beside their lines in up to three rows above the plot.
  const verticals: VerticalMarker[] = [];
  if (count > 0) {
    // When the largest gap sits where the rank falls, one line says both (two would overprint).
    const gapAtRank = markers.gapRank === markers.numericalRank;
    verticals.push({
      position: markers.numericalRank + 0.5,
      label: gapAtRank
        ? `rank ${markers.numericalRank} = largest gap`
        : `rank ${markers.numericalRank}`,
      colour: theme.rank,
      id: 'marker-rank',
    });
    if (!gapAtRank && markers.gapRank !== null && markers.gapRank > 0 && markers.gapRank < count) {
      verticals.push({
        position: markers.gapRank + 0.5,
        label: `largest gap`,
        colour: theme.threshold,
        dash: '2 3',
        id: 'marker-gap',
      });
    }
    verticals.push({
      position: markers.stableRank,
      label: `stable ${formatValue(markers.stableRank)}`,
      colour: theme.marker,
      dash: '4 3',
      id: 'marker-stable',
    });
    verticals.push({
      position: markers.effectiveRank,
      label: `effective ${formatValue(markers.effectiveRank)}`,
      colour: theme.secondary,
      dash: '1 3',
      id: 'marker-effective',
    });
  }
  const labelHeight = fontSize * 1.25;
  const rowTop = (row: number) => plot.top - 4 - labelHeight - row * lineHeight;
  const topmost = rowTop(2);
  const shown = verticals.map((marker) => ({
    ...marker,
    x: Math.min(Math.max(layout.x(marker.position), plot.left), rightEdge),
  }));
  // Each marker's line, from the top label row down: no other label may sit on it.
  const markerLines: Segment[] = shown.map((marker) => ({
    x1: marker.x,
    y1: topmost,
    x2: marker.x,
    y2: bottomEdge,
    weight: 0.5,
  }));

  // Place the rank's label first, then the others; then the thresholds' labels inside the plot.
  const labels: ScreeLabel[] = [];
  const placedBoxes = () => labels.map((label): Box => label);
  shown.forEach((marker, index) => {
    const width = textWidth(marker.label, fontSize);
    const candidates: Point[] = [];
    for (let row = 0; row < 3; row++) {
      candidates.push({ x: marker.x + 3, y: rowTop(row) });
      candidates.push({ x: marker.x - 3 - width, y: rowTop(row) });
    }
    const [placed] = placeLabels([{ width, height: labelHeight, candidates }], {
      obstacles: [...fixedText, ...placedBoxes()],
      segments: markerLines.filter((_, other) => other !== index),
      bounds: { x: 0, y: 0, width: options.width, height: plot.top },
      padding: 1,
    });
    labels.push({ ...placed, text: marker.label });
  });
  const markerLabels = labels.length;
  // No threshold's label may sit on another threshold's line (the tolerance and the noise edge
  // can lie a few pixels apart).
  const thresholdLines: Segment[] = thresholds.map((threshold) => ({
    x1: plot.left,
    y1: threshold.y,
    x2: rightEdge,
    y2: threshold.y,
  }));
  for (const threshold of thresholds) {
    const width = textWidth(threshold.label, fontSize);
    const right = rightEdge - 4 - width;
    const left = plot.left + 6;
    // At the right end, else at the left, else anywhere along the line, above it before below;
    // when two lines crowd each other, a row or two further off, still beside its own line.
    const along = Array.from({ length: 9 }, (_, k) => left + ((right - left) * (k + 1)) / 10);
    const candidates: Point[] = [0, 1, 2].flatMap((row) => {
      const offset = row * (labelHeight + 2);
      return [right, left, ...along].flatMap((x) => [
        { x, y: threshold.y - 3 - labelHeight - offset },
        { x, y: threshold.y + 3 + offset },
      ]);
    });
    const [placed] = placeLabels([{ width, height: labelHeight, candidates }], {
      obstacles: [...fixedText, ...marks, ...placedBoxes()],
      segments: [...lines, ...markerLines, ...thresholdLines],
      bounds: { x: plot.left, y: plot.top, width: plot.width, height: plot.height },
      padding: 2,
    });
    labels.push({ ...placed, text: threshold.label });
  }

  const baseline = (box: Box) => coordinate(box.y + fontSize * 0.95);
  // A halo in the background colour: where a label must cross a guide line, the line stops short.
  const halo = { stroke: theme.background, 'stroke-width': 3, 'paint-order': 'stroke' };
  shown.forEach((marker, index) => {
    const label = labels[index];
    const x = coordinate(marker.x);
    parts.push(
      element('line', {
        x1: x,
        x2: x,
        y1: coordinate(label.y),
        y2: bottomEdge,
        stroke: marker.colour,
        'stroke-width': 1.25,
        'stroke-dasharray': marker.dash,
        'data-testid': marker.id,
      }),
    );
    parts.push(
      text(marker.label, {
        x: coordinate(label.x),
        y: baseline(label),
        fill: marker.colour,
        ...halo,
      }),
    );
  });
  thresholds.forEach((threshold, index) => {
    const label = labels[markerLabels + index];
    parts.push(
      text(threshold.label, {
        x: coordinate(label.x),
        y: baseline(label),
        fill: threshold.colour,
        ...halo,
      }),
    );
  });
  // Legend under the axis title.
  const legendY = bottomEdge + 3 * lineHeight;
  parts.push(
    element('circle', {
      cx: plot.left + 4,
      cy: legendY - theme.fontSize / 3,
      r: 3.5,
      fill: theme.accent,
    }) + text('singular values', { x: plot.left + 12, y: legendY, fill: theme.ink }),
  );
  if (options.showEnergy !== false) {
    const x = plot.left + 12 + textWidth('singular values', fontSize) + 20;
    parts.push(
      element('line', {
        x1: x,
        x2: x + 16,
        y1: legendY - theme.fontSize / 3,
        y2: legendY - theme.fontSize / 3,
        stroke: theme.secondary,
        'stroke-width': 2,
      }) + text('cumulative energy Σσ²', { x: x + 22, y: legendY, fill: theme.ink }),
    );
  }

  const svg = svgDocument(
    options.width,
    options.height,
    theme,
    parts.join(''),
    `Scree plot of ${countOf(count, 'singular value')}`,
  );
  return { svg, layout, labels, marks };
}
