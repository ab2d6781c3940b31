// Label placement for every figure: each label offers candidate positions in order of preference
// and takes the first that overlaps no label placed before it, no obstacle box (points, other
// text) and no obstacle segment (lines, arrows), inside the bounds; if none is free, the one that
// overlaps least. The greedy fixed-candidate method of cartography (Imhof 1975; Christensen,
// Marks & Shieber, ACM TOG 14(3), 1995). Cost O(labels · candidates · (labels + obstacles)).

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** How much crossing it costs against crossing an ordinary line (1): a faint guide costs less. */
  weight?: number;
}

export interface LabelRequest {
  width: number;
  height: number;
  /** Top-left corners to try, best first. */
  candidates: readonly Point[];
  /** A candidate index to try before the others (the last frame's choice, so labels stay put). */
  preferred?: number;
}

export interface PlacedLabel extends Box {
  /** Index of the chosen candidate. */
  candidate: number;
  /** Area (px²) the chosen box overlaps others, obstacles or the outside; 0 when free. */
  overlap: number;
}

export interface PlacementContext {
  obstacles?: readonly Box[];
  segments?: readonly Segment[];
  /** The figure's area: candidates are moved inside it, and what stays outside counts. */
  bounds?: Box;
  /** Room kept clear around each label, in pixels. */
  padding?: number;
}

/** Area of the intersection of two boxes (0 when they do not overlap). */
export function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Length of the part of a segment inside a box (Liang–Barsky clipping). */
export function segmentLengthInside(segment: Segment, box: Box): number {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  let enter = 0;
  let leave = 1;
  // One edge at a time, without allocating: this runs for every candidate against every line.
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    return enter <= leave;
  };
  if (
    !clip(-dx, segment.x1 - box.x) ||
    !clip(dx, box.x + box.width - segment.x1) ||
    !clip(-dy, segment.y1 - box.y) ||
    !clip(dy, box.y + box.height - segment.y1)
  )
    return 0;
  return (leave - enter) * Math.hypot(dx, dy);
}

/** Whether a segment's bounding box meets a box (a cheap test before clipping). */
function segmentNear(segment: Segment, box: Box): boolean {
  return (
    Math.max(segment.x1, segment.x2) >= box.x &&
    Math.min(segment.x1, segment.x2) <= box.x + box.width &&
    Math.max(segment.y1, segment.y2) >= box.y &&
    Math.min(segment.y1, segment.y2) <= box.y + box.height
  );
}

function grown(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** Moves a box inside the bounds where it fits (a label wider than the figure keeps its left edge in). */
function keptInside(box: Box, bounds: Box | undefined): Box {
  if (!bounds) return box;
  const x = Math.max(bounds.x, Math.min(box.x, bounds.x + bounds.width - box.width));
  const y = Math.max(bounds.y, Math.min(box.y, bounds.y + bounds.height - box.height));
  return { ...box, x, y };
}

function outsideArea(box: Box, bounds: Box | undefined): number {
  if (!bounds) return 0;
  return box.width * box.height - overlapArea(box, bounds);
}

/**
 * Places labels in the order given (put the most important first). Returns one box per request,
 * in the same order.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  context: PlacementContext = {},
): PlacedLabel[] {
  const { obstacles = [], segments = [], bounds, padding = 2 } = context;
  const placed: PlacedLabel[] = [];
  // A segment crossing a label costs its length times the label's height: a line through text
  // is as bad as a box overlapping it by that strip.
  const cost = (box: Box, near: { obstacles: Box[]; segments: Segment[] }): number => {
    const padded = grown(box, padding);
    let total = outsideArea(box, bounds);
    for (const other of placed) total += overlapArea(padded, other);
    for (const obstacle of near.obstacles) total += overlapArea(padded, obstacle);
    for (const segment of near.segments)
      total += segmentLengthInside(segment, padded) * box.height * (segment.weight ?? 1);
    return total;
  };
  for (const request of requests) {
    const order = request.candidates.map((_, index) => index);
    if (
      request.preferred !== undefined &&
      request.preferred > 0 &&
      request.preferred < order.length
    ) {
      order.splice(request.preferred, 1);
      order.unshift(request.preferred);
    }
    const boxes = request.candidates.map((corner) =>
      keptInside(
        { x: corner.x, y: corner.y, width: request.width, height: request.height },
        bounds,
      ),
    );
    // Only what lies near some candidate can cost anything: 4096 scree marks shrink to a few.
    const left = Math.min(...boxes.map((box) => box.x)) - padding;
    const top = Math.min(...boxes.map((box) => box.y)) - padding;
    const region = {
      x: left,
      y: top,
      width: Math.max(...boxes.map((box) => box.x + box.width)) + padding - left,
      height: Math.max(...boxes.map((box) => box.y + box.height)) + padding - top,
    };
    const near = {
      obstacles: obstacles.filter((obstacle) => overlapArea(region, obstacle) > 0),
      segments: segments.filter((segment) => segmentNear(segment, region)),
    };
    let best: PlacedLabel | null = null;
    for (const index of order) {
      const box = boxes[index];
      // Below a millionth of a pixel² is rounding (a line along a box's edge), not overlap.
      const raw = cost(box, near);
      const overlap = raw < 1e-6 ? 0 : raw;
      if (!best || overlap < best.overlap) best = { ...box, candidate: index, overlap };
      if (overlap === 0) break;
    }
    placed.push(
      best ?? {
        x: 0,
        y: 0,
        width: request.width,
        height: request.height,
        candidate: -1,
        overlap: 0,
      },
    );
  }
  return placed;
}

/**
 * Candidate top-left corners for a label of the given size that belongs to a point: centred on
 * it; then in rows stacked above and below that centred place (so labels sharing one point stack
 * up, `gap` apart); then beside the point, right and left; then the diagonals.
 */
export function aroundPoint(point: Point, width: number, height: number, gap: number): Point[] {
  const centreX = point.x - width / 2;
  const row = (k: number) => point.y - height / 2 + k * (height + gap);
  const right = point.x + gap;
  const left = point.x - gap - width;
  return [
    { x: centreX, y: row(0) },
    { x: centreX, y: row(-1) },
    { x: centreX, y: row(1) },
    { x: right, y: row(0) },
    { x: left, y: row(0) },
    { x: centreX, y: row(-2) },
    { x: centreX, y: row(2) },
    { x: right, y: row(-1) },
    { x: left, y: row(-1) },
    { x: right, y: row(1) },
    { x: left, y: row(1) },
  ];
}

/** The segments of a polyline through the points, in order. */
export function polylineSegments(points: readonly Point[]): Segment[] {
  const segments: Segment[] = [];
  for (let i = 1; i < points.length; i++)
    segments.push({
      x1: points[i - 1].x,
      y1: points[i - 1].y,
      x2: points[i].x,
      y2: points[i].y,
    });
  return segments;
}
