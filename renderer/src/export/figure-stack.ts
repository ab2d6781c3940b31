// Stacks figures one under another in a single SVG, for views that show more than one figure
// (the Grassmann view's angle chart above its sphere). Each figure is nested untouched.
import { escapeXml } from '../figures/svg';
import type { FigureTheme } from '../figures/theme';
import { svgSize } from './figure-frame';

export function stackFigures(figures: string[], theme: FigureTheme, description: string): string {
  const sizes = figures.map(svgSize);
  const width = Math.max(...sizes.map((size) => size.width));
  let y = 0;
  const nested = figures.map((figure, index) => {
    const placed = figure.replace(/^<svg\b/, `<svg x="0" y="${y}"`);
    y += sizes[index].height;
    return placed;
  });
  // Whole pixels, so that a PNG at scale s is exactly s times the SVG.
  const height = Math.ceil(y);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(description)}" ` +
    `font-family="${escapeXml(theme.fontFamily)}" font-size="${theme.fontSize}" data-theme="${theme.name}">` +
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>` +
    nested.join('') +
    `</svg>`
  );
}
