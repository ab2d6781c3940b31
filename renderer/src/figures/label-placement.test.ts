import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  aroundPoint,
  overlapArea,
  placeLabels,
  polylineSegments,
  segmentLengthInside,
  type Box,
} from './label-placement';
import { textWidth } from './text-width';

describe('overlapArea', () => {
  it('is the shared rectangle, and 0 for boxes that only touch', () => {
    const a = { x: 0, y: 0, width: 10, height: 4 };
    expect(overlapArea(a, { x: 6, y: 2, width: 10, height: 10 })).toBe(8);
    expect(overlapArea(a, { x: 10, y: 0, width: 5, height: 4 })).toBe(0);
    expect(overlapArea(a, { x: 2, y: 1, width: 2, height: 2 })).toBe(4);
  });
});

describe('segmentLengthInside', () => {
  const box = { x: 0, y: 0, width: 10, height: 10 };
  it('clips a segment to the box', () => {
    expect(segmentLengthInside({ x1: -5, y1: 5, x2: 15, y2: 5 }, box)).toBeCloseTo(10);
    // The diagonal: 10√2.
    expect(segmentLengthInside({ x1: -1, y1: -1, x2: 11, y2: 11 }, box)).toBeCloseTo(
      10 * Math.SQRT2,
    );
    expect(segmentLengthInside({ x1: 2, y1: 2, x2: 4, y2: 2 }, box)).toBeCloseTo(2);
  });
  it('is 0 for a segment that passes by, or along the outside of an edge', () => {
    expect(segmentLengthInside({ x1: -5, y1: 12, x2: 15, y2: 12 }, box)).toBe(0);
    expect(segmentLengthInside({ x1: 11, y1: -5, x2: 11, y2: 15 }, box)).toBe(0);
    expect(segmentLengthInside({ x1: -5, y1: 20, x2: 20, y2: 5 }, box)).toBe(0);
  });
});

describe('placeLabels', () => {
  it('keeps the first candidate when it is free', () => {
    const [placed] = placeLabels([
      {
        width: 20,
        height: 10,
        candidates: [
          { x: 5, y: 5 },
          { x: 50, y: 50 },
        ],
      },
    ]);
    expect(placed).toMatchObject({ x: 5, y: 5, candidate: 0, overlap: 0 });
  });

  it('moves a label off one placed before it at the same spot', () => {
    // The projected Subspaces scene of the issue: two labels anchored at one screen point.
    const anchor = { x: 100, y: 100 };
    const requests = [0, 1].map(() => ({
      width: 180,
      height: 18,
      candidates: aroundPoint(anchor, 180, 18, 6),
    }));
    const [first, second] = placeLabels(requests);
    expect(first.candidate).toBe(0);
    expect(second.overlap).toBe(0);
    expect(overlapArea(first, second)).toBe(0);
  });

  it('moves a label off a line drawn through its first place', () => {
    // The tolerance label of a scree plot with the near-zero values on its line.
    const line = { x1: 0, y1: 60, x2: 300, y2: 60 };
    const [placed] = placeLabels(
      [
        {
          width: 120,
          height: 14,
          candidates: [
            { x: 170, y: 53 },
            { x: 170, y: 40 },
          ],
        },
      ],
      { segments: [line] },
    );
    expect(placed.candidate).toBe(1);
    expect(segmentLengthInside(line, placed)).toBe(0);
  });

  it('avoids obstacle boxes and stays inside the bounds', () => {
    const point: Box = { x: 196, y: 96, width: 8, height: 8 };
    const [placed] = placeLabels(
      [{ width: 60, height: 14, candidates: aroundPoint({ x: 200, y: 100 }, 60, 14, 4) }],
      { obstacles: [point], bounds: { x: 0, y: 0, width: 220, height: 200 } },
    );
    expect(overlapArea(placed, point)).toBe(0);
    expect(placed.x + placed.width).toBeLessThanOrEqual(220);
    expect(placed.overlap).toBe(0);
  });

  it('tries the preferred candidate first, so a label does not hop between free places', () => {
    const candidates = [
      { x: 0, y: 0 },
      { x: 0, y: 40 },
    ];
    const [placed] = placeLabels([{ width: 10, height: 10, candidates, preferred: 1 }]);
    expect(placed.candidate).toBe(1);
  });

  it('takes the least overlapping candidate when none is free', () => {
    const wall: Box = { x: 0, y: 0, width: 100, height: 100 };
    const [placed] = placeLabels(
      [
        {
          width: 20,
          height: 20,
          candidates: [
            { x: 40, y: 40 },
            { x: 90, y: 40 },
          ],
        },
      ],
      { obstacles: [wall], padding: 0 },
    );
    expect(placed.candidate).toBe(1);
    expect(placed.overlap).toBe(200);
  });

  it('stacks up to five labels of one point with no two overlapping (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ width: fc.integer({ min: 10, max: 120 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        (labels) => {
          const placed = placeLabels(
            labels.map(({ width }) => ({
              width,
              height: 16,
              candidates: aroundPoint({ x: 400, y: 300 }, width, 16, 4),
            })),
            { bounds: { x: 0, y: 0, width: 800, height: 600 } },
          );
          for (let i = 0; i < placed.length; i++) {
            expect(placed[i].overlap).toBe(0);
            for (let j = i + 1; j < placed.length; j++)
              expect(overlapArea(placed[i], placed[j])).toBe(0);
          }
        },
      ),
    );
  });
});

describe('polylineSegments', () => {
  it('joins consecutive points', () => {
    expect(
      polylineSegments([
        { x: 0, y: 0 },
        { x: 1, y: 2 },
        { x: 3, y: 2 },
      ]),
    ).toEqual([
      { x1: 0, y1: 0, x2: 1, y2: 2 },
      { x1: 1, y1: 2, x2: 3, y2: 2 },
    ]);
  });
});

describe('textWidth', () => {
  it('grows with the text and the font size, wide letters wider than narrow ones', () => {
    expect(textWidth('mmmm', 12)).toBeGreaterThan(textWidth('iiii', 12));
    expect(textWidth('rank 2', 16)).toBeCloseTo((textWidth('rank 2', 12) * 16) / 12);
    expect(textWidth('', 12)).toBe(0);
  });
});
