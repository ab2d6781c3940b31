// The scree plot's hover: a ring on the value nearest the mouse and a tooltip with σᵢ and the
// energy kept up to it. Fast with 4096 values: the index is an O(1) inversion of the index scale
// (ScreeLayout.indexAt), mouse moves are folded into one update per animation frame, only this
// small component re-renders, and the ring and tooltip move by transform on their own layers, so
// the plot's SVG under them is neither laid out nor repainted while the mouse moves.
import { useEffect, useState, type RefObject } from 'react';
import type { ScreeLayout } from '../../figures/scree-plot';
import { formatPercent } from '../../../../core/number-shown';
import { formatValue } from '../../figures/svg';

export interface ScreeHoverProps {
  /** The element the plot fills; it receives the mouse. */
  frame: RefObject<HTMLElement | null>;
  layout: ScreeLayout | null;
  values: ArrayLike<number> | null;
  /** Cumulative energy fraction up to each index. */
  energy: ArrayLike<number> | null;
  width: number;
}

/** How far outside the plot area (in pixels) the mouse still picks a value. */
const margin = 8;

export function ScreeHover({ frame, layout, values, energy, width }: ScreeHoverProps) {
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const element = frame.current;
    if (!element || !layout || layout.count === 0) return;
    let pending: { x: number; y: number } | null = null;
    let request = 0;
    const update = () => {
      request = 0;
      if (!pending) return;
      const { x, y } = pending;
      pending = null;
      const { plot } = layout;
      const inside =
        x >= plot.left - margin &&
        x <= plot.left + plot.width + margin &&
        y >= plot.top - margin &&
        y <= plot.top + plot.height + margin;
      // Same index, same state: React skips the render.
      setHover(inside ? layout.indexAt(x) : null);
    };
    const onMove = (event: MouseEvent) => {
      const bounds = element.getBoundingClientRect();
      pending = { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
      if (!request) request = requestAnimationFrame(update);
    };
    const onLeave = () => {
      pending = null;
      if (request) cancelAnimationFrame(request);
      request = 0;
      setHover(null);
    };
    element.addEventListener('mousemove', onMove);
    element.addEventListener('mouseleave', onLeave);
    return () => {
      element.removeEventListener('mousemove', onMove);
      element.removeEventListener('mouseleave', onLeave);
      if (request) cancelAnimationFrame(request);
    };
  }, [frame, layout]);

  if (hover === null || !layout || !values || !energy || hover > values.length) return null;
  const value = values[hover - 1];
  const x = layout.x(hover);
  const y = layout.y(value);
  // Right of the ring in the plot's left half, left of it in the right half: never off the edge.
  const before = x > width / 2;
  const top = Math.max(y - 40, 4);
  const place = before
    ? `translate(${x - 12}px, ${top}px) translateX(-100%)`
    : `translate(${x + 12}px, ${top}px)`;
  return (
    <>
      <div className="figure-cursor" style={{ transform: `translate(${x}px, ${y}px)` }} />
      <div className="figure-tooltip" data-testid="spectrum-tooltip" style={{ transform: place }}>
        σ<sub>{hover}</sub> = {formatValue(value)} · energy to {hover}:{' '}
        {formatPercent(energy[hover - 1], 1)}
      </div>
    </>
  );
}
