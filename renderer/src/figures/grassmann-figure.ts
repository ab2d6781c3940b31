// The Grassmann figure: principal angles θ₁ ≥ … ≥ θ_k between two subspaces as horizontal bars on
// a 0°–90° scale with the geodesic, chordal and projection distances, and beside it the LoRA
// subspace similarity φ(i, j) = ‖U_Aᵢᵀ U_Bⱼ‖²_F / min(i, j) as a heatmap (Hu et al. 2021, §7.2).
import type { Matrix } from '../../../core/linalg/matrix';
import { colourCss } from './colormap';
import { heatmapPixels } from './heatmap-pixels';
import { pngDataUrl } from './png-encode';
import { subscript } from './approximation-figure';
import { element, formatValue, svgDocument, text } from './svg';
import type { FigureTheme } from './theme';

export interface GrassmannFigureData {
  /** Principal angles in radians (any order; drawn largest first). */
  angles: ArrayLike<number>;
  distances: { geodesic: number; chordal: number; projection: number };
  nameA: string;
  nameB: string;
  ambient: number;
  dimensionA: number;
  dimensionB: number;
  /** φ(i, j) at entry (i−1, j−1); null to leave the heatmap out. */
  similarity: Matrix | null;
}

export function degrees(radians: number): number {
  return (radians * 180) / Math.PI;
}

export function buildGrassmannFigure(
  data: GrassmannFigureData,
  options: { width: number; theme: FigureTheme },
): string {
  const { theme } = options;
  const fs = theme.fontSize;
  const lineHeight = fs + 6;
  const width = Math.max(options.width, 480);
  const withHeatmap =
    data.similarity !== null && data.similarity.rows > 0 && data.similarity.cols > 0;
  const chartWidth = withHeatmap ? width * 0.55 : width;
  const angles = Array.from(data.angles).sort((a, b) => b - a);
  const barHeight = Math.max(10, Math.min(26, 180 / Math.max(angles.length, 1)));
  const parts: string[] = [];
  const left = fs * 4;
  const right = chartWidth - fs * 4;
  let y = fs * 1.6;
  parts.push(text(`A: ${data.nameA}`, { x: fs, y, fill: theme.ink, 'font-weight': 600 }));
  y += lineHeight;
  parts.push(text(`B: ${data.nameB}`, { x: fs, y, fill: theme.ink, 'font-weight': 600 }));
  y += lineHeight;
  parts.push(
    text(`dimensions ${data.dimensionA} and ${data.dimensionB} in ℝ${superscript(data.ambient)}`, {
      x: fs,
      y,
      fill: theme.muted,
    }),
  );
  const panelTop = y + lineHeight;
  y = panelTop;
  parts.push(text('principal angles θᵢ', { x: fs, y, fill: theme.ink, 'font-weight': 600 }));
  y += lineHeight * 0.6;
  const scale = (angle: number) => left + (degrees(angle) / 90) * (right - left);
  const chartTop = y;
  for (const tick of [0, 30, 60, 90]) {
    const x = left + (tick / 90) * (right - left);
    parts.push(
      element('line', {
        x1: x,
        x2: x,
        y1: chartTop,
        y2: chartTop + angles.length * (barHeight + 6),
        stroke: theme.grid,
      }),
    );
  }
  let bars = '';
  angles.forEach((angle, index) => {
    const top = chartTop + index * (barHeight + 6) + 3;
    const barWidth = Math.max(0, scale(angle) - left);
    bars += `M${left},${top.toFixed(2)}h${barWidth.toFixed(2)}v${barHeight}h${(-barWidth).toFixed(2)}Z`;
    parts.push(
      text(`θ${subscript(index + 1)}`, {
        x: left - 6,
        y: top + barHeight / 2,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        fill: theme.ink,
      }),
    );
    parts.push(
      text(`${degrees(angle).toFixed(2)}°`, {
        x: Math.min(scale(angle) + 4, right + fs * 3.6),
        y: top + barHeight / 2,
        'dominant-baseline': 'middle',
        fill: theme.ink,
        'data-testid': 'angle-value',
      }),
    );
  });
  parts.push(
    element('path', {
      d: bars,
      fill: theme.accent,
      'data-testid': 'angle-bars',
      'data-count': angles.length,
    }),
  );
  y = chartTop + angles.length * (barHeight + 6) + 6;
  for (const tick of [0, 30, 60, 90]) {
    parts.push(
      text(`${tick}°`, {
        x: left + (tick / 90) * (right - left),
        y: y + fs,
        'text-anchor': 'middle',
        fill: theme.muted,
      }),
    );
  }
  y += fs + lineHeight * 1.2;
  const distanceLines = [
    `geodesic √(Σθᵢ²) = ${formatValue(data.distances.geodesic)}`,
    `chordal √(Σ sin²θᵢ) = ${formatValue(data.distances.chordal)}`,
    `projection ‖P_A − P_B‖₂ = ${formatValue(data.distances.projection)}`,
  ];
  for (const line of distanceLines) {
    parts.push(text(line, { x: fs, y, fill: theme.ink }));
    y += lineHeight;
  }
  let height = y;

  if (withHeatmap) {
    const grid = data.similarity!;
    const x0 = chartWidth + fs * 2.5;
    const available = width - x0 - fs * 4;
    const cell = Math.max(2, Math.min(48, available / grid.cols, 240 / grid.rows));
    const top = panelTop + lineHeight * 1.3;
    parts.push(
      text('subspace similarity φ(i, j)', {
        x: x0,
        y: panelTop,
        fill: theme.ink,
        'font-weight': 600,
      }),
    );
    parts.push(
      text('i: singular vectors of A, j: of B', {
        x: x0,
        y: panelTop + lineHeight,
        fill: theme.muted,
      }),
    );
    parts.push(
      element('image', {
        x: x0,
        y: top,
        width: (cell * grid.cols).toFixed(2),
        height: (cell * grid.rows).toFixed(2),
        preserveAspectRatio: 'none',
        style: 'image-rendering: pixelated',
        href: pngDataUrl(
          heatmapPixels(grid, { name: 'sequential', limit: 1, low: 0 }),
          grid.cols,
          grid.rows,
        ),
        'data-testid': 'similarity-heatmap',
        'data-rows': grid.rows,
        'data-cols': grid.cols,
      }),
    );
    if (grid.rows * grid.cols <= 64) {
      for (let i = 0; i < grid.rows; i++)
        for (let j = 0; j < grid.cols; j++) {
          const value = grid.data[i + j * grid.rows];
          parts.push(
            text(value.toFixed(2), {
              x: x0 + (j + 0.5) * cell,
              y: top + (i + 0.5) * cell,
              'text-anchor': 'middle',
              'dominant-baseline': 'middle',
              'font-size': Math.min(fs, cell / 3),
              fill: value > 0.6 ? '#000000' : '#ffffff',
            }),
          );
        }
    }
    const gridBottom = top + cell * grid.rows;
    parts.push(
      text('j →', {
        x: x0 + (cell * grid.cols) / 2,
        y: gridBottom + fs * 1.2,
        'text-anchor': 'middle',
        fill: theme.muted,
      }),
    );
    parts.push(text('i ↓', { x: x0 - 4, y: top + fs, 'text-anchor': 'end', fill: theme.muted }));
    // Colour bar 0 → 1.
    const barY = gridBottom + fs * 2;
    for (let s = 0; s < 20; s++) {
      parts.push(
        element('rect', {
          x: x0 + s * 8,
          y: barY,
          width: 8.5,
          height: 8,
          fill: colourCss((s + 0.5) / 20, 'sequential', 1, 0),
        }),
      );
    }
    parts.push(text('0', { x: x0, y: barY + 8 + fs, fill: theme.muted }));
    parts.push(
      text('1', { x: x0 + 160, y: barY + 8 + fs, 'text-anchor': 'end', fill: theme.muted }),
    );
    height = Math.max(height, barY + 8 + fs * 2);
  }
  return svgDocument(
    width,
    Math.ceil(height),
    theme,
    parts.join(''),
    `Principal angles between ${data.nameA} and ${data.nameB}`,
  );
}

function superscript(value: number): string {
  return String(value)
    .split('')
    .map((digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)])
    .join('');
}
