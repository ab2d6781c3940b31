// The low-rank approximation figure: heatmaps of A, A_r and A − A_r side by side with their
// colour scales, and the Eckart–Young readouts ‖A − A_r‖₂ = σ_{r+1}, ‖A − A_r‖_F = √(Σ_{i>r} σᵢ²).
// Heatmaps embed as PNG images (one pixel per entry, drawn pixelated), so 128×128 stays small.
import type { Matrix } from '../../../core/linalg/matrix';
import type { ColormapName } from './colormap';
import { colourCss } from './colormap';
import { heatmapPixels, rangeFor, type ColourRange } from './heatmap-pixels';
import { pngDataUrl } from './png-encode';
import { element, formatValue, mathText, svgDocument, text } from './svg';
import type { FigureTheme } from './theme';

export interface ApproximationFigureData {
  a: Matrix;
  approximation: Matrix;
  rank: number;
  spectralError: number;
  frobeniusError: number;
  energyKept: number;
  parameters: number;
  denseParameters: number;
  colormap: ColormapName;
}

export interface ApproximationFigureOptions {
  width: number;
  theme: FigureTheme;
}

export function difference(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError('the matrices differ in shape');
  const data = new Float64Array(a.data.length);
  for (let k = 0; k < data.length; k++) data[k] = a.data[k] - b.data[k];
  return { rows: a.rows, cols: a.cols, data };
}

/** The three panels' colour ranges: A and A_r share A's, the residual has its own (diverging). */
export function panelRanges(
  data: ApproximationFigureData,
): [ColourRange, ColourRange, ColourRange] {
  const shared = rangeFor(data.a, data.colormap);
  return [shared, shared, rangeFor(difference(data.a, data.approximation), 'diverging')];
}

function scaleBar(
  x: number,
  y: number,
  width: number,
  range: ColourRange,
  theme: FigureTheme,
): string {
  const steps = 32;
  const low = range.name === 'diverging' ? -range.limit : (range.low ?? 0);
  const high = range.limit;
  let parts = '';
  for (let s = 0; s < steps; s++) {
    const value = low + ((s + 0.5) / steps) * (high - low);
    parts += element('rect', {
      x: (x + (s * width) / steps).toFixed(2),
      y,
      width: (width / steps + 0.5).toFixed(2),
      height: 8,
      fill: colourCss(value, range.name, range.limit, range.low ?? 0),
    });
  }
  parts += text(formatValue(low), { x, y: y + 8 + theme.fontSize + 2, fill: theme.muted });
  parts += text(formatValue(high), {
    x: x + width,
    y: y + 8 + theme.fontSize + 2,
    'text-anchor': 'end',
    fill: theme.muted,
  });
  return parts;
}

export function buildApproximationFigure(
  data: ApproximationFigureData,
  options: ApproximationFigureOptions,
): string {
  const { theme } = options;
  const { a, approximation, rank } = data;
  const gap = theme.fontSize * 2;
  const margin = theme.fontSize;
  const lineHeight = theme.fontSize + 6;
  const panelWidth = Math.max(60, Math.min(320, (options.width - 2 * margin - 2 * gap) / 3));
  const aspect = a.rows / Math.max(a.cols, 1);
  const panelHeight = Math.max(20, Math.min(panelWidth * aspect, 320));
  const drawnWidth = Math.min(panelWidth, panelHeight / aspect);
  const top = margin + lineHeight;
  const ranges = panelRanges(data);
  const residual = difference(a, approximation);
  const panels: [string, Matrix, ColourRange][] = [
    ['A', a, ranges[0]],
    [`Aᵣ (r = ${rank})`, approximation, ranges[1]],
    ['A − Aᵣ', residual, ranges[2]],
  ];
  const parts: string[] = [];
  panels.forEach(([title, matrix, range], index) => {
    const x = margin + index * (panelWidth + gap);
    const offset = (panelWidth - drawnWidth) / 2;
    parts.push(
      text(title, {
        x: x + panelWidth / 2,
        y: margin + theme.fontSize,
        'text-anchor': 'middle',
        fill: theme.ink,
        'font-weight': 600,
      }),
    );
    parts.push(
      element('image', {
        x: (x + offset).toFixed(2),
        y: top,
        width: drawnWidth.toFixed(2),
        height: panelHeight.toFixed(2),
        preserveAspectRatio: 'none',
        style: 'image-rendering: pixelated',
        href: pngDataUrl(heatmapPixels(matrix, range), matrix.cols, matrix.rows),
        'data-testid': `heatmap-${index}`,
      }),
    );
    parts.push(
      element('rect', {
        x: (x + offset).toFixed(2),
        y: top,
        width: drawnWidth.toFixed(2),
        height: panelHeight.toFixed(2),
        fill: 'none',
        stroke: theme.grid,
      }),
    );
    parts.push(scaleBar(x + offset, top + panelHeight + 8, drawnWidth, range, theme));
  });
  let y = top + panelHeight + 8 + 8 + theme.fontSize + 2 + lineHeight * 1.5;
  const next = rank + 1;
  const lines = [
    `‖A − Aᵣ‖₂ = σ${subscript(next)} = ${formatValue(data.spectralError)}   (Eckart–Young: the best rank-${rank} error in the spectral norm)`,
    `‖A − Aᵣ‖_F = √(Σ_{i>${rank}} σᵢ²) = ${formatValue(data.frobeniusError)}   (Eckart–Young–Mirsky)`,
    `energy kept ${(data.energyKept * 100).toFixed(2)}%  ·  parameters r(m+n) = ${data.parameters} against mn = ${data.denseParameters}`,
  ];
  for (const line of lines) {
    parts.push(mathText(line, { x: margin, y, fill: theme.ink }));
    y += lineHeight;
  }
  const height = Math.ceil(y);
  return svgDocument(
    options.width,
    height,
    theme,
    parts.join(''),
    `Rank-${rank} approximation of a ${a.rows}×${a.cols} matrix`,
  );
}

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

export function subscript(value: number): string {
  return String(value)
    .split('')
    .map((digit) => subscriptDigits[Number(digit)] ?? digit)
    .join('');
}
