import { describe, it, expect } from 'vitest';
import { printTheme } from './theme';
import { elementCounts } from './test-support';
import { stackFigures } from '../export/figure-stack';
import { svgSize } from '../export/figure-frame';
import { overlapArea, segmentLengthInside } from './label-placement';
import { textWidth } from './text-width';
import {
  buildVectorSceneFigure,
  placePanelLabels,
  type VectorScenePanel,
} from './vector-scene-figure';
import { styleAttributes } from '../export/vector-scene';

const triangle = '<path d="M10,10L200,40L60,150z" fill="rgb(79,70,229)" fill-opacity="0.28"/>';

function panel(labels: VectorScenePanel['labels'], width = 380): VectorScenePanel {
  return { title: 'domain ℝ³', width, height: 360, drawing: `<g>${triangle}</g>`, labels };
}

/** The x of every <text> and its content, in document order. */
function texts(svg: string): { x: number; content: string; size: number | null }[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => ({
    x: Number(/\sx="([^"]*)"/.exec(attributes)?.[1]),
    size: /\sfont-size="([^"]*)"/.exec(attributes)
      ? Number(/\sfont-size="([^"]*)"/.exec(attributes)![1])
      : null,
    content,
  }));
}

describe('the vector figure of 3D scenes', () => {
  it('holds each scene as paths in a clipped panel and its labels as text, with no bitmap', () => {
    const svg = buildVectorSceneFigure(
      [
        panel([{ x: 190, y: 100, text: 'row space ⊂ ℝ³, dim 2 (a plane)', colour: '#4f46e5' }]),
        panel([{ x: 50, y: 300, text: 'left null space ⊂ ℝ³, dim 1 (a line)', colour: '#db2777' }]),
      ],
      printTheme,
      'x = (1, 0, 0)',
      'The four fundamental subspaces in 3D',
    );
    const counts = elementCounts(svg);
    expect(counts.get('image') ?? 0).toBe(0);
    expect(counts.get('path')).toBe(2);
    // The root and one clipping viewport per panel.
    expect(counts.get('svg')).toBe(3);
    expect(
      svg.match(
        /<svg x="[\d.]+" y="[\d.]+" width="380" height="360" viewBox="0 0 380 360" overflow="hidden">/g,
      ),
    ).toHaveLength(2);
    const words = texts(svg).map((entry) => entry.content);
    expect(words).toContain('row space ⊂ ℝ³, dim 2 (a plane)');
    expect(words).toContain('left null space ⊂ ℝ³, dim 1 (a line)');
    expect(words).toContain('x = (1, 0, 0)');
    expect(svg).toContain('data-theme="print"');
  });

  it('keeps a label near the edge inside its panel, and shrinks one wider than the panel', () => {
    const long = 'row space ⊂ ℝ⁴, dim 3 (projected: seen as a plane)';
    const svg = buildVectorSceneFigure(
      [panel([{ x: 2, y: 100, text: long, colour: '#4f46e5' }], 300)],
      printTheme,
      '',
      'projected',
    );
    const label = texts(svg).find((entry) => entry.content === long)!;
    const panelLeft = printTheme.fontSize;
    expect(label.x).toBeGreaterThanOrEqual(panelLeft);
    expect(label.size).not.toBeNull();
    expect(label.size!).toBeLessThan(printTheme.fontSize);
    // Its estimated width now fits the panel.
    expect(label.x + textWidth(long, label.size!)).toBeLessThanOrEqual(panelLeft + 300);
  });

  it('places labels of one screen point apart, and off the line they name', () => {
    // The projected scene of the issue: "column space … dim 3" exactly over "left null space …".
    const column = { x: 190, y: 180, text: 'column space ⊂ ℝ⁴, dim 3', colour: '#0f9d58' };
    const leftNull = { x: 190, y: 180, text: 'left null space ⊂ ℝ⁴, dim 1', colour: '#db2777' };
    // A null-space line through its label's anchor, as in an exported 3D SVG.
    const line = { x1: 20, y1: 180, x2: 360, y2: 180 };
    const crowded = { ...panel([column, leftNull]), avoid: [line] };
    const [first, second] = placePanelLabels(crowded, printTheme);
    expect(overlapArea(first, second)).toBe(0);
    for (const box of [first, second]) {
      expect(segmentLengthInside(line, box)).toBe(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(380);
    }
  });

  it('keeps a label at its last place while that place is free, so labels do not hop', () => {
    const lone = panel([{ x: 190, y: 180, text: 'null space', colour: '#d97706' }]);
    const [first] = placePanelLabels(lone, printTheme);
    // Free everywhere: the first candidate, unless the last frame's is asked for first.
    expect(first.candidate).toBe(0);
    const [kept] = placePanelLabels({ ...lone, preferred: [3] }, printTheme);
    expect(kept.candidate).toBe(3);
    expect([kept.x, kept.y]).not.toEqual([first.x, first.y]);
  });

  it('stacks figures one under another at their own sizes', () => {
    const first = buildVectorSceneFigure([panel([], 500)], printTheme, '', 'first');
    const second = buildVectorSceneFigure([panel([], 300)], printTheme, 'note', 'second');
    const stacked = stackFigures([first, second], printTheme, 'both');
    const [a, b, all] = [first, second, stacked].map(svgSize);
    expect(all.width).toBe(Math.max(a.width, b.width));
    expect(all.height).toBe(Math.ceil(a.height + b.height));
    expect(stacked).toContain(`<svg x="0" y="${a.height}"`);
    expect(elementCounts(stacked).get('path')).toBe(2);
  });
});

describe('SVGRenderer styles', () => {
  it('become presentation attributes, leaving out what the material lacks', () => {
    expect(
      styleAttributes(
        'fill:none;stroke:rgb(58,111,216);stroke-opacity:1;stroke-width:1;stroke-linecap:undefined',
      ),
    ).toEqual({
      fill: 'none',
      stroke: 'rgb(58,111,216)',
      'stroke-opacity': '1',
      'stroke-width': '1',
    });
  });
});
