import { describe, expect, it } from 'vitest';
import { largestPresenterZoom, presenterZoom } from './presenter-scale';

describe('presenter zoom', () => {
  it('enlarges a 1080p projector’s view by about two thirds, keeping it on screen', () => {
    const zoom = presenterZoom(1920, 1080);
    expect(zoom).toBe(1.68);
    // The laid-out view fits the screen in both directions.
    expect(1100 * zoom).toBeLessThanOrEqual(1920);
    expect(640 * zoom).toBeLessThanOrEqual(1080);
  });
  it('is limited by the shorter side on a 4:3 projector and never shrinks a small window', () => {
    expect(presenterZoom(1024, 768)).toBe(1);
    expect(presenterZoom(1600, 1200)).toBeCloseTo(1600 / 1100, 2);
    expect(presenterZoom(800, 600)).toBe(1);
  });
  it('stops at the largest zoom on a 4K screen, and is 1 for a window with no size yet', () => {
    expect(presenterZoom(3840, 2160)).toBe(largestPresenterZoom);
    expect(presenterZoom(0, 0)).toBe(1);
    expect(presenterZoom(Number.NaN, 900)).toBe(1);
  });
});
