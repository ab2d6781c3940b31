// Gr(1,3) and Gr(2,3) on the unit sphere: a line through 0 in ℝ³ is the antipodal pair ±u, a plane
// is represented by its unit normal ±n (its orthogonal complement), and the Grassmann geodesic
// between two of them is the great-circle arc of angle θ = arccos|u·v| (slerp, Shoemake 1985).
import * as THREE from 'three';
import type { Matrix } from '../../../core/linalg/matrix';
import { column } from './subspace-geometry';

export type Triple = [number, number, number];

function unit(vector: readonly number[]): Triple {
  const length = Math.hypot(vector[0], vector[1], vector[2]) || 1;
  return [vector[0] / length, vector[1] / length, vector[2] / length];
}

export function cross(a: readonly number[], b: readonly number[]): Triple {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** The point of the sphere standing for a line (its direction) or a plane (its normal) of ℝ³. */
export function sphereDirection(basis: Matrix): Triple | null {
  if (basis.rows !== 3) return null;
  if (basis.cols === 1) return unit(column(basis, 0));
  if (basis.cols === 2) return unit(cross(column(basis, 0), column(basis, 1)));
  return null;
}

/** v's sign chosen so the pair is at most 90° apart (±v are the same subspace). */
export function alignedPair(u: Triple, v: Triple): { u: Triple; v: Triple; angle: number } {
  const dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const w: Triple = dot < 0 ? [-v[0], -v[1], -v[2]] : v;
  return { u, v: w, angle: Math.acos(Math.min(1, Math.abs(dot))) };
}

/** Point t ∈ [0, 1] along the great circle from u to v (unit vectors). */
export function slerp(u: Triple, v: Triple, t: number): Triple {
  const dot = Math.min(1, Math.max(-1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
  const angle = Math.acos(dot);
  // Nearly equal: the chord is the arc to rounding, and sin(angle) would divide 0 by 0.
  if (angle < 1e-6)
    return unit([(1 - t) * u[0] + t * v[0], (1 - t) * u[1] + t * v[1], (1 - t) * u[2] + t * v[2]]);
  const a = Math.sin((1 - t) * angle) / Math.sin(angle);
  const b = Math.sin(t * angle) / Math.sin(angle);
  return unit([a * u[0] + b * v[0], a * u[1] + b * v[1], a * u[2] + b * v[2]]);
}

export interface SphereColours {
  sphere: string;
  first: string;
  second: string;
  path: string;
}

/** Sphere wireframe, the antipodal pairs ±u and ±v, and the geodesic arc between them. */
export function buildGrassmannSphere(u: Triple, v: Triple, colours: SphereColours): THREE.Group {
  const group = new THREE.Group();
  group.add(
    new THREE.LineSegments(
      new THREE.WireframeGeometry(new THREE.SphereGeometry(1, 24, 16)),
      new THREE.LineBasicMaterial({ color: colours.sphere, transparent: true, opacity: 0.25 }),
    ),
  );
  for (const [point, colour] of [
    [u, colours.first],
    [v, colours.second],
  ] as const) {
    for (const sign of [1, -1]) {
      const dot = new THREE.Mesh(
        new THREE.SphereGeometry(0.06, 16, 12),
        new THREE.MeshBasicMaterial({ color: colour }),
      );
      dot.position.set(sign * point[0], sign * point[1], sign * point[2]);
      group.add(dot);
    }
    const axis = new THREE.BufferGeometry().setFromPoints([
      new THREE.Vector3(-point[0], -point[1], -point[2]),
      new THREE.Vector3(point[0], point[1], point[2]),
    ]);
    group.add(
      new THREE.Line(
        axis,
        new THREE.LineDashedMaterial({ color: colour, dashSize: 0.06, gapSize: 0.04 }),
      ).computeLineDistances(),
    );
  }
  const aligned = alignedPair(u, v);
  const arc = Array.from(
    { length: 65 },
    (_, k) => new THREE.Vector3(...slerp(aligned.u, aligned.v, k / 64)),
  );
  const path = new THREE.Line(
    new THREE.BufferGeometry().setFromPoints(arc),
    new THREE.LineBasicMaterial({ color: colours.path }),
  );
  path.name = 'geodesic';
  group.add(path);
  return group;
}
