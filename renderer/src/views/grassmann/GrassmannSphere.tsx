// Gr(1,3) / Gr(2,3) pictured: two lines (or two planes, by their normals) as antipodal pairs on
// the unit sphere, with a marker travelling the geodesic between them. Orbit with the mouse or,
// once focused, the arrow keys (figures/keyboard-orbit.ts).
// Figure export draws the same scene from the same camera as SVG (vector-scene.ts).
import { useImperativeHandle, useRef, type Ref } from 'react';
import * as THREE from 'three';
import {
  alignedPair,
  buildGrassmannSphere,
  slerp,
  type Triple,
} from '../../figures/grassmann-sphere';
import type { FigureTheme } from '../../figures/theme';
import { useThreeCanvas } from '../shared/use-three-canvas';

export interface GrassmannSphereHandle {
  /** The sphere as it stands, drawn as SVG in the figure's theme (null before WebGL draws). */
  vector(theme: FigureTheme): { width: number; height: number; drawing: string } | null;
}

export interface GrassmannSphereProps {
  u: Triple;
  v: Triple;
  theme: FigureTheme;
  colours: { first: string; second: string };
  height: number;
  handle?: Ref<GrassmannSphereHandle>;
}

/** The sphere, both pairs, the geodesic and the travelling marker, in a theme's colours. */
function sphereScene(
  u: Triple,
  v: Triple,
  theme: FigureTheme,
  colours: { first: string; second: string },
): { scene: THREE.Scene; marker: THREE.Mesh } {
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(theme.background);
  scene.add(
    buildGrassmannSphere(u, v, {
      sphere: theme.muted,
      first: colours.first,
      second: colours.second,
      path: theme.ink,
    }),
  );
  const marker = new THREE.Mesh(
    new THREE.SphereGeometry(0.045, 16, 12),
    new THREE.MeshBasicMaterial({ color: theme.ink }),
  );
  scene.add(marker);
  return { scene, marker };
}

const travelMilliseconds = 2400;
// Close enough that the unit sphere spans about nine tenths of the canvas's height.
const camera = { fov: 35, near: 0.1, far: 50, home: [2.0, -2.46, 1.62] as THREE.Vector3Tuple };

export function GrassmannSphere({ u, v, theme, colours, height, handle }: GrassmannSphereProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const markerRef = useRef<THREE.Mesh | null>(null);
  const canvas = useThreeCanvas(
    () => {
      const { scene, marker } = sphereScene(u, v, theme, colours);
      markerRef.current = marker;
      const aligned = alignedPair(u, v);
      const start = performance.now();
      return {
        scene,
        beforeRender(now) {
          // Back and forth along the geodesic.
          const elapsed = Math.max(0, now - start);
          const phase = (elapsed % (2 * travelMilliseconds)) / travelMilliseconds;
          const t = phase <= 1 ? phase : 2 - phase;
          marker.position.set(...slerp(aligned.u, aligned.v, t));
        },
      };
    },
    [u, v, theme, colours],
    hostRef,
    {
      height,
      minimumWidth: 160,
      testId: 'grassmann-sphere-canvas',
      label:
        'The two subspaces as antipodal points on the unit sphere, with the geodesic between them',
      camera,
    },
  );

  useImperativeHandle(handle, () => ({
    vector(figureTheme) {
      const { scene, marker } = sphereScene(u, v, figureTheme, colours);
      if (markerRef.current) marker.position.copy(markerRef.current.position);
      // The sphere has radius 1: finer cuts keep its dots and arcs in depth order.
      return canvas.drawAsSvg(scene, { maxEdge: 0.15 });
    },
  }));

  return (
    <div
      className="scene-host grassmann-sphere"
      ref={hostRef}
      style={{ height }}
      data-testid="grassmann-sphere"
    />
  );
}
