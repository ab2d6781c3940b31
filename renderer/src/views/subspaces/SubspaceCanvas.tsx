// One three.js scene of the Subspaces view: orbit (drag), zoom (wheel), reset; DOM labels that
// follow their 3D anchors each frame; and, on the domain side, a vector tip one can drag.
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import {
  arrow,
  buildSpaceScene,
  labelAnchor,
  sceneExtent,
  setArrow,
  type SceneSpace,
} from '../../figures/subspace-scene';
import type { FigureTheme } from '../../figures/theme';
import { disposeScene } from '../../export/scene-tessellation';
import { drawSceneAsSvg } from '../../export/vector-scene';
import type { VectorScenePanel } from '../../figures/vector-scene-figure';

export interface LabelledSpace extends SceneSpace {
  label: string;
}

export interface SceneVector {
  name: string;
  tip: readonly number[];
  colour: string;
}

export interface SubspaceCanvasHandle {
  resetCamera(): void;
  /** The scene as it stands, drawn as SVG in the figure's theme (null before WebGL draws). */
  vector(theme: FigureTheme): Omit<VectorScenePanel, 'title'> | null;
}

export interface SubspaceCanvasProps {
  title: string;
  ambient: number;
  spaces: LabelledSpace[];
  vectors: SceneVector[];
  theme: FigureTheme;
  height: number;
  testId: string;
  /** Makes the vector with this name draggable; called with the new tip. */
  drag?: { vector: string; onDrag(tip: number[]): void };
  handle?: Ref<SubspaceCanvasHandle>;
  /** data-testid of the space labels ("space-label" unless told). */
  labelTestId?: string;
}

const cameraHome = new THREE.Vector3(5.2, -6.4, 4.2);

export function SubspaceCanvas({
  title,
  ambient,
  spaces,
  vectors,
  theme,
  height,
  testId,
  drag,
  handle,
  labelTestId = 'space-label',
}: SubspaceCanvasProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const labelRefs = useRef<(HTMLDivElement | null)[]>([]);
  const arrowsRef = useRef(new Map<string, THREE.ArrowHelper>());
  const stateRef = useRef<{
    renderer: THREE.WebGLRenderer;
    camera: THREE.PerspectiveCamera;
    controls: OrbitControls;
    scene: THREE.Scene;
  } | null>(null);
  const vectorsRef = useRef(vectors);
  vectorsRef.current = vectors;
  const dragRef = useRef(drag);
  dragRef.current = drag;
  const errorRef = useRef<HTMLParagraphElement>(null);

  useImperativeHandle(handle, () => ({
    resetCamera() {
      const state = stateRef.current;
      if (!state) return;
      state.camera.position.copy(cameraHome);
      state.controls.target.set(0, 0, 0);
      state.controls.update();
    },
    vector(figureTheme) {
      const state = stateRef.current;
      if (!state) return null;
      const size = state.renderer.getSize(new THREE.Vector2());
      // The same spaces, vectors and camera, in the figure's colours.
      const scene = buildSpaceScene(ambient, spaces, figureTheme);
      for (const vector of vectorsRef.current) {
        // Vectors drawn in the screen's ink take the figure's ink.
        const colour = vector.colour === theme.ink ? figureTheme.ink : vector.colour;
        scene.add(arrow(vector.tip, colour, vector.name));
      }
      try {
        const drawing = drawSceneAsSvg(scene, state.camera, size.x, size.y, {
          focus: state.controls.target,
        });
        const labels = spaces.map((space, index) => {
          const point = new THREE.Vector3(...labelAnchor(space, index)).project(state.camera);
          return {
            x: ((point.x + 1) / 2) * size.x,
            y: ((1 - point.y) / 2) * size.y,
            text: space.label,
            colour: space.colour,
          };
        });
        return { width: size.x, height: size.y, drawing, labels };
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
      if (errorRef.current) errorRef.current.hidden = false;
      return;
    }
    renderer.setPixelRatio(window.devicePixelRatio || 1);
    const width = Math.max(120, host.clientWidth);
    renderer.setSize(width, height);
    renderer.domElement.setAttribute('data-testid', `${testId}-canvas`);
    renderer.domElement.setAttribute('role', 'img');
    renderer.domElement.setAttribute(
      'aria-label',
      `${title}: ${spaces.map((space) => space.label).join('; ')}`,
    );
    host.prepend(renderer.domElement);
    const camera = new THREE.PerspectiveCamera(40, width / height, 0.1, 100);
    camera.up.set(0, 0, 1);
    camera.position.copy(cameraHome);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.enableDamping = true;
    controls.minDistance = 2;
    controls.maxDistance = 30;
    const scene = buildSpaceScene(ambient, spaces, theme);
    const arrows = arrowsRef.current;
    arrows.clear();
    stateRef.current = { renderer, camera, controls, scene };

    const resize = new ResizeObserver(() => {
      const next = Math.max(120, host.clientWidth);
      renderer.setSize(next, height);
      camera.aspect = next / height;
      camera.updateProjectionMatrix();
    });
    resize.observe(host);

    // Dragging the vector tip: move it in the plane through the tip facing the camera.
    const raycaster = new THREE.Raycaster();
    const pointer = new THREE.Vector2();
    let dragging = false;
    const tipOf = (name: string) => vectorsRef.current.find((vector) => vector.name === name)?.tip;
    const toScreen = (point: THREE.Vector3) => {
      const projected = point.clone().project(camera);
      const size = renderer.domElement.getBoundingClientRect();
      return { x: ((projected.x + 1) / 2) * size.width, y: ((1 - projected.y) / 2) * size.height };
    };
    const onPointerDown = (event: PointerEvent) => {
      const current = dragRef.current;
      const tip = current ? tipOf(current.vector) : undefined;
      if (!current || !tip) return;
      const bounds = renderer.domElement.getBoundingClientRect();
      const screen = toScreen(new THREE.Vector3(tip[0] ?? 0, tip[1] ?? 0, tip[2] ?? 0));
      if (
        Math.hypot(
          screen.x - (event.clientX - bounds.left),
          screen.y - (event.clientY - bounds.top),
        ) > 16
      )
        return;
      dragging = true;
      controls.enabled = false;
      renderer.domElement.setPointerCapture(event.pointerId);
      event.preventDefault();
    };
    const onPointerMove = (event: PointerEvent) => {
      const current = dragRef.current;
      const tip = current ? tipOf(current.vector) : undefined;
      if (!dragging || !current || !tip) return;
      const bounds = renderer.domElement.getBoundingClientRect();
      pointer.set(
        ((event.clientX - bounds.left) / bounds.width) * 2 - 1,
        -((event.clientY - bounds.top) / bounds.height) * 2 + 1,
      );
      raycaster.setFromCamera(pointer, camera);
      const normal = camera.getWorldDirection(new THREE.Vector3());
      const through = new THREE.Vector3(tip[0] ?? 0, tip[1] ?? 0, tip[2] ?? 0);
      // ℝ² and ℝ¹ live in the z = 0 plane: drag there so the vector stays in its space.
      const plane =
        ambient < 3
          ? new THREE.Plane(new THREE.Vector3(0, 0, 1), 0)
          : new THREE.Plane().setFromNormalAndCoplanarPoint(normal, through);
      const hit = raycaster.ray.intersectPlane(plane, new THREE.Vector3());
      if (!hit) return;
      const limit = sceneExtent;
      const next = [hit.x, hit.y, hit.z]
        .slice(0, ambient)
        .map((value) => Math.max(-limit, Math.min(limit, value)));
      current.onDrag(next);
    };
    const onPointerUp = (event: PointerEvent) => {
      if (!dragging) return;
      dragging = false;
      controls.enabled = true;
      renderer.domElement.releasePointerCapture(event.pointerId);
    };
    renderer.domElement.addEventListener('pointerdown', onPointerDown);
    renderer.domElement.addEventListener('pointermove', onPointerMove);
    renderer.domElement.addEventListener('pointerup', onPointerUp);

    let frame = 0;
    const projected = new THREE.Vector3();
    const loop = () => {
      frame = requestAnimationFrame(loop);
      controls.update();
      for (const vector of vectorsRef.current) {
        let helper = arrows.get(vector.name);
        if (!helper) {
          helper = arrow(vector.tip, vector.colour, vector.name);
          arrows.set(vector.name, helper);
          scene.add(helper);
        } else setArrow(helper, vector.tip);
      }
      renderer.render(scene, camera);
      const size = renderer.domElement.getBoundingClientRect();
      spaces.forEach((space, index) => {
        const element = labelRefs.current[index];
        if (!element) return;
        projected.set(...labelAnchor(space, index)).project(camera);
        // Keep the whole label inside the canvas.
        const halfWidth = element.offsetWidth / 2 + 4;
        const halfHeight = element.offsetHeight / 2 + 4;
        const x = Math.min(
          Math.max(((projected.x + 1) / 2) * size.width, halfWidth),
          size.width - halfWidth,
        );
        const y = Math.min(
          Math.max(((1 - projected.y) / 2) * size.height, halfHeight),
          size.height - halfHeight,
        );
        element.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
      });
    };
    loop();

    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      controls.dispose();
      renderer.domElement.removeEventListener('pointerdown', onPointerDown);
      renderer.domElement.removeEventListener('pointermove', onPointerMove);
      renderer.domElement.removeEventListener('pointerup', onPointerUp);
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
  }, [ambient, spaces, theme, height, testId, title]);

  return (
    <figure className="scene">
      <figcaption>{title}</figcaption>
      <div className="scene-host" ref={hostRef} data-testid={testId} style={{ height }}>
        <p className="figure-error" ref={errorRef} hidden>
          WebGL is not available here, so the 3D scene cannot be drawn.
        </p>
        {spaces.map((space, index) => (
          <div
            key={space.key}
            ref={(element) => {
              labelRefs.current[index] = element;
            }}
            className="space-label"
            data-testid={labelTestId}
            data-space={space.key}
            style={{ borderColor: space.colour }}
          >
            <span className="swatch" style={{ background: space.colour }} />
            {space.label}
          </div>
        ))}
      </div>
    </figure>
  );
}
