// Small helpers for building SVG as strings: escaping, number formatting, the document wrapper.
// Builders return strings so that views and exports share them and tests need no DOM.
import { formatNumber } from '../../../core/number-shown';
import { mathParts } from './math-parts';
import type { FigureTheme } from './theme';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Coordinates with two decimals: enough for the eye, short for 4096-point paths. */
/** "1 singular value", "3 singular values": a count with its noun, singular for exactly one. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function coordinate(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

/** A value for a label: three significant digits, exponent notation when small or large. */
/** Every number in a figure, written the app's one way (core/number-shown.ts). */
export function formatValue(value: number): string {
  return formatNumber(value);
}

export type Attributes = Record<string, string | number | undefined>;

export function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

export function element(tag: string, values: Attributes, children = ''): string {
  return children === ''
    ? `<${tag}${attributes(values)}/>`
    : `<${tag}${attributes(values)}>${children}</${tag}>`;
}

export function text(content: string, values: Attributes): string {
  return element('text', values, escapeXml(content));
}

/** A text line whose compact formula parts ("_F", "_{i>3}") become real sub/superscripts. */
export function mathText(content: string, values: Attributes): string {
  const spans = mathParts(content).map((part) =>
    part.kind === 'plain'
      ? escapeXml(part.text)
      : element(
          'tspan',
          { 'baseline-shift': part.kind === 'sub' ? 'sub' : 'super', 'font-size': '75%' },
          escapeXml(part.text),
        ),
  );
  return element('text', values, spans.join(''));
}

/** The outer <svg> with a background rectangle in the theme's colour. */
export function svgDocument(
  width: number,
  height: number,
  theme: FigureTheme,
  body: string,
  label: string,
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" ` +
    `font-family="${escapeXml(theme.fontFamily)}" font-size="${theme.fontSize}" data-theme="${theme.name}">` +
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>` +
    body +
    `</svg>`
  );
}
