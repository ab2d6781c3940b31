// One heatmap on a canvas: a pixel per entry, scaled up by CSS without smoothing.
import { useEffect, useRef } from 'react';
import type { Matrix } from '../../../../core/linalg/matrix';
import { heatmapPixels, type ColourRange } from '../../figures/heatmap-pixels';

export interface HeatmapCanvasProps {
  matrix: Matrix;
  range: ColourRange;
  label: string;
  size: number;
  testId: string;
}

export function HeatmapCanvas({ matrix, range, label, size, testId }: HeatmapCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || matrix.rows === 0 || matrix.cols === 0) return;
    canvas.width = matrix.cols;
    canvas.height = matrix.rows;
    context.putImageData(
      new ImageData(heatmapPixels(matrix, range), matrix.cols, matrix.rows),
      0,
      0,
    );
  }, [matrix, range]);
  const aspect = matrix.rows / Math.max(1, matrix.cols);
  const width = aspect > 1 ? size / aspect : size;
  const height = aspect > 1 ? size : size * aspect;
  return (
    <figure className="heatmap">
      <figcaption>{label}</figcaption>
      <canvas
        ref={ref}
        role="img"
        aria-label={`${label} heatmap`}
        data-testid={testId}
        style={{ width, height, imageRendering: 'pixelated' }}
      />
    </figure>
  );
}
