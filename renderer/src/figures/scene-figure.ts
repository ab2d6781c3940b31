// Exports the 3D scenes as a figure: each scene's rendered image (a PNG snapshot) with its labels
// redrawn as SVG text where they stood on screen, side by side under their titles.
import { element, svgDocument, text } from './svg';
import type { FigureTheme } from './theme';

export interface ScenePanel {
  title: string;
  imageUrl: string;
  width: number;
  height: number;
  labels: { x: number; y: number; text: string; colour: string }[];
}

export function buildSceneFigure(panels: ScenePanel[], theme: FigureTheme, note: string): string {
  const gap = theme.fontSize;
  const titleHeight = theme.fontSize * 2;
  const width = panels.reduce((sum, panel) => sum + panel.width, 0) + gap * (panels.length + 1);
  const tallest = Math.max(0, ...panels.map((panel) => panel.height));
  const height = Math.ceil(titleHeight + tallest + gap + theme.fontSize * 2);
  const parts: string[] = [];
  let x = gap;
  for (const panel of panels) {
    parts.push(
      text(panel.title, {
        x: x + panel.width / 2,
        y: theme.fontSize * 1.4,
        'text-anchor': 'middle',
        fill: theme.ink,
        'font-weight': 600,
      }),
    );
    parts.push(
      element('image', {
        x,
        y: titleHeight,
        width: panel.width,
        height: panel.height,
        href: panel.imageUrl,
      }),
    );
    for (const label of panel.labels) {
      // Keep the whole label inside its panel, as on screen (width estimated from the font size).
      const half = Math.min(panel.width / 2, (label.text.length * theme.fontSize * 0.56) / 2 + 4);
      const labelX = Math.min(Math.max(x + label.x, x + half), x + panel.width - half);
      parts.push(
        text(label.text, {
          x: labelX,
          y: titleHeight + label.y,
          'text-anchor': 'middle',
          fill: theme.ink,
          stroke: theme.background,
          'stroke-width': 3,
          'paint-order': 'stroke',
        }),
      );
    }
    x += panel.width + gap;
  }
  parts.push(text(note, { x: gap, y: height - theme.fontSize * 0.6, fill: theme.muted }));
  return svgDocument(width, height, theme, parts.join(''), 'The four fundamental subspaces in 3D');
}
