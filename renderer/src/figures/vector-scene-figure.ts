// Exports 3D scenes as a vector figure: each scene drawn as SVG paths (vector-scene.ts) in its own
// clipped panel under its title, side by side, with the space labels as SVG text placed as on
// screen, by label-placement.ts around their anchors and off the scene's lines (a swatch of the
// space's colour, ink on a halo), and a note below.
import {
  aroundPoint,
  placeLabels,
  type Box,
  type PlacedLabel,
  type Segment,
} from './label-placement';
import { element, svgDocument, text } from './svg';
import { textWidth } from './text-width';
import type { FigureTheme } from './theme';

export interface SceneLabel {
  /** The point the label belongs to, in pixels from the scene's top left corner. */
  x: number;
  y: number;
  text: string;
  colour: string;
}

export interface VectorScenePanel {
  title: string;
  width: number;
  height: number;
  /** The scene as SVG elements in pixel coordinates (0…width, 0…height). */
  drawing: string;
  labels: SceneLabel[];
  /** Lines on the scene that labels must keep off (a line-shaped space, a vector's shaft). */
  avoid?: Segment[];
  /** Each label's candidate place tried first (in motion, the last frame's), so labels stay put. */
  preferred?: readonly (number | undefined)[];
}

/** A label's size: wider than its panel, it is set smaller so that all of it stays inside. */
function labelSize(content: string, panel: { width: number }, theme: FigureTheme) {
  const natural = textWidth(content, theme.fontSize);
  const room = panel.width - 8;
  const fontSize = Math.min(theme.fontSize, (theme.fontSize * room) / (natural + theme.fontSize));
  const swatch = Math.round(fontSize * 0.6);
  const gap = 4;
  const width = swatch + gap + (natural * fontSize) / theme.fontSize;
  return { fontSize, swatch, gap, width, height: fontSize * 1.4 };
}

/** A panel's labels, placed around their anchors clear of one another and of its lines. */
export function placePanelLabels(
  panel: Omit<VectorScenePanel, 'title'>,
  theme: FigureTheme,
): PlacedLabel[] {
  const sizes = panel.labels.map((label) => labelSize(label.text, panel, theme));
  return placeLabels(
    panel.labels.map((label, index) => ({
      width: sizes[index].width,
      height: sizes[index].height,
      candidates: aroundPoint(label, sizes[index].width, sizes[index].height, 6),
      preferred: panel.preferred?.[index],
    })),
    {
      segments: panel.avoid ?? [],
      bounds: { x: 4, y: 4, width: panel.width - 8, height: panel.height - 8 },
    },
  );
}

function panelLabel(
  label: SceneLabel,
  box: Box,
  panel: VectorScenePanel,
  left: number,
  top: number,
  theme: FigureTheme,
): string {
  const { fontSize, swatch, gap } = labelSize(label.text, panel, theme);
  const start = left + box.x;
  const middle = top + box.y + box.height / 2;
  return element(
    'g',
    { 'data-testid': 'scene-label' },
    element('rect', {
      x: start,
      y: middle - swatch / 2,
      width: swatch,
      height: swatch,
      rx: 2,
      fill: label.colour,
      stroke: theme.background,
      'stroke-width': 1,
    }) +
      text(label.text, {
        x: start + swatch + gap,
        y: middle + fontSize * 0.35,
        fill: theme.ink,
        stroke: theme.background,
        'stroke-width': 3,
        'paint-order': 'stroke',
        'font-size': fontSize < theme.fontSize ? Number(fontSize.toFixed(1)) : undefined,
      }),
  );
}

export function buildVectorSceneFigure(
  panels: VectorScenePanel[],
  theme: FigureTheme,
  note: string,
  description: string,
): string {
  const gap = theme.fontSize;
  const titleHeight = theme.fontSize * 2;
  const width = panels.reduce((sum, panel) => sum + panel.width, 0) + gap * (panels.length + 1);
  const tallest = Math.max(0, ...panels.map((panel) => panel.height));
  const noteHeight = note ? theme.fontSize * 2 : 0;
  const height = Math.ceil(titleHeight + tallest + gap + noteHeight);
  const parts: string[] = [];
  let x = gap;
  for (const panel of panels) {
    // A title wider than its panel is set smaller rather than spilling over its neighbour.
    const titleWidth = textWidth(panel.title, theme.fontSize);
    const titleSize = Math.min(theme.fontSize, (theme.fontSize * panel.width) / titleWidth);
    parts.push(
      text(panel.title, {
        x: x + panel.width / 2,
        y: theme.fontSize * 1.4,
        'text-anchor': 'middle',
        fill: theme.ink,
        'font-weight': 600,
        'font-size': titleSize < theme.fontSize ? Number(titleSize.toFixed(1)) : undefined,
      }),
    );
    // A nested viewport clips the scene to its panel, as the canvas does on screen.
    parts.push(
      element(
        'svg',
        {
          x,
          y: titleHeight,
          width: panel.width,
          height: panel.height,
          viewBox: `0 0 ${panel.width} ${panel.height}`,
          overflow: 'hidden',
        },
        element('rect', { width: panel.width, height: panel.height, fill: theme.background }) +
          panel.drawing,
      ),
    );
    parts.push(
      element('rect', {
        x,
        y: titleHeight,
        width: panel.width,
        height: panel.height,
        fill: 'none',
        stroke: theme.grid,
      }),
    );
    const boxes = placePanelLabels(panel, theme);
    panel.labels.forEach((label, index) =>
      parts.push(panelLabel(label, boxes[index], panel, x, titleHeight, theme)),
    );
    x += panel.width + gap;
  }
  if (note) parts.push(text(note, { x: gap, y: height - theme.fontSize * 0.6, fill: theme.muted }));
  return svgDocument(width, height, theme, parts.join(''), description);
}
