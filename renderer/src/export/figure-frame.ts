// Frames a figure for export: an optional title above and caption below, drawn in the figure's
// theme, around the very SVG the view shows (nested, untouched).
import { escapeXml } from '../figures/svg';
import type { FigureTheme } from '../figures/theme';

export interface FrameOptions {
  title?: string;
  caption?: string;
  theme: FigureTheme;
}

export interface SvgSize {
  width: number;
  height: number;
}

/** Width and height of an SVG document's root element. */
export function svgSize(svg: string): SvgSize {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height) || width <= 0 || height <= 0) {
    throw new Error('the figure has no width and height');
  }
  return { width, height };
}

/** Splits a caption into lines of at most `limit` characters at spaces. */
export function wrapText(content: string, limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function frameFigure(svg: string, options: FrameOptions): string {
  const title = options.title?.trim() ?? '';
  const caption = options.caption?.trim() ?? '';
  if (!title && !caption) return svg;
  const { theme } = options;
  const { width, height } = svgSize(svg);
  const titleSize = Math.round(theme.fontSize * 1.35);
  const lineHeight = theme.fontSize * 1.4;
  const titleHeight = title ? titleSize * 2 : 0;
  const captionLines = caption
    ? wrapText(caption, Math.max(20, Math.floor(width / (theme.fontSize * 0.55))))
    : [];
  const captionHeight = captionLines.length ? captionLines.length * lineHeight + theme.fontSize : 0;
  // Whole pixels, so that a PNG at scale s is exactly s times the SVG.
  const total = Math.ceil(height + titleHeight + captionHeight);
  const inner = svg.replace(/^<svg\b/, `<svg x="0" y="${titleHeight}"`);
  const titleText = title
    ? `<text x="${width / 2}" y="${titleSize * 1.35}" text-anchor="middle" font-size="${titleSize}" font-weight="600" fill="${theme.ink}">${escapeXml(title)}</text>`
    : '';
  const captionText = captionLines
    .map(
      (line, index) =>
        `<text x="${theme.fontSize}" y="${height + titleHeight + (index + 1) * lineHeight}" fill="${theme.muted}">${escapeXml(line)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" ` +
    `font-family="${escapeXml(theme.fontFamily)}" font-size="${theme.fontSize}">` +
    `<rect width="${width}" height="${total}" fill="${theme.background}"/>` +
    titleText +
    inner +
    captionText +
    `</svg>`
  );
}
