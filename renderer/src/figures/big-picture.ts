// Strang's "big picture" of the four fundamental subspaces (Strang, Introduction to Linear
// Algebra, ch. 3): ℝⁿ on the left split into row space (dim r) ⟂ null space (dim n − r), ℝᵐ on the
// right split into column space (dim r) ⟂ left null space (dim m − r); A maps row space onto the
// column space and the null space to 0. Box heights grow with the dimensions.
import { element, svgDocument, text } from './svg';
import { realSpace } from './subspace-geometry';
import type { FigureTheme } from './theme';

export interface BigPictureData {
  rows: number;
  cols: number;
  rank: number;
}

export const spaceColours = {
  row: '#4f46e5',
  null: '#d97706',
  column: '#0f9d58',
  leftNull: '#db2777',
};

export function buildBigPicture(
  data: BigPictureData,
  options: { width: number; theme: FigureTheme },
): string {
  const { theme } = options;
  const { rows: m, cols: n, rank: r } = data;
  const width = Math.max(options.width, 520);
  const fs = theme.fontSize;
  const boxWidth = Math.min(220, width * 0.28);
  const unit = Math.max(14, Math.min(34, 150 / Math.max(m, n, 1)));
  const boxHeight = (dimension: number) => Math.max(fs * 3.6, unit * dimension + fs * 2.4);
  const top = fs * 3.2;
  const gap = fs * 1.6;
  const leftX = fs * 1.5;
  const rightX = width - boxWidth - fs * 1.5;
  const rowHeight = boxHeight(r);
  const nullHeight = boxHeight(n - r);
  const columnHeight = boxHeight(r);
  const leftNullHeight = boxHeight(m - r);
  const height = Math.ceil(
    top + Math.max(rowHeight + nullHeight, columnHeight + leftNullHeight) + gap + fs * 4,
  );
  const parts: string[] = [];
  const arrowId = `big-picture-arrow-${theme.name}`;
  parts.push(
    `<defs><marker id="${arrowId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
      `<path d="M0,0L10,5L0,10z" fill="${theme.ink}"/></marker></defs>`,
  );
  parts.push(
    text(`domain ${realSpace(n)} (n = ${n})`, {
      x: leftX + boxWidth / 2,
      y: fs * 1.6,
      'text-anchor': 'middle',
      fill: theme.ink,
      'font-weight': 600,
    }),
  );
  parts.push(
    text(`codomain ${realSpace(m)} (m = ${m})`, {
      x: rightX + boxWidth / 2,
      y: fs * 1.6,
      'text-anchor': 'middle',
      fill: theme.ink,
      'font-weight': 600,
    }),
  );

  const box = (
    x: number,
    y: number,
    h: number,
    colour: string,
    title: string,
    dimension: string,
    testId: string,
  ) => {
    parts.push(
      element('rect', {
        x,
        y,
        width: boxWidth,
        height: h,
        rx: 6,
        fill: colour,
        'fill-opacity': 0.16,
        stroke: colour,
        'stroke-width': 1.5,
        'data-testid': testId,
      }),
    );
    parts.push(
      text(title, {
        x: x + boxWidth / 2,
        y: y + h / 2 - fs * 0.2,
        'text-anchor': 'middle',
        fill: theme.ink,
        'font-weight': 600,
      }),
    );
    parts.push(
      text(dimension, {
        x: x + boxWidth / 2,
        y: y + h / 2 + fs * 1.1,
        'text-anchor': 'middle',
        fill: theme.muted,
      }),
    );
  };
  box(
    leftX,
    top,
    rowHeight,
    spaceColours.row,
    'row space C(Aᵀ)',
    `dim r = ${r}`,
    'big-picture-row',
  );
  box(
    leftX,
    top + rowHeight + gap,
    nullHeight,
    spaceColours.null,
    'null space N(A)',
    `dim n − r = ${n - r}`,
    'big-picture-null',
  );
  box(
    rightX,
    top,
    columnHeight,
    spaceColours.column,
    'column space C(A)',
    `dim r = ${r}`,
    'big-picture-column',
  );
  box(
    rightX,
    top + columnHeight + gap,
    leftNullHeight,
    spaceColours.leftNull,
    'left null space N(Aᵀ)',
    `dim m − r = ${m - r}`,
    'big-picture-left-null',
  );
  // Orthogonality marks between the pairs.
  for (const [x, y] of [
    [leftX + boxWidth / 2, top + rowHeight + gap / 2],
    [rightX + boxWidth / 2, top + columnHeight + gap / 2],
  ]) {
    parts.push(
      text('⟂', {
        x,
        y: y + fs * 0.4,
        'text-anchor': 'middle',
        fill: theme.ink,
        'font-size': fs * 1.3,
      }),
    );
  }
  // A maps the row space onto the column space, and the null space to 0.
  const zeroX = rightX - fs * 2;
  const zeroY = top + columnHeight + gap / 2;
  parts.push(element('circle', { cx: zeroX, cy: zeroY, r: 3.5, fill: theme.ink }));
  parts.push(
    text('0', { x: zeroX, y: zeroY - fs * 0.6, 'text-anchor': 'middle', fill: theme.ink }),
  );
  const from = leftX + boxWidth + 6;
  const to = rightX - 8;
  const rowY = top + rowHeight / 2;
  parts.push(
    element('path', {
      d: `M${from},${rowY}L${to},${rowY}`,
      stroke: theme.ink,
      'stroke-width': 1.5,
      fill: 'none',
      'marker-end': `url(#${arrowId})`,
    }),
  );
  parts.push(
    text('A x_row = b  (one-to-one onto C(A))', {
      x: (from + to) / 2,
      y: rowY - fs * 0.6,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  const nullY = top + rowHeight + gap + nullHeight / 2;
  parts.push(
    element('path', {
      d: `M${from},${nullY}L${zeroX - 6},${zeroY + 2}`,
      stroke: theme.ink,
      'stroke-width': 1.5,
      fill: 'none',
      'marker-end': `url(#${arrowId})`,
      'stroke-dasharray': '5 4',
    }),
  );
  parts.push(
    text('A x_null = 0', {
      x: (from + zeroX) / 2,
      y: (nullY + zeroY) / 2 + fs * 1.3,
      'text-anchor': 'middle',
      fill: theme.ink,
    }),
  );
  const footY = height - fs * 1.2;
  parts.push(
    text(`rank r = ${r}:  r + (n − r) = ${n},  r + (m − r) = ${m}`, {
      x: width / 2,
      y: footY,
      'text-anchor': 'middle',
      fill: theme.muted,
    }),
  );
  return svgDocument(
    width,
    height,
    theme,
    parts.join(''),
    `The four fundamental subspaces of a ${m}×${n} matrix of rank ${r}`,
  );
}
