// One three.js scene of the Subspaces view (on the shared canvas hook): orbit (drag), zoom
// (wheel), reset; DOM labels that follow their 3D anchors each frame; and, on the domain side, a
// vector tip one can drag (tip-drag.ts).
import { useImperativeHandle, useRef, type Ref } from 'react';
import * as THREE from 'three';
import { aroundPoint, placeLabels } from '../../figures/label-placement';
import type { SceneVector } from '../../figures/subspace-interaction';
import {
  arrow,
  buildSpaceScene,
  labelAnchor,
  labelGuides,
  screenPoint,
  setArrow,
} from '../../figures/subspace-scene';
import type { FigureTheme } from '../../figures/theme';
import type { VectorScenePanel } from '../../figures/vector-scene-figure';
import { useThreeCanvas } from '../shared/use-three-canvas';
import { scenePanel, type LabelledSpace } from './scene-panel';
import { attachTipDrag } from './tip-drag';

export type { LabelledSpace, SceneVector };

export interface SubspaceCanvasHandle {
  resetCamera(): void;
  /** The live camera, the point it orbits and the canvas size (null before WebGL draws). */
  view(): {
    camera: THREE.PerspectiveCamera;
    focus: THREE.Vector3;
    width: number;
    height: number;
  } | null;
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

const camera = {
  fov: 40,
  near: 0.1,
  far: 100,
  home: [5.2, -6.4, 4.2] as THREE.Vector3Tuple,
};

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
  const vectorsRef = useRef(vectors);
  vectorsRef.current = vectors;
  const dragRef = useRef(drag);
  dragRef.current = drag;

  const canvas = useThreeCanvas(
    ({ renderer, camera: view, controls }) => {
      const scene = buildSpaceScene(ambient, spaces, theme);
      const arrows = new Map<string, THREE.ArrowHelper>();
      // Each label's last place, tried first next frame so labels do not hop while one orbits.
      const lastCandidates: number[] = [];
      const detach = attachTipDrag(renderer.domElement, view, controls, ambient, () => {
        const current = dragRef.current;
        if (!current) return undefined;
        return {
          tip: () => vectorsRef.current.find((vector) => vector.name === current.vector)?.tip,
          onDrag: current.onDrag,
        };
      });
      return {
        scene,
        dispose: detach,
        beforeRender() {
          for (const vector of vectorsRef.current) {
            const helper = arrows.get(vector.name);
            if (helper) setArrow(helper, vector.tip);
            else {
              const created = arrow(vector.tip, vector.colour, vector.name);
              arrows.set(vector.name, created);
              scene.add(created);
            }
          }
        },
        afterRender() {
          // Layout pixels, in which the labels' transforms are read: under presenter mode's CSS
          // zoom the bounding rectangle is zoomed and would place labels off the canvas.
          const size = {
            width: renderer.domElement.clientWidth,
            height: renderer.domElement.clientHeight,
          };
          const elements = spaces.map((_, index) => labelRefs.current[index]);
          if (elements.some((element) => !element)) return;
          // Labels keep off one another, off the lines of line-shaped spaces (a line through its
          // own name reads as struck out) and off the vectors' shafts, inside the canvas.
          const guides = labelGuides(
            spaces,
            vectorsRef.current.map((vector) => vector.tip),
            view,
            size.width,
            size.height,
          );
          const placed = placeLabels(
            spaces.map((space, index) => {
              const element = elements[index]!;
              const anchor = screenPoint(labelAnchor(space, index), view, size.width, size.height);
              return {
                width: element.offsetWidth,
                height: element.offsetHeight,
                candidates: aroundPoint(anchor, element.offsetWidth, element.offsetHeight, 6),
                preferred: lastCandidates[index],
              };
            }),
            {
              segments: guides,
              bounds: { x: 4, y: 4, width: size.width - 8, height: size.height - 8 },
            },
          );
          placed.forEach((box, index) => {
            lastCandidates[index] = box.candidate;
            elements[index]!.style.transform = `translate(${box.x}px, ${box.y}px)`;
          });
        },
      };
    },
    [ambient, spaces, theme],
    hostRef,
    {
      height,
      minimumWidth: 120,
      testId: `${testId}-canvas`,
      label: `${title}: ${spaces.map((space) => space.label).join('; ')}`,
      camera,
      controls: { minDistance: 2, maxDistance: 30 },
    },
  );

  function view() {
    const parts = canvas.parts.current;
    if (!parts) return null;
    const size = parts.renderer.getSize(new THREE.Vector2());
    return { camera: parts.camera, focus: parts.controls.target, width: size.x, height: size.y };
  }

  useImperativeHandle(handle, () => ({
    resetCamera: canvas.resetCamera,
    view,
    vector(figureTheme) {
      const current = view();
      if (!current) return null;
      // The same spaces, vectors and camera, in the figure's colours.
      return scenePanel({
        ambient,
        spaces,
        vectors: vectorsRef.current,
        ...current,
        theme: figureTheme,
        screenInk: theme.ink,
      });
    },
  }));

  return (
    <figure className="scene">
      <figcaption>{title}</figcaption>
      <div className="scene-host" ref={hostRef} data-testid={testId} style={{ height }}>
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
