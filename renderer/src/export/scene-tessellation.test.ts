import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as THREE from 'three';
import { fromRows } from '../../../core/linalg/matrix';
import { arrow, buildSpaceScene } from '../figures/subspace-scene';
import { lightTheme } from '../figures/theme';
import { splitTriangle, tessellateScene } from './scene-tessellation';

const point = fc
  .tuple(
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.double({ min: -5, max: 5, noNaN: true }),
  )
  .map(([x, y, z]) => new THREE.Vector3(x, y, z));

function normal(a: THREE.Vector3, b: THREE.Vector3, c: THREE.Vector3): THREE.Vector3 {
  return b.clone().sub(a).cross(c.clone().sub(a));
}

function positions(object: THREE.Mesh | THREE.Line): THREE.Vector3[] {
  const attribute = object.geometry.attributes.position;
  return Array.from({ length: attribute.count }, (_, k) =>
    new THREE.Vector3().fromBufferAttribute(attribute, k),
  );
}

function longestEdge(points: THREE.Vector3[], step: number): number {
  let longest = 0;
  for (let k = 0; k + step - 1 < points.length; k += step) {
    const corners = points.slice(k, k + step);
    for (let i = 0; i < corners.length; i++)
      longest = Math.max(longest, corners[i].distanceTo(corners[(i + 1) % corners.length]));
  }
  return longest;
}

function meshes(scene: THREE.Object3D): THREE.Mesh[] {
  return scene.children.filter((child): child is THREE.Mesh => child instanceof THREE.Mesh);
}

function lines(scene: THREE.Object3D): THREE.LineSegments[] {
  return scene.children.filter(
    (child): child is THREE.LineSegments => child instanceof THREE.LineSegments,
  );
}

/** The plane spanned by e₁ and e₂ in ℝ³, as the Subspaces view draws a 2-dimensional space. */
const xyPlane = {
  key: 'row',
  basis: fromRows([
    [1, 0],
    [0, 1],
    [0, 0],
  ]),
  ambient: 3,
  colour: '#4f46e5',
};

describe('cutting a scene for depth sorting', () => {
  it('splits a triangle into pieces with short edges, the same area and the same facing', () => {
    fc.assert(
      fc.property(
        point,
        point,
        point,
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        (a, b, c, maxEdge) => {
          const area = normal(a, b, c).length() / 2;
          fc.pre(area > 1e-3);
          const pieces = splitTriangle(a, b, c, maxEdge);
          expect(pieces.length % 3).toBe(0);
          expect(longestEdge(pieces, 3)).toBeLessThanOrEqual(maxEdge + 1e-9);
          let total = 0;
          const facing = normal(a, b, c);
          for (let k = 0; k < pieces.length; k += 3) {
            const piece = normal(pieces[k], pieces[k + 1], pieces[k + 2]);
            total += piece.length() / 2;
            // Same winding: back-face culling must keep seeing the outside of a solid.
            expect(piece.dot(facing)).toBeGreaterThanOrEqual(0);
          }
          expect(total).toBeCloseTo(area, 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cuts the translucent plane of a subspace into small triangles that keep its colour and opacity', () => {
    const scene = buildSpaceScene(3, [xyPlane], lightTheme);
    const cut = tessellateScene(scene, { maxEdge: 0.4 });
    const plane = meshes(cut).find((mesh) => (mesh.material as THREE.Material).transparent);
    expect(plane).toBeDefined();
    const material = plane!.material as THREE.MeshBasicMaterial;
    expect(material).toBeInstanceOf(THREE.MeshBasicMaterial);
    expect(material.opacity).toBeCloseTo(0.28);
    expect(`#${material.color.getHexString()}`).toBe('#4f46e5');
    const corners = positions(plane!);
    expect(corners.length / 3).toBeGreaterThan(50);
    expect(longestEdge(corners, 3)).toBeLessThanOrEqual(0.4 + 1e-9);
    // Still the plane z = 0, at most 2.1 out along each axis.
    for (const corner of corners) {
      expect(corner.z).toBeCloseTo(0, 12);
      expect(Math.max(Math.abs(corner.x), Math.abs(corner.y))).toBeLessThanOrEqual(2.1 + 1e-9);
    }
  });

  it('draws the grid in its two colours, which SVGRenderer would otherwise paint white', () => {
    const scene = buildSpaceScene(3, [], lightTheme);
    const cut = tessellateScene(scene, { maxEdge: 0.5 });
    const colours = new Set(
      lines(cut).map(
        (line) => `#${(line.material as THREE.LineBasicMaterial).color.getHexString()}`,
      ),
    );
    expect(colours).toContain(lightTheme.grid);
    expect(colours).toContain(lightTheme.muted);
    expect(colours).not.toContain('#ffffff');
    for (const line of lines(cut))
      expect(longestEdge(positions(line), 2)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('draws every face of a single-material box, whatever its geometry groups say', () => {
    const scene = new THREE.Scene();
    scene.add(new THREE.Mesh(new THREE.BoxGeometry(2, 2, 2), new THREE.MeshBasicMaterial()));
    const [box] = meshes(tessellateScene(scene, { maxEdge: 10 }));
    const corners = positions(box);
    let area = 0;
    for (let k = 0; k < corners.length; k += 3)
      area += normal(corners[k], corners[k + 1], corners[k + 2]).length() / 2;
    expect(area).toBeCloseTo(6 * 4, 9);
  });

  it('places objects where the world has them and leaves hidden ones out', () => {
    const scene = new THREE.Scene();
    scene.add(arrow([2, 0, 0], '#000000', 'x'));
    scene.add(arrow([0, 0, 0], '#000000', 'zero'));
    const cut = tessellateScene(scene, { maxEdge: 0.25 });
    const all = [...meshes(cut), ...lines(cut)].flatMap(positions);
    const reach = Math.max(...all.map((corner) => corner.x));
    // The arrow's tip is at x = 2 after the helper's scaling; the zero vector draws nothing.
    expect(reach).toBeCloseTo(2, 6);
    expect(Math.min(...all.map((corner) => corner.x))).toBeGreaterThanOrEqual(-1e-9);
  });

  it('turns world-space dashes into pixels', () => {
    const scene = new THREE.Scene();
    const geometry = new THREE.BufferGeometry().setFromPoints([
      new THREE.Vector3(-1, 0, 0),
      new THREE.Vector3(1, 0, 0),
    ]);
    scene.add(
      new THREE.Line(geometry, new THREE.LineDashedMaterial({ dashSize: 0.06, gapSize: 0.04 })),
    );
    const [line] = lines(tessellateScene(scene, { maxEdge: 0.5, dashScale: 100 }));
    const material = line.material as THREE.LineDashedMaterial;
    expect(material).toBeInstanceOf(THREE.LineDashedMaterial);
    expect(material.dashSize).toBeCloseTo(6);
    expect(material.gapSize).toBeCloseTo(4);
    expect(positions(line)).toHaveLength(8);
  });
});
