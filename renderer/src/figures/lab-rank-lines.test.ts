// The rank-over-sequence figure: one line per series with one vertex per finite value, placed so
// that larger ranks sit higher (SVG y grows downwards).
import { describe, expect, it } from 'vitest';
import { buildRankLines } from './lab-rank-lines';
import { lightTheme } from './theme';

function vertices(svg: string, id: string): [number, number][] {
  const match = svg.match(new RegExp(`d="([^"]*)"[^>]*data-testid="${id}"`));
  if (!match) throw new Error(`no path ${id}`);
  return [...match[1].matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((point) => [
    Number(point[1]),
    Number(point[2]),
  ]);
}

describe('buildRankLines', () => {
  const svg = buildRankLines(
    ['layer 1', 'layer 2', 'layer 3', 'layer 4'],
    [
      { label: 'effective rank', values: [30, 20, 10, 5], colour: 'accent', id: 'line-effective' },
      {
        label: 'stable rank',
        values: [4, 3, Number.NaN, 1],
        colour: 'secondary',
        id: 'line-stable',
      },
    ],
    { width: 600, height: 300, theme: lightTheme },
  );

  it('draws one vertex per finite value, left to right', () => {
    const effective = vertices(svg, 'line-effective');
    expect(effective).toHaveLength(4);
    for (let i = 1; i < effective.length; i++)
      expect(effective[i][0]).toBeGreaterThan(effective[i - 1][0]);
    expect(vertices(svg, 'line-stable')).toHaveLength(3);
  });

  it('puts a falling rank lower on the page, on one scale for both lines', () => {
    const effective = vertices(svg, 'line-effective');
    for (let i = 1; i < effective.length; i++)
      expect(effective[i][1]).toBeGreaterThan(effective[i - 1][1]);
    // Linear in the value: equal steps of rank are equal steps of height.
    const perUnit = (effective[3][1] - effective[0][1]) / (30 - 5);
    expect((effective[1][1] - effective[0][1]) / (30 - 20)).toBeCloseTo(perUnit, 1);
    const stable = vertices(svg, 'line-stable');
    expect((stable[0][1] - effective[0][1]) / (30 - 4)).toBeCloseTo(perUnit, 1);
  });

  it('names both series in the legend and the label', () => {
    expect(svg).toContain('effective rank');
    expect(svg).toContain('aria-label="Rank over 4 steps: effective rank and stable rank"');
  });
});
