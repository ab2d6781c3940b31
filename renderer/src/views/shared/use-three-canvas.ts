// One three.js canvas in a host element: a WebGL renderer sized to the host's width (kept so by a
// ResizeObserver), a z-up perspective camera with damped orbit controls (mouse, and the keyboard
// once the canvas has focus: figures/keyboard-orbit.ts), a frame loop, a sentence
// instead of the canvas where WebGL is missing, and everything disposed when the scene changes.
// The view builds the scene; drawAsSvg draws another scene from the same camera for export.
import { useEffect, useRef, type DependencyList, type RefObject } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { disposeScene } from '../../export/scene-tessellation';
import { drawSceneAsSvg, type VectorSceneOptions } from '../../export/vector-scene';
import { attachKeyboardOrbit } from '../../figures/keyboard-orbit';
import { canvasPixelRatio } from './canvas-pixel-ratio';

export interface ThreeCanvasOptions {
  height: number;
  /** Narrowest drawing width, in pixels, however narrow the host. */
  minimumWidth: number;
  /** data-testid and aria-label of the canvas element. */
  testId: string;
  label: string;
  camera: {
    fov: number;
    near: number;
    far: number;
    home: THREE.Vector3Tuple;
  };
  controls?: { minDistance?: number; maxDistance?: number };
}

export interface ThreeParts {
  renderer: THREE.WebGLRenderer;
  camera: THREE.PerspectiveCamera;
  controls: OrbitControls;
  scene: THREE.Scene;
}

/** The scene a view builds for the canvas, and what it does each frame. */
export interface ThreeSceneSetup {
  scene: THREE.Scene;
  /** Before the frame is drawn (camera already moved by the controls): animate here. */
  beforeRender?(now: number): void;
  /** After the frame is drawn: place DOM overlays (labels) by the camera of this frame. */
  afterRender?(): void;
  /** Extra teardown (listeners the view added to the canvas). */
  dispose?(): void;
}

export interface ThreeCanvas {
  /** The live renderer, camera, controls and scene, or null before WebGL draws. */
  parts: RefObject<ThreeParts | null>;
  resetCamera(): void;
  /**
   * `scene` (built in the figure's colours) drawn as SVG from the canvas's camera, then disposed;
   * null before WebGL draws.
   */
  drawAsSvg(
    scene: THREE.Scene,
    options?: Omit<VectorSceneOptions, 'focus'>,
  ): { width: number; height: number; drawing: string } | null;
}

const unavailableText = 'WebGL is not available here, so the 3D scene cannot be drawn.';

/**
 * Draws `setup(parts)`'s scene in `hostRef`'s element. The canvas is rebuilt when `deps` (what
 * the scene is built from) or the options change.
 */
export function useThreeCanvas(
  setup: (parts: Omit<ThreeParts, 'scene'>) => ThreeSceneSetup,
  deps: DependencyList,
  hostRef: RefObject<HTMLElement | null>,
  options: ThreeCanvasOptions,
): ThreeCanvas {
  const partsRef = useRef<ThreeParts | null>(null);
  const setupRef = useRef(setup);
  setupRef.current = setup;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const { height, minimumWidth, testId, label } = options;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { camera: view, controls: limits } = optionsRef.current;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    } catch {
      const note = document.createElement('p');
      note.className = 'figure-error';
      note.textContent = unavailableText;
      host.prepend(note);
      return () => note.remove();
    }
    const width = Math.max(minimumWidth, host.clientWidth);
    renderer.setPixelRatio(canvasPixelRatio(host));
    renderer.setSize(width, height);
    renderer.domElement.setAttribute('data-testid', testId);
    renderer.domElement.setAttribute('aria-label', label);
    host.prepend(renderer.domElement);
    const camera = new THREE.PerspectiveCamera(view.fov, width / height, view.near, view.far);
    camera.up.set(0, 0, 1);
    camera.position.set(...view.home);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.enableDamping = true;
    if (limits?.minDistance !== undefined) controls.minDistance = limits.minDistance;
    if (limits?.maxDistance !== undefined) controls.maxDistance = limits.maxDistance;
    const home = () => {
      camera.position.set(...view.home);
      controls.target.set(0, 0, 0);
      controls.update();
    };
    const detachKeys = attachKeyboardOrbit(renderer.domElement, { camera, controls, home });
    const built = setupRef.current({ renderer, camera, controls });
    const { scene } = built;
    partsRef.current = { renderer, camera, controls, scene };

    const resize = new ResizeObserver(() => {
      const next = Math.max(minimumWidth, host.clientWidth);
      renderer.setSize(next, height);
      camera.aspect = next / height;
      camera.updateProjectionMatrix();
    });
    resize.observe(host);

    let frame = 0;
    const loop = (now: number) => {
      frame = requestAnimationFrame(loop);
      // Presenter mode's CSS zoom (or a move to another screen) changes the device pixels the
      // canvas covers: draw at that many, or the scene is upscaled and soft.
      const ratio = canvasPixelRatio(host);
      if (ratio !== renderer.getPixelRatio()) {
        renderer.setPixelRatio(ratio);
        renderer.setSize(Math.max(minimumWidth, host.clientWidth), height);
      }
      controls.update();
      built.beforeRender?.(now);
      renderer.render(scene, camera);
      built.afterRender?.();
    };
    loop(performance.now());

    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      built.dispose?.();
      detachKeys();
      controls.dispose();
      disposeScene(scene);
      renderer.dispose();
      renderer.domElement.remove();
      partsRef.current = null;
    };
    // The scene is rebuilt from the caller's deps; setup itself is read through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hostRef, height, minimumWidth, testId, label, ...deps]);

  return {
    parts: partsRef,
    resetCamera() {
      const parts = partsRef.current;
      if (!parts) return;
      parts.camera.position.set(...optionsRef.current.camera.home);
      parts.controls.target.set(0, 0, 0);
      parts.controls.update();
    },
    drawAsSvg(scene, drawOptions = {}) {
      const parts = partsRef.current;
      try {
        if (!parts) return null;
        const size = parts.renderer.getSize(new THREE.Vector2());
        const drawing = drawSceneAsSvg(scene, parts.camera, size.x, size.y, {
          ...drawOptions,
          focus: parts.controls.target,
        });
        return { width: size.x, height: size.y, drawing };
      } finally {
        disposeScene(scene);
      }
    },
  };
}
