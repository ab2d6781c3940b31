import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildScreePlot, cumulativeEnergy, tickLabel, type ScreeMarkers } from './scree-plot';
import { overlapArea } from './label-placement';
import { attributeOf, elementCounts } from './test-support';
import { lightTheme, printTheme } from './theme';

function markersFor(values: number[]): ScreeMarkers {
  return {
    numericalRank: values.filter((value) => value > 1e-12).length,
    tolerance: (values[0] ?? 0) * 1e-12,
    policyLabel: 'test',
    gapRank: 1,
    stableRank: 1.5,
    effectiveRank: 2.2,
    bulkEdge: null,
  };
}

const descending = fc
  .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 })
  .map((values) => values.sort((a, b) => b - a));

describe('scree plot', () => {
  it('labels a largest gap that falls at the rank once, beside the rank, not on top of it', () => {
    const values = [30, 20, 10, 5, 1e-14, 1e-15];
    const options = { width: 640, height: 360, scale: 'linear' as const, theme: lightTheme };
    const together = buildScreePlot(values, { ...markersFor(values), gapRank: 4 }, options).svg;
    expect(together).toContain('rank 4 = largest gap');
    expect(together).not.toContain('data-testid="marker-gap"');
    const apart = buildScreePlot(values, { ...markersFor(values), gapRank: 2 }, options).svg;
    expect(apart).toContain('>rank 4<');
    expect(apart).toContain('data-testid="marker-gap"');
  });

  it('keeps the tolerance and noise-edge labels apart when their lines nearly meet', () => {
    const values = [9.79, 0.396, 5.12e-16];
    for (const scale of ['linear', 'log'] as const)
      for (const width of [360, 500, 760, 1060])
        for (const edge of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
          const { labels } = buildScreePlot(
            values,
            {
              ...markersFor(values),
              numericalRank: 2,
              tolerance: edge * 1.1,
              policyLabel: 'Noise edge (Marchenko–Pastur)',
              bulkEdge: edge,
            },
            { width, height: 380, scale, theme: lightTheme },
          );
          const [tolerance, bulkEdge] = labels.slice(-2);
          expect(tolerance.text).toMatch(/^tolerance/);
          expect(bulkEdge.text).toMatch(/^MP bulk edge/);
          // At least a pixel of air between the two boxes, in one direction or the other.
          const apart = Math.max(
            Math.max(tolerance.x, bulkEdge.x) -
              Math.min(tolerance.x + tolerance.width, bulkEdge.x + bulkEdge.width),
            Math.max(tolerance.y, bulkEdge.y) -
              Math.min(tolerance.y + tolerance.height, bulkEdge.y + bulkEdge.height),
          );
          expect(apart, `${scale}, ${width} px, edge ${edge}`).toBeGreaterThanOrEqual(1);
        }
  });

  it('draws one mark per singular value in a single path, on both axis scales', () => {
    fc.assert(
      fc.property(
        descending,
        fc.constantFrom('linear' as const, 'log' as const),
        (values, scale) => {
          const { svg } = buildScreePlot(values, markersFor(values), {
            width: 640,
            height: 360,
            scale,
            theme: lightTheme,
          });
          elementCounts(svg);
          expect(attributeOf(svg, 'scree-marks', 'data-count')).toBe(String(values.length));
          const d = attributeOf(svg, 'scree-marks', 'd')!;
          expect(d.match(/M/g)?.length).toBe(values.length);
          expect(d).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws subnormal and huge spectra on a log axis with finite ticks (no endless decades)', () => {
    for (const values of [
      [5e-324, 0],
      [1e-310, 1e-320, 0],
      [1.7e308, 1],
    ]) {
      const { svg } = buildScreePlot(values, markersFor(values), {
        width: 640,
        height: 360,
        scale: 'log',
        theme: lightTheme,
      });
      elementCounts(svg);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('keeps every mark inside the plot area, zeros included on a log axis', () => {
    const values = [10, 1, 1e-3, 1e-9, 0, 0];
    const { layout } = buildScreePlot(values, markersFor(values), {
      width: 500,
      height: 300,
      scale: 'log',
      theme: lightTheme,
    });
    for (let i = 0; i < values.length; i++) {
      const y = layout.y(values[i]);
      expect(y).toBeGreaterThanOrEqual(layout.plot.top - 1e-9);
      expect(y).toBeLessThanOrEqual(layout.plot.top + layout.plot.height + 1e-9);
    }
    // Log axis: σ decreasing means y increasing (further down the plot).
    expect(layout.y(1e-9)).toBeGreaterThan(layout.y(1e-3));
  });

  it('inverts its index scale exactly at each mark (hover by position)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 200, max: 2000 }),
        (count, width) => {
          const values = Array.from({ length: count }, (_, i) => count - i);
          const { layout } = buildScreePlot(values, markersFor(values), {
            width,
            height: 300,
            scale: 'linear',
            theme: lightTheme,
          });
          for (const index of [1, Math.ceil(count / 2), count])
            expect(layout.indexAt(layout.x(index))).toBe(index);
          expect(layout.indexAt(-1000)).toBe(1);
          expect(layout.indexAt(1e6)).toBe(count);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('draws the tolerance line, the rank marker and the bulk edge when asked', () => {
    const values = [5, 4, 3, 0.01, 0.005];
    const markers = { ...markersFor(values), tolerance: 0.1, numericalRank: 3, bulkEdge: 0.2 };
    const { svg, layout } = buildScreePlot(values, markers, {
      width: 600,
      height: 320,
      scale: 'linear',
      theme: printTheme,
    });
    expect(Number(attributeOf(svg, 'tolerance-line', 'y1'))).toBeCloseTo(layout.y(0.1), 1);
    expect(Number(attributeOf(svg, 'marker-rank', 'x1'))).toBeCloseTo(layout.x(3.5), 1);
    expect(attributeOf(svg, 'bulk-edge', 'y1')).not.toBeNull();
    expect(svg).toContain('data-theme="print"');
    const without = buildScreePlot(
      values,
      { ...markers, tolerance: null, bulkEdge: null },
      { width: 600, height: 320, scale: 'linear', theme: lightTheme },
    );
    expect(attributeOf(without.svg, 'tolerance-line', 'y1')).toBeNull();
    expect(attributeOf(without.svg, 'bulk-edge', 'y1')).toBeNull();
  });

  it('escapes text so that labels cannot break the SVG', () => {
    const values = [2, 1];
    const { svg } = buildScreePlot(
      values,
      { ...markersFor(values), policyLabel: '<a & "b">' },
      { width: 400, height: 300, scale: 'linear', theme: lightTheme },
    );
    elementCounts(svg);
    expect(svg).toContain('&lt;a &amp; &quot;b&quot;&gt;');
  });
});

describe('cumulative energy', () => {
  it('is non-decreasing, ends at 1 and matches Σ_{i≤r} σᵢ² / Σσᵢ²', () => {
    fc.assert(
      fc.property(descending, (values) => {
        const energy = cumulativeEnergy(values);
        for (let i = 1; i < energy.length; i++)
          expect(energy[i]).toBeGreaterThanOrEqual(energy[i - 1] - 1e-15);
        expect(energy[energy.length - 1]).toBeCloseTo(1, 12);
      }),
    );
    const energy = cumulativeEnergy([3, 4]);
    expect(energy[0]).toBeCloseTo(9 / 25, 15);
  });
});

describe('marker labels', () => {
  const options = { width: 640, height: 360, theme: lightTheme };
  /** Every placed label against every other and against every mark. */
  function expectClear(figure: ReturnType<typeof buildScreePlot>) {
    const { labels, marks } = figure;
    for (let a = 0; a < labels.length; a++) {
      expect(labels[a].overlap, labels[a].text).toBe(0);
      for (let b = a + 1; b < labels.length; b++)
        expect(overlapArea(labels[a], labels[b]), `${labels[a].text} / ${labels[b].text}`).toBe(0);
      for (const mark of marks) expect(overlapArea(labels[a], mark), labels[a].text).toBe(0);
    }
  }

  it('keep the tolerance label off the near-zero values on its line', () => {
    // The worked example of the issue: σ₃ = 5.1e−16 sits on the tolerance line's right end.
    const values = [9.79, 0.3956, 5.12e-16];
    for (const scale of ['linear', 'log'] as const) {
      const figure = buildScreePlot(
        values,
        { ...markersFor(values), numericalRank: 2, tolerance: 6.52e-15, gapRank: 2 },
        { ...options, scale },
      );
      expect(figure.labels.map((label) => label.text)).toContain('tolerance 6.52e−15 (test)');
      expectClear(figure);
    }
  });

  it('keep the rank label off the energy axis’s “100%” when the rank is full', () => {
    const values = [5, 4, 3];
    const figure = buildScreePlot(
      values,
      { ...markersFor(values), numericalRank: 3, gapRank: null },
      { ...options, scale: 'linear' },
    );
    const rank = figure.labels.find((label) => label.text === 'rank 3')!;
    // Flagged to the left of its line at the plot's right edge, where "100%" is not.
    expect(rank.x + rank.width).toBeLessThanOrEqual(figure.layout.x(3.5));
    expectClear(figure);
  });

  it('never overlap one another or a mark, whatever the spectrum (property)', () => {
    fc.assert(
      fc.property(
        descending.filter((values) => values[0] > 0),
        fc.constantFrom('linear' as const, 'log' as const),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (values, scale, stableRank) => {
          const figure = buildScreePlot(
            values,
            { ...markersFor(values), stableRank, effectiveRank: stableRank + 0.4 },
            { ...options, scale },
          );
          for (let a = 0; a < figure.labels.length; a++)
            for (let b = a + 1; b < figure.labels.length; b++)
              expect(overlapArea(figure.labels[a], figure.labels[b])).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('labels powers of ten compactly', () => {
    expect(tickLabel(1e-8)).toBe('1e−8');
    expect(tickLabel(1e6)).toBe('1e6');
    expect(tickLabel(0.5)).toBe('0.5');
  });
});
