// Prepares a three.js scene for SVGRenderer, which sorts whole triangles and line segments by
// depth (painter's algorithm) and draws only basic materials. The copy it returns is flat, in
// world coordinates: every visible triangle and segment cut until no edge is longer than
// `maxEdge`, so a line through a translucent plane is in front of it on one side and behind it on
// the other; vertex-coloured lines (the grid) split into one object per colour, since
// SVGRenderer strokes a line in its material's colour only; every material replaced by the basic
// one SVGRenderer draws, with the same colour and opacity. Cost: O(area / maxEdge²) triangles.
import * as THREE from 'three';

export interface TessellationOptions {
  /** The longest edge left, in world units. */
  maxEdge: number;
  /** Pixels per world unit, to turn world-space dash lengths into the SVG's pixels. */
  dashScale?: number;
}

type Point = THREE.Vector3;

/** Splits a triangle at the midpoint of its longest edge until every edge is short enough. */
export function splitTriangle(
  a: Point,
  b: Point,
  c: Point,
  maxEdge: number,
  into: Point[] = [],
): Point[] {
  const ab = a.distanceToSquared(b);
  const bc = b.distanceToSquared(c);
  const ca = c.distanceToSquared(a);
  const longest = Math.max(ab, bc, ca);
  // A limit that is not a positive number leaves the triangle whole (and ends the recursion).
  if (longest <= maxEdge * maxEdge || !(maxEdge > 0) || !Number.isFinite(longest)) {
    into.push(a, b, c);
    return into;
  }
  // Same winding in both halves, so back-face culling still sees the outside.
  if (longest === ab) {
    const middle = a.clone().lerp(b, 0.5);
    splitTriangle(a, middle, c, maxEdge, into);
    splitTriangle(middle, b, c, maxEdge, into);
  } else if (longest === bc) {
    const middle = b.clone().lerp(c, 0.5);
    splitTriangle(a, b, middle, maxEdge, into);
    splitTriangle(a, middle, c, maxEdge, into);
  } else {
    const middle = c.clone().lerp(a, 0.5);
    splitTriangle(a, b, middle, maxEdge, into);
    splitTriangle(middle, b, c, maxEdge, into);
  }
  return into;
}

/** Cuts a segment into equal pieces no longer than maxEdge; returns their end points in pairs. */
export function splitSegment(a: Point, b: Point, maxEdge: number, into: Point[] = []): Point[] {
  const pieces = maxEdge > 0 ? Math.max(1, Math.ceil(a.distanceTo(b) / maxEdge)) : 1;
  for (let k = 0; k < pieces; k++) {
    into.push(a.clone().lerp(b, k / pieces), a.clone().lerp(b, (k + 1) / pieces));
  }
  return into;
}

function colourOf(material: THREE.Material): THREE.Color {
  const withColour = material as THREE.Material & { color?: THREE.Color };
  return withColour.color instanceof THREE.Color
    ? withColour.color.clone()
    : new THREE.Color(1, 1, 1);
}

function geometryFrom(points: Point[]): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry().setFromPoints(points);
  geometry.computeBoundingSphere();
  return geometry;
}

function vertex(geometry: THREE.BufferGeometry, index: number, world: THREE.Matrix4): Point {
  return new THREE.Vector3()
    .fromBufferAttribute(geometry.attributes.position, index)
    .applyMatrix4(world);
}

function meshCopies(mesh: THREE.Mesh, maxEdge: number): THREE.Mesh[] {
  const geometry = mesh.geometry;
  if (!geometry.attributes.position) return [];
  const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
  const index = geometry.index;
  const count = index ? index.count : geometry.attributes.position.count;
  const corner = (k: number) => (index ? index.getX(k) : k);
  // Groups choose among an array of materials; one material draws every group (as WebGL does).
  const groups =
    Array.isArray(mesh.material) && geometry.groups.length > 0
      ? geometry.groups
      : [{ start: 0, count, materialIndex: 0 }];
  const triangles = new Map<number, Point[]>();
  for (const group of groups) {
    const materialIndex = group.materialIndex ?? 0;
    const material = materials[materialIndex];
    if (!material || !material.visible) continue;
    const points = triangles.get(materialIndex) ?? [];
    const end = Math.min(group.start + group.count, count);
    for (let k = group.start; k + 2 < end; k += 3) {
      splitTriangle(
        vertex(geometry, corner(k), mesh.matrixWorld),
        vertex(geometry, corner(k + 1), mesh.matrixWorld),
        vertex(geometry, corner(k + 2), mesh.matrixWorld),
        maxEdge,
        points,
      );
    }
    triangles.set(materialIndex, points);
  }
  return [...triangles].map(([materialIndex, points]) => {
    const material = materials[materialIndex];
    const copy = new THREE.Mesh(
      geometryFrom(points),
      new THREE.MeshBasicMaterial({
        color: colourOf(material),
        transparent: material.transparent,
        opacity: material.opacity,
        side: material.side,
      }),
    );
    copy.renderOrder = mesh.renderOrder;
    return copy;
  });
}

/** The segments a line object draws, as index pairs into its vertices. */
function segmentPairs(line: THREE.Line): [number, number][] {
  const geometry = line.geometry;
  const index = geometry.index;
  const count = index ? index.count : geometry.attributes.position.count;
  const at = (k: number) => (index ? index.getX(k) : k);
  const pairs: [number, number][] = [];
  if (line instanceof THREE.LineSegments) {
    for (let k = 0; k + 1 < count; k += 2) pairs.push([at(k), at(k + 1)]);
  } else {
    for (let k = 0; k + 1 < count; k++) pairs.push([at(k), at(k + 1)]);
    if (line instanceof THREE.LineLoop && count > 2) pairs.push([at(count - 1), at(0)]);
  }
  return pairs;
}

function lineMaterial(
  source: THREE.Material,
  colour: THREE.Color,
  dashScale: number,
): THREE.LineBasicMaterial {
  const translucent = source.transparent && source.opacity < 1;
  const common = {
    color: colour,
    transparent: source.transparent,
    opacity: source.opacity,
    // Round caps of translucent pieces would overlap where they meet and show as darker dots.
    linecap: translucent ? ('butt' as const) : ('round' as const),
  };
  if (source instanceof THREE.LineDashedMaterial) {
    return new THREE.LineDashedMaterial({
      ...common,
      dashSize: source.dashSize * source.scale * dashScale,
      gapSize: source.gapSize * source.scale * dashScale,
    });
  }
  return new THREE.LineBasicMaterial(common);
}

function lineCopies(line: THREE.Line, maxEdge: number, dashScale: number): THREE.LineSegments[] {
  const geometry = line.geometry;
  const material = Array.isArray(line.material) ? line.material[0] : line.material;
  if (!geometry.attributes.position || !material || !material.visible) return [];
  const colours = material.vertexColors ? geometry.attributes.color : undefined;
  // One list of segments per colour: the material's, or each vertex colour of the line.
  const byColour = new Map<string, { colour: THREE.Color; points: Point[] }>();
  for (const [first, second] of segmentPairs(line)) {
    const colour = colours
      ? new THREE.Color().fromBufferAttribute(colours as THREE.BufferAttribute, first)
      : colourOf(material);
    const key = colour.getHexString();
    const entry = byColour.get(key) ?? { colour, points: [] };
    splitSegment(
      vertex(geometry, first, line.matrixWorld),
      vertex(geometry, second, line.matrixWorld),
      maxEdge,
      entry.points,
    );
    byColour.set(key, entry);
  }
  return [...byColour.values()].map(({ colour, points }) => {
    const copy = new THREE.LineSegments(
      geometryFrom(points),
      lineMaterial(material, colour, dashScale),
    );
    copy.renderOrder = line.renderOrder;
    return copy;
  });
}

/** A flat, finely cut copy of the scene's visible meshes and lines, ready for SVGRenderer. */
export function tessellateScene(scene: THREE.Object3D, options: TessellationOptions): THREE.Scene {
  const { maxEdge } = options;
  const dashScale = options.dashScale ?? 1;
  scene.updateMatrixWorld(true);
  const copy = new THREE.Scene();
  if (scene instanceof THREE.Scene && scene.background instanceof THREE.Color)
    copy.background = scene.background.clone();
  scene.traverseVisible((object) => {
    if (object instanceof THREE.Mesh)
      for (const mesh of meshCopies(object, maxEdge)) copy.add(mesh);
    else if (object instanceof THREE.Line)
      for (const line of lineCopies(object, maxEdge, dashScale)) copy.add(line);
  });
  return copy;
}

/** Frees the geometries and materials of a scene built for one export. */
export function disposeScene(scene: THREE.Object3D): void {
  scene.traverse((object) => {
    if (object instanceof THREE.Mesh || object instanceof THREE.Line) {
      object.geometry.dispose();
      const materials = Array.isArray(object.material) ? object.material : [object.material];
      for (const material of materials) material.dispose();
    }
  });
}
