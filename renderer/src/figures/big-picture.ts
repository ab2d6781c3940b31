// Strang's "big picture" of the four fundamental subspaces (Strang, Introduction to Linear
// Algebra, ch. 3): ℝⁿ on the left split into row space (dim r) ⟂ null space (dim n − r), ℝᵐ on the
// right split into column space (dim r) ⟂ left null space (dim m − r); A maps row space onto the
// column space and the null space to 0. Box heights grow with the dimensions.
import { aroundPoint, placeLabels, type Box, type Point, type Segment } from './label-placement';
import { element, svgDocument, text } from './svg';
import { realSpace } from './subspace-geometry';
import { textWidth } from './text-width';
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
  // Text already set, which the arrows' labels must keep clear of.
  const setText: Box[] = [];
  /** The box of centred text whose baseline is at y. */
  const centredBox = (content: string, x: number, y: number, size = fs): Box => {
    const width = textWidth(content, size);
    return { x: x - width / 2, y: y - size * 0.95, width, height: size * 1.25 };
  };
  const arrowId = `big-picture-arrow-${theme.name}`;
  parts.push(
    `<defs><marker id="${arrowId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
      `<path d="M0,0L10,5L0,10z" fill="${theme.ink}"/></marker></defs>`,
  );
  for (const [heading, x] of [
    [`domain ${realSpace(n)} (n = ${n})`, leftX + boxWidth / 2],
    [`codomain ${realSpace(m)} (m = ${m})`, rightX + boxWidth / 2],
  ] as const) {
    // Set bold: a little wider than the estimate for regular type.
    const box = centredBox(heading, x, fs * 1.6);
    setText.push({ ...box, x: box.x - box.width * 0.04, width: box.width * 1.08 });
  }
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
    setText.push(
      centredBox(title, x + boxWidth / 2, y + h / 2 - fs * 0.2),
      centredBox(dimension, x + boxWidth / 2, y + h / 2 + fs * 1.1),
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
  setText.push(centredBox('0', zeroX, zeroY - fs * 0.6), {
    x: zeroX - 4,
    y: zeroY - 4,
    width: 8,
    height: 8,
  });
  const from = leftX + boxWidth + 6;
  const to = rightX - 8;
  const rowY = top + rowHeight / 2;
  const nullY = top + rowHeight + gap + nullHeight / 2;
  const rowArrow: Segment = { x1: from, y1: rowY, x2: to, y2: rowY };
  const nullArrow: Segment = { x1: from, y1: nullY, x2: zeroX - 6, y2: zeroY + 2 };
  for (const [arrow, dash] of [
    [rowArrow, undefined],
    [nullArrow, '5 4'],
  ] as const) {
    parts.push(
      element('path', {
        d: `M${arrow.x1},${arrow.y1}L${arrow.x2},${arrow.y2}`,
        stroke: theme.ink,
        'stroke-width': 1.5,
        fill: 'none',
        'marker-end': `url(#${arrowId})`,
        'stroke-dasharray': dash,
        // The overlap check (e2e/label-boxes.ts) keeps every label off the arrows.
        'data-avoid': 'arrow',
      }),
    );
  }
  // The arrows' labels beside them, near their middles first, clear of both arrows and of the
  // boxes' text, between the two columns of boxes. What A does to the row space reads above its
  // arrow, how it does it below, so that each line fits the gap of the narrowest diagram.
  const arrowLabels: { content: string; arrow: Segment; below?: boolean }[] = [
    { content: 'A x_row = b', arrow: rowArrow },
    { content: '(one-to-one onto C(A))', arrow: rowArrow, below: true },
    { content: 'A x_null = 0', arrow: nullArrow },
  ];
  const labelHeight = fs * 1.25;
  const near = (arrow: Segment, width: number, below: boolean): Point[] =>
    [0.5, 0.4, 0.6, 0.3, 0.7].flatMap((t) => {
      const [, over, under, ...rest] = aroundPoint(
        { x: arrow.x1 + t * (arrow.x2 - arrow.x1), y: arrow.y1 + t * (arrow.y2 - arrow.y1) },
        width,
        labelHeight,
        4,
      );
      return below ? [under, over, ...rest] : [over, under, ...rest];
    });
  const placed = placeLabels(
    arrowLabels.map(({ content, arrow, below = false }) => {
      const width = textWidth(content, fs);
      return { width, height: labelHeight, candidates: near(arrow, width, below) };
    }),
    {
      obstacles: setText,
      segments: [rowArrow, nullArrow],
      bounds: { x: leftX + boxWidth + 2, y: 0, width: rightX - leftX - boxWidth - 4, height },
    },
  );
  placed.forEach((box, index) =>
    parts.push(
      text(arrowLabels[index].content, { x: box.x, y: box.y + fs * 0.95, fill: theme.ink }),
    ),
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
