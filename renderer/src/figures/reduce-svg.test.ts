import { describe, expect, it } from 'vitest';
import { buildReduceSvg, entryWidth, escapeXml } from './reduce-svg';

function attributes(svg: string, className: string): Record<string, number>[] {
  const pattern = new RegExp(`<rect class="${className}" ([^>]*)/>`, 'g');
  return [...svg.matchAll(pattern)].map((match) =>
    Object.fromEntries(
      [...match[1].matchAll(/(\w+)="([\d.]+)"/g)].map(([, key, value]) => [key, Number(value)]),
    ),
  );
}

describe('buildReduceSvg', () => {
  const cells = [
    ['1', '-1/2', '3'],
    ['0', '12/7', '-4'],
  ];

  it('draws every entry, fractions as numerator over a bar over denominator', () => {
    const { svg, width, height } = buildReduceSvg({ cells });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    // Four integers as one text each, two fractions as numerator and denominator (plus a sign).
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(texts).toEqual(['1', '−', '1', '2', '3', '0', '12', '7', '−4']);
    expect(svg.match(/<line x1/g)).toHaveLength(2);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('puts the pivot frame on the pivot cell and the row bands on their rows', () => {
    const { svg } = buildReduceSvg({
      cells,
      pivot: { row: 1, col: 1 },
      readRows: [0],
      writtenRows: [1],
    });
    const [read] = attributes(svg, 'row-read');
    const [written] = attributes(svg, 'row-written');
    const [pivot] = attributes(svg, 'pivot');
    expect(written.y - read.y).toBe(44);
    // The pivot frame sits inside the written row, to the right of the first column.
    expect(pivot.y).toBeGreaterThan(written.y);
    expect(pivot.y + pivot.height).toBeLessThan(written.y + written.height);
    expect(pivot.x).toBeGreaterThan(read.x + entryWidth('1'));
    expect(pivot.x + pivot.width).toBeLessThan(read.x + read.width);
  });

  it('escapes captions and grows to fit them', () => {
    const narrow = buildReduceSvg({ cells: [['1']] });
    const captioned = buildReduceSvg({
      cells: [['1']],
      caption: ['R₂ ← R₂ − 2R₁ <clear> & "done"'],
    });
    expect(captioned.svg).toContain(escapeXml('R₂ ← R₂ − 2R₁ <clear> & "done"'));
    expect(captioned.svg).not.toContain('<clear>');
    expect(captioned.width).toBeGreaterThan(narrow.width);
    expect(captioned.height).toBeGreaterThan(narrow.height);
  });

  it('draws the bar of an augmented matrix before its column', () => {
    const { svg } = buildReduceSvg({ cells, augmentAt: 2 });
    expect(svg.match(/class="augment"/g)).toHaveLength(1);
    expect(buildReduceSvg({ cells, augmentAt: 3 }).svg).not.toContain('class="augment"');
  });
});
