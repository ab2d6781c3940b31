// Exports 3D scenes as a vector figure: each scene drawn as SVG paths (vector-scene.ts) in its own
// clipped panel under its title, side by side, with the space labels as SVG text where they stood
// on screen (a swatch of the space's colour, ink on a halo) and a note below.
import { element, svgDocument, text } from './svg';
import type { FigureTheme } from './theme';

export interface SceneLabel {
  /** Where the label's centre stood in the scene, in pixels from its top left corner. */
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
}

/** The width a label takes in the theme's font: an estimate, as the export has no layout. */
function labelWidth(content: string, theme: FigureTheme): number {
  return content.length * theme.fontSize * 0.56;
}

function panelLabel(
  label: SceneLabel,
  panel: VectorScenePanel,
  left: number,
  top: number,
  theme: FigureTheme,
): string {
  // A label wider than its panel is set smaller, so that all of it stays inside.
  const room = panel.width - 8;
  const fontSize = Math.min(
    theme.fontSize,
    (theme.fontSize * room) / (labelWidth(label.text, theme) + theme.fontSize),
  );
  const swatch = Math.round(fontSize * 0.6);
  const gap = 4;
  const width = swatch + gap + (labelWidth(label.text, theme) * fontSize) / theme.fontSize;
  // Keep the whole label inside its panel, as on screen.
  const half = Math.min(panel.width / 2, width / 2 + 4);
  const centre = Math.min(Math.max(label.x, half), panel.width - half);
  const middle = Math.min(Math.max(label.y, fontSize), panel.height - fontSize);
  const start = left + centre - width / 2;
  const baseline = top + middle + fontSize * 0.35;
  return element(
    'g',
    { 'data-testid': 'scene-label' },
    element('rect', {
      x: start,
      y: top + middle - swatch / 2,
      width: swatch,
      height: swatch,
      rx: 2,
      fill: label.colour,
      stroke: theme.background,
      'stroke-width': 1,
    }) +
      text(label.text, {
        x: start + swatch + gap,
        y: baseline,
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
    const titleWidth = panel.title.length * theme.fontSize * 0.6;
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
    for (const label of panel.labels) parts.push(panelLabel(label, panel, x, titleHeight, theme));
    x += panel.width + gap;
  }
  if (note) parts.push(text(note, { x: gap, y: height - theme.fontSize * 0.6, fill: theme.muted }));
  return svgDocument(width, height, theme, parts.join(''), description);
}
