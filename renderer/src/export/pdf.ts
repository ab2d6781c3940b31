// SVG → vector PDF: the framed figure (the very SVG the SVG export writes) is parsed and drawn
// into a one-page jsPDF document of the figure's size by svg2pdf.js, so paths stay paths and text
// stays text. jsPDF, svg2pdf.js and the embedded font are loaded on first use, so starting the app
// does not pay for them.
//
// The PDF's text is set in DejaVu Sans Condensed (embedded, subset by jsPDF; condensed, so labels
// keep about the width the screen's system font gives them): PDF's standard 14 fonts have no σ, ℝ,
// ⊂ or ‖, which the figures are full of. The one symbol DejaVu lacks, ⟂, is written as ⊥.
// svg2pdf.js neither strokes text nor knows `paint-order`, so the haloed labels of the 3D scenes
// get a translucent box in the halo colour behind them instead.
import { svgSize } from './figure-frame';

/** CSS pixels (1/96 in) to PDF points (1/72 in). */
export const POINTS_PER_PIXEL = 0.75;

/** The name the embedded font is registered under in the PDF. */
export const PDF_FONT = 'DejaVuSansCondensed';

type FontStyle = 'normal' | 'bold';

interface EmbeddedFont {
  file: string;
  style: FontStyle;
  /** The TTF as base64. */
  base64: string;
}

let fontsLoading: Promise<EmbeddedFont[]> | null = null;

/**
 * Loads the fonts once, and also installs them in the document: svg2pdf.js measures text (for
 * text-anchor middle and end) with the browser's layout, which must use the very font the PDF
 * embeds, or centred and right-aligned labels land off their anchors.
 */
function loadFonts(): Promise<EmbeddedFont[]> {
  fontsLoading ??= (async () => {
    const [regular, bold] = await Promise.all([
      import('./fonts/DejaVuSansCondensed.ttf?inline'),
      import('./fonts/DejaVuSansCondensed-Bold.ttf?inline'),
    ]);
    const fonts = [
      { dataUrl: regular.default, file: 'DejaVuSansCondensed.ttf', style: 'normal' as const },
      { dataUrl: bold.default, file: 'DejaVuSansCondensed-Bold.ttf', style: 'bold' as const },
    ];
    await Promise.all(
      fonts.map(async ({ dataUrl, style }) => {
        const face = new FontFace(PDF_FONT, `url(${dataUrl})`, { weight: style });
        document.fonts.add(await face.load());
      }),
    );
    return fonts.map(({ dataUrl, file, style }) => ({
      file,
      style,
      base64: dataUrl.slice(dataUrl.indexOf(',') + 1),
    }));
  })();
  fontsLoading.catch(() => (fontsLoading = null));
  return fontsLoading;
}

/** The value of an inherited presentation attribute, from the element or its nearest ancestor. */
function inherited(element: Element, name: string): string | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}

let measuringContext: CanvasRenderingContext2D | null = null;

/**
 * A rounded box in the halo colour behind a label, as wide as the label set in the embedded font
 * plus the stroke: the halo keeps the label readable over the scene, and the PDF's text stays one
 * copy of each label (stroked copies would be found twice by search and copy).
 */
function haloBehind(text: Element, colour: string): Element | null {
  const content = text.textContent ?? '';
  if (!content.trim()) return null;
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return null;
  const size = Number.parseFloat(inherited(text, 'font-size') ?? '') || 16;
  const weight = isBold(inherited(text, 'font-weight') ?? 'normal') ? 'bold' : 'normal';
  measuringContext.font = `${weight} ${size}px ${PDF_FONT}`;
  const width = measuringContext.measureText(content).width;
  const x = Number.parseFloat(text.getAttribute('x') ?? '') || 0;
  const y = Number.parseFloat(text.getAttribute('y') ?? '') || 0;
  const anchor = inherited(text, 'text-anchor') ?? 'start';
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  const pad = (Number(text.getAttribute('stroke-width')) || 2) / 2;
  const box = text.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
  box.setAttribute('x', String(left - pad));
  box.setAttribute('y', String(y - size * 0.85 - pad));
  box.setAttribute('width', String(width + 2 * pad));
  box.setAttribute('height', String(size * 1.1 + 2 * pad));
  box.setAttribute('rx', String(pad));
  box.setAttribute('fill', colour);
  box.setAttribute('fill-opacity', '0.75');
  const transform = text.getAttribute('transform');
  if (transform) box.setAttribute('transform', transform);
  return box;
}

function isBold(weight: string): boolean {
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

/**
 * Rewrites a parsed figure into what svg2pdf.js draws faithfully: one embedded font family
 * (regular or bold, upright), symbols the font lacks replaced by their look-alikes, and
 * `paint-order="stroke"` halos drawn as boxes behind the labels. Call it once the embedded fonts
 * are installed in the document (it measures the labels in them).
 */
export function prepareForPdf(root: Element): void {
  const elements = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const element of elements) {
    if (element.hasAttribute('font-family')) element.setAttribute('font-family', PDF_FONT);
    const weight = element.getAttribute('font-weight');
    if (weight !== null) element.setAttribute('font-weight', isBold(weight) ? 'bold' : 'normal');
    if (element.hasAttribute('font-style')) element.setAttribute('font-style', 'normal');
    const style = element.getAttribute('style');
    if (style) {
      element.setAttribute(
        'style',
        style
          .replace(/font-family\s*:[^;]*/g, `font-family: ${PDF_FONT}`)
          .replace(/font-weight\s*:\s*([^;]*)/g, (_match, value: string) =>
            isBold(value.trim()) ? 'font-weight: bold' : 'font-weight: normal',
          )
          .replace(/font-style\s*:[^;]*/g, 'font-style: normal'),
      );
    }
  }
  root.setAttribute('font-family', PDF_FONT);
  for (const text of Array.from(root.querySelectorAll('text, tspan'))) {
    for (const node of Array.from(text.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue?.includes('⟂'))
        node.nodeValue = node.nodeValue.replaceAll('⟂', '⊥');
    }
  }
  for (const text of Array.from(root.querySelectorAll('text[paint-order]'))) {
    const stroke = text.getAttribute('stroke');
    if (!text.getAttribute('paint-order')?.trim().startsWith('stroke') || !stroke) continue;
    if (stroke === 'none') continue;
    const halo = haloBehind(text, stroke);
    if (halo) text.parentNode?.insertBefore(halo, text);
    text.removeAttribute('stroke');
    text.removeAttribute('stroke-width');
    text.removeAttribute('paint-order');
  }
}

export async function svgToPdf(svg: string): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = parsed.querySelector('parsererror');
  if (error) throw new Error(`the figure is not valid SVG: ${error.textContent ?? ''}`);
  const [{ jsPDF }, { svg2pdf }, fonts] = await Promise.all([
    import('jspdf'),
    import('svg2pdf.js'),
    loadFonts(),
  ]);
  prepareForPdf(parsed.documentElement);
  const pageWidth = width * POINTS_PER_PIXEL;
  const pageHeight = height * POINTS_PER_PIXEL;
  const pdf = new jsPDF({
    orientation: pageWidth > pageHeight ? 'landscape' : 'portrait',
    unit: 'pt',
    format: [pageWidth, pageHeight],
    compress: true,
  });
  for (const font of fonts) {
    pdf.addFileToVFS(font.file, font.base64);
    pdf.addFont(font.file, PDF_FONT, font.style);
  }
  pdf.setFont(PDF_FONT, 'normal');
  await svg2pdf(parsed.documentElement, pdf, { x: 0, y: 0, width: pageWidth, height: pageHeight });
  return pdf.output('blob');
}
