// Measures what a person would call "text drawn over text" in the open view: the bounding boxes of
// every figure label (SVG <text>, the 3D scenes' DOM labels, the parts of KaTeX fractions)
// are compared pairwise, and lines a figure marks with data-avoid (the scree plot's points, the
// big picture's arrows) are sampled and must not cross a label. Read in the page, so the boxes
// are the browser's own layout in the fonts it has.
import type { Page } from '@playwright/test';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelCollision {
  kind: 'label' | 'line';
  first: string;
  second: string;
  /** Overlap in pixels, width × height of the shared rectangle. */
  width: number;
  height: number;
}

export interface LabelReport {
  /** How many labels were measured. */
  labels: number;
  collisions: LabelCollision[];
  /** Readouts (data-fit="line", and every dt and dd of .readouts) wrapped onto a second line. */
  wrapped: string[];
  /** Labels that run out of their figure (an SVG's box, a 3D scene's box) and are cut off. */
  clipped: string[];
}

/**
 * The view's labels and their collisions. Boxes that touch by less than `slack` pixels in either
 * direction are not counted: glyph boxes include side bearings and line gaps.
 */
export async function measureLabels(page: Page, slack = 1.5): Promise<LabelReport> {
  return page.evaluate((slack) => {
    const root = document.querySelector('main') ?? document.body;
    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60)}"`;
    const labels = [
      ...root.querySelectorAll(
        // KaTeX's fraction box leaves out the ascent of its numerator and the descent of its
        // denominator: their own boxes are measured, one against the next fraction's.
        'svg text, .space-label, [data-label], .katex .mfrac .mord, .entry-fraction',
      ),
    ].filter((element) => visible(element) && (element.textContent ?? '').trim() !== '');
    const boxes = labels.map((element) => element.getBoundingClientRect());
    const collisions: {
      kind: 'label' | 'line';
      first: string;
      second: string;
      width: number;
      height: number;
    }[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        // A label inside another (a fraction in a readout) is one label, not two.
        if (labels[i].contains(labels[j]) || labels[j].contains(labels[i])) continue;
        const width =
          Math.min(boxes[i].right, boxes[j].right) - Math.max(boxes[i].left, boxes[j].left);
        const height =
          Math.min(boxes[i].bottom, boxes[j].bottom) - Math.max(boxes[i].top, boxes[j].top);
        // A fraction's numerator and denominator are one label.
        const fraction = labels[i].closest('.mfrac');
        if (fraction && fraction === labels[j].closest('.mfrac')) continue;
        if (width > slack && height > slack)
          collisions.push({
            kind: 'label',
            first: name(labels[i]),
            second: name(labels[j]),
            width: Math.round(width),
            height: Math.round(height),
          });
      }
    }
    // Lines and marks that must stay clear of text: sampled every 2 px along their length.
    const svgLabels = labels.filter((element) => element instanceof SVGTextElement);
    for (const shape of root.querySelectorAll<SVGGeometryElement>('svg [data-avoid]')) {
      if (!visible(shape)) continue;
      const matrix = shape.getScreenCTM();
      if (!matrix) continue;
      const length = shape.getTotalLength();
      const points: DOMPoint[] = [];
      for (let at = 0; at <= length; at += 2)
        points.push(shape.getPointAtLength(at).matrixTransform(matrix));
      for (const label of svgLabels) {
        if (label.closest('svg') !== shape.closest('svg')) continue;
        const box = label.getBoundingClientRect();
        // Shrunk by the slack: a line may graze the glyph box's empty margin.
        const inside = points.filter(
          (point) =>
            point.x > box.left + slack &&
            point.x < box.right - slack &&
            point.y > box.top + slack &&
            point.y < box.bottom - slack,
        );
        if (inside.length > 0)
          collisions.push({
            kind: 'line',
            first: name(label),
            second: `${shape.tagName} [data-avoid=${shape.getAttribute('data-avoid')}]`,
            width: Math.round(box.width),
            height: Math.round(box.height),
          });
      }
    }
    // Readouts meant to read as one line: a second line box means they wrapped.
    const wrapped = [...root.querySelectorAll('[data-fit="line"], .readouts dd, .readouts dt')]
      .filter(visible)
      .filter((element) => {
        const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 18;
        return element.getBoundingClientRect().height > lineHeight * 1.6;
      })
      .map(name);
    // Each label inside the figure that holds it: the figure clips what runs out.
    const clipped = labels
      .filter((label) => {
        const figure = label.closest('.scene-host') ?? label.closest('svg');
        if (!figure) return false;
        const outer = figure.getBoundingClientRect();
        const inner = label.getBoundingClientRect();
        return (
          inner.left < outer.left - slack ||
          inner.right > outer.right + slack ||
          inner.top < outer.top - slack ||
          inner.bottom > outer.bottom + slack
        );
      })
      .map(name);
    return { labels: labels.length, collisions, wrapped, clipped };
  }, slack);
}
