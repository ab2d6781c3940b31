// Gr(1,3) / Gr(2,3) pictured: two lines (or two planes, by their normals) as antipodal pairs on
// the unit sphere, with a marker travelling the geodesic between them. Orbit with the mouse.
// Figure export draws the same scene from the same camera as SVG (vector-scene.ts).
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { disposeScene } from '../../export/scene-tessellation';
import { drawSceneAsSvg } from '../../export/vector-scene';
import {
  alignedPair,
  buildGrassmannSphere,
  slerp,
  type Triple,
} from '../../figures/grassmann-sphere';
import type { FigureTheme } from '../../figures/theme';

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

export function GrassmannSphere({ u, v, theme, colours, height, handle }: GrassmannSphereProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const stateRef = useRef<{
    renderer: THREE.WebGLRenderer;
    camera: THREE.PerspectiveCamera;
    controls: OrbitControls;
    marker: THREE.Mesh;
  } | null>(null);

  useImperativeHandle(handle, () => ({
    vector(figureTheme) {
      const state = stateRef.current;
      if (!state) return null;
      const size = state.renderer.getSize(new THREE.Vector2());
      const { scene, marker } = sphereScene(u, v, figureTheme, colours);
      marker.position.copy(state.marker.position);
      try {
        const drawing = drawSceneAsSvg(scene, state.camera, size.x, size.y, {
          focus: state.controls.target,
          // The sphere has radius 1: finer cuts keep its dots and arcs in depth order.
          maxEdge: 0.15,
        });
        return { width: size.x, height: size.y, drawing };
      } finally {
        disposeScene(scene);
      }
    },
  }));

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    } catch {
      return;
    }
    const width = Math.max(160, host.clientWidth);
    renderer.setPixelRatio(window.devicePixelRatio || 1);
    renderer.setSize(width, height);
    renderer.domElement.setAttribute('data-testid', 'grassmann-sphere-canvas');
    renderer.domElement.setAttribute('role', 'img');
    renderer.domElement.setAttribute(
      'aria-label',
      'The two subspaces as antipodal points on the unit sphere, with the geodesic between them',
    );
    host.prepend(renderer.domElement);
    const { scene, marker } = sphereScene(u, v, theme, colours);
    const camera = new THREE.PerspectiveCamera(35, width / height, 0.1, 50);
    camera.up.set(0, 0, 1);
    camera.position.set(2.6, -3.2, 2.1);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.enableDamping = true;
    stateRef.current = { renderer, camera, controls, marker };
    const aligned = alignedPair(u, v);
    const start = performance.now();
    let frame = 0;
    const loop = (now: number) => {
      frame = requestAnimationFrame(loop);
      // Back and forth along the geodesic.
      const phase = ((now - start) % (2 * travelMilliseconds)) / travelMilliseconds;
      const t = phase <= 1 ? phase : 2 - phase;
      marker.position.set(...slerp(aligned.u, aligned.v, t));
      controls.update();
      renderer.render(scene, camera);
    };
    frame = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(frame);
      controls.dispose();
      scene.traverse((object) => {
        if (object instanceof THREE.Mesh || object instanceof THREE.Line) {
          object.geometry.dispose();
          const materials = Array.isArray(object.material) ? object.material : [object.material];
          for (const material of materials) material.dispose();
        }
      });
      renderer.dispose();
      renderer.domElement.remove();
      stateRef.current = null;
    };
  }, [u, v, theme, colours, height]);
  return (
    <div className="scene-host" ref={hostRef} style={{ height }} data-testid="grassmann-sphere" />
  );
}
