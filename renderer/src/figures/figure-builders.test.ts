import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromRows } from '../../../core/linalg/matrix';
import { fundamentalSubspaces } from '../../../core/rank/subspaces';
import { frameFigure, svgSize, wrapText } from '../export/figure-frame';
import { fileNameFor } from '../export/save-file';
import { basesLatex, latexDecimal } from './bases-latex';
import { buildBigPicture } from './big-picture';
import { buildGrassmannFigure } from './grassmann-figure';
import { overlapArea, segmentLengthInside } from './label-placement';
import { textWidth } from './text-width';
import { screeTikz } from './scree-tikz';
import { buildSpectralHistogram, histogramBins } from './spectral-histogram';
import { attributeOf, elementCounts } from './test-support';
import { darkTheme, lightTheme, printTheme } from './theme';

const markers = {
  numericalRank: 2,
  tolerance: 1e-14,
  policyLabel: 'default',
  gapRank: 2,
  stableRank: 1.2,
  effectiveRank: 1.4,
  bulkEdge: null,
};

describe('TikZ export of the scree plot', () => {
  it('writes one coordinate per value that reads back to the value', () => {
    const values = [9.79, 0.3956, 5.1e-16];
    const linear = screeTikz(values, markers, 'linear');
    const coordinates = [...linear.matchAll(/\((\d+),([^)]+)\)/g)];
    expect(coordinates).toHaveLength(3);
    coordinates.forEach((match, i) => {
      expect(Number(match[1])).toBe(i + 1);
      expect(Math.abs(Number(match[2]) - values[i])).toBeLessThanOrEqual(1e-7 * values[i]);
    });
    expect(linear).toContain('\\begin{axis}');
    expect(linear).toContain('rank 2');
  });

  it('uses a semilog axis and lifts exact zeros to a positive floor on a log scale', () => {
    const log = screeTikz([4, 1e-3, 0], markers, 'log');
    expect(log).toContain('\\begin{semilogyaxis}');
    const last = [...log.matchAll(/\((\d+),([^)]+)\)/g)].at(-1)!;
    expect(Number(last[2])).toBeGreaterThan(0);
    expect(Number(last[2])).toBeLessThan(1e-3);
  });
});

describe('spectral histogram', () => {
  it('puts every singular value in exactly one bin', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 500 }),
        (values) => {
          const bins = histogramBins(values, 12);
          expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
          const svg = buildSpectralHistogram(values, {
            width: 500,
            height: 300,
            theme: lightTheme,
            bulkEdge: 50,
          });
          elementCounts(svg);
          expect(attributeOf(svg, 'bulk-edge', 'x1')).not.toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('big picture', () => {
  it('shows the four dimensions r, n − r, r, m − r of the matrix', () => {
    const svg = buildBigPicture({ rows: 4, cols: 6, rank: 3 }, { width: 700, theme: darkTheme });
    elementCounts(svg);
    expect(svg).toContain('dim r = 3');
    expect(svg).toContain('dim n − r = 3');
    expect(svg).toContain('dim m − r = 1');
    expect(svg).toContain('ℝ⁶');
    expect(svg).toContain('ℝ⁴');
  });
});

describe('big picture labels', () => {
  /** The arrows (paths marked data-avoid) and every text's estimated box, read from the SVG. */
  function read(svg: string) {
    const arrows = [
      ...svg.matchAll(/<path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)"[^>]*data-avoid/g),
    ].map(([, x1, y1, x2, y2]) => ({ x1: +x1, y1: +y1, x2: +x2, y2: +y2 }));
    const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map(
      ([, x, y, rest, content]) => {
        const width = textWidth(content, 12);
        const centred = rest.includes('text-anchor="middle"');
        return {
          content,
          box: { x: +x - (centred ? width / 2 : 0), y: +y - 11.4, width, height: 15 },
        };
      },
    );
    return { arrows, texts };
  }

  it('keeps both arrows off every label, and the arrow labels off the boxes’ text', () => {
    for (const [rows, cols, rank] of [
      [3, 3, 2],
      [4, 4, 3],
      [2, 6, 1],
      [6, 2, 2],
      [12, 40, 5],
    ])
      for (const width of [520, 696, 760]) {
        const { arrows, texts } = read(
          buildBigPicture({ rows, cols, rank }, { width, theme: lightTheme }),
        );
        expect(arrows).toHaveLength(2);
        const nullLabel = texts.find((entry) => entry.content === 'A x_null = 0')!;
        const rowLabel = texts.find((entry) => entry.content === 'A x_row = b')!;
        const howLabel = texts.find((entry) => entry.content === '(one-to-one onto C(A))')!;
        for (const arrow of arrows)
          for (const label of [nullLabel, rowLabel, howLabel])
            expect(segmentLengthInside(arrow, label.box), `${label.content} ${rows}×${cols}`).toBe(
              0,
            );
        for (const other of texts)
          if (![nullLabel, rowLabel, howLabel].includes(other) && other.content !== '⟂')
            for (const label of [nullLabel, rowLabel, howLabel])
              expect(
                overlapArea(label.box, other.box),
                `${label.content} / ${other.content} ${rows}×${cols} at ${width}`,
              ).toBe(0);
      }
  });
});

describe('Grassmann figure', () => {
  it('draws a bar per principal angle, in degrees, and the φ heatmap', () => {
    const angles = new Float64Array([Math.acos(1 / Math.sqrt(15)), 0]);
    const similarity = fromRows([
      [0.8, 0.87],
      [0.97, 0.53],
    ]);
    const svg = buildGrassmannFigure(
      {
        angles,
        distances: {
          geodesic: angles[0],
          chordal: Math.sin(angles[0]),
          projection: Math.sin(angles[0]),
        },
        nameA: 'plane <A>',
        nameB: 'plane B',
        ambient: 3,
        dimensionA: 2,
        dimensionB: 2,
        similarity,
      },
      { width: 800, theme: printTheme },
    );
    expect(elementCounts(svg).get('image')).toBe(1);
    expect(attributeOf(svg, 'angle-bars', 'data-count')).toBe('2');
    expect(attributeOf(svg, 'angle-bars', 'd')!.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('75.04°');
    expect(svg).toContain('plane &lt;A&gt;');
  });
});

describe('export framing', () => {
  const inner =
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200"/></svg>';

  it('leaves a figure untouched without title or caption', () => {
    expect(frameFigure(inner, { theme: lightTheme })).toBe(inner);
  });

  it('adds whole-pixel room for the title and the wrapped caption, keeping the figure intact', () => {
    const caption =
      'A caption long enough to wrap over more than one line of this narrow figure, twice at least.';
    const framed = frameFigure(inner, { title: 'Title & more', caption, theme: printTheme });
    elementCounts(framed);
    const size = svgSize(framed);
    expect(size.width).toBe(300);
    expect(Number.isInteger(size.height)).toBe(true);
    expect(size.height).toBeGreaterThan(200 + 2 * printTheme.fontSize);
    expect(framed).toContain('Title &amp; more');
    expect(framed).toContain('<rect width="300" height="200"/>');
  });

  it('wraps at word boundaries within the limit and loses no word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 40 }),
        fc.integer({ min: 12, max: 80 }),
        (words, limit) => {
          const lines = wrapText(words.join(' '), limit);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(limit);
          expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
        },
      ),
    );
  });

  it('names files from figure names', () => {
    expect(fileNameFor('Worked example scree plot', 'svg')).toBe('worked-example-scree-plot.svg');
    expect(fileNameFor('***', 'png')).toBe('figure.png');
  });
});

describe('the fundamental subspaces the figures draw', () => {
  it('match the dimensions of the worked example', () => {
    const spaces = fundamentalSubspaces(
      fromRows([
        [1, 2, 3],
        [2, 4, 6],
        [1, 3, 4],
      ]),
    );
    expect([spaces.row.cols, spaces.null.cols, spaces.column.cols, spaces.leftNull.cols]).toEqual([
      2, 1, 2, 1,
    ]);
  });
});

describe('LaTeX of the four subspaces', () => {
  it('writes each basis vector as a pmatrix whose entries read back to the basis', () => {
    const spaces = fundamentalSubspaces(
      fromRows([
        [1, 2, 3],
        [2, 4, 6],
        [1, 3, 4],
      ]),
    );
    const latex = basesLatex([
      { symbol: 'C(A)', description: 'column space', ambient: 3, basis: spaces.column },
      { symbol: 'N(A)', description: 'null space', ambient: 3, basis: spaces.null },
      {
        symbol: 'N(A^{T})',
        description: 'left null space',
        ambient: 3,
        basis: { rows: 3, cols: 0, data: new Float64Array(0) },
      },
    ]);
    const vectors = [...latex.matchAll(/\\begin\{pmatrix\} (.*?) \\end\{pmatrix\}/g)].map((match) =>
      match[1].split(' \\\\ ').map(Number),
    );
    expect(vectors).toHaveLength(3);
    const expected = [...spaces.column.data, ...spaces.null.data];
    vectors.flat().forEach((value, k) => expect(Math.abs(value - expected[k])).toBeLessThan(1e-3));
    expect(latex).toContain('\\{\\mathbf{0}\\}');
    expect(latex).toContain('\\dim = 1');
    expect(latexDecimal(1.234567e-20)).toBe('0');
    expect(latexDecimal(-1.5e-7)).toBe('-1.5\\times 10^{-7}');
  });
});
