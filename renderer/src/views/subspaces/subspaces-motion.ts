// The small subspace picture in motion, for the export panel: each planned frame
// (export/motion/scene-motion-plan.ts) drawn by the same builders as the SVG export — both panels
// from cameras that start where the person left the view's cameras, turned about the vertical
// axis, with x, its split and its image at the frame's stage — at one size and scale, so only
// what moves moves. Browser only (the scenes draw through three's SVGRenderer).
import * as THREE from 'three';
import type { Matrix } from '../../../../core/linalg/matrix';
import { encodeMotion, type MotionFormat } from '../../export/motion/motion-export';
import { fitFigure, type FrameSize } from '../../export/motion/motion-plan';
import {
  sceneMotionPlan,
  scenePanelSize,
  type SceneMotionFrame,
  type SceneMotionKind,
} from '../../export/motion/scene-motion-plan';
import { svgSize } from '../../export/figure-frame';
import { interpolate } from '../../figures/subspace-geometry';
import { sceneVectors, type SceneVector } from '../../figures/subspace-interaction';
import type { FigureTheme } from '../../figures/theme';
import { placePanelLabels, type VectorScenePanel } from '../../figures/vector-scene-figure';
import { scenePanel, type LabelledSpace } from './scene-panel';
import type { SubspaceCanvasHandle } from './SubspaceCanvas';

export interface SceneMotionRequest extends FrameSize {
  kind: SceneMotionKind;
  seconds: number;
  /** Title and caption around each frame's figure (the export panel's). */
  decorate?(svg: string): string;
}

export interface SceneMotionInput {
  a: Matrix;
  rowBasis: Matrix;
  x: readonly number[];
  domain: {
    ambient: number;
    spaces: readonly LabelledSpace[];
    handle: SubspaceCanvasHandle | null;
  };
  codomain: {
    ambient: number;
    spaces: readonly LabelledSpace[];
    handle: SubspaceCanvasHandle | null;
  };
  /** The two panels as one figure: the SVG export's titles and note. */
  figure(panels: Omit<VectorScenePanel, 'title'>[], theme: FigureTheme): string;
}

/** GIF keeps hundredths of a second: 20 frames a second is exactly 5 of them. */
export const framesPerSecond: Record<MotionFormat, number> = { gif: 20, webm: 30 };

/** The vectors of both sides at a frame's stage of the split. */
export function vectorsAt(
  input: Pick<SceneMotionInput, 'a' | 'rowBasis' | 'x'>,
  frame: Pick<SceneMotionFrame, 'split' | 'map'>,
  ink: string,
): { domain: SceneVector[]; codomain: SceneVector[] } {
  const whole = sceneVectors(input.a, input.rowBasis, input.x, frame.map, ink);
  // x_row and x_null slide out of x's tip to their spaces; before they move, x is alone.
  const domain = whole.domain
    .filter((vector) => vector.name === 'x' || frame.split > 0)
    .map((vector) =>
      vector.name === 'x'
        ? vector
        : { ...vector, tip: interpolate(input.x, vector.tip, frame.split) },
    );
  // The codomain stays empty until A starts carrying the parts over.
  return { domain, codomain: frame.map > 0 ? whole.codomain : [] };
}

/** A camera like the view's, for a panel of this size, turned by `turn` about the focus's z axis. */
function turnedCamera(
  handle: SubspaceCanvasHandle | null,
  size: { width: number; height: number },
  turn: number,
): { camera: THREE.PerspectiveCamera; focus: THREE.Vector3 } {
  const view = handle?.view();
  if (!view) throw new Error('the 3D scene is not ready');
  const camera = view.camera.clone();
  camera.aspect = size.width / size.height;
  camera.updateProjectionMatrix();
  const focus = view.focus.clone();
  const offset = view.camera.position.clone().sub(focus);
  offset.applyAxisAngle(new THREE.Vector3(0, 0, 1), turn);
  camera.position.copy(focus).add(offset);
  camera.lookAt(focus);
  camera.updateMatrixWorld();
  return { camera, focus };
}

export function subspacesMotion(
  format: MotionFormat,
  input: SceneMotionInput,
  request: SceneMotionRequest,
  theme: FigureTheme,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  const frame = { width: request.width, height: request.height };
  const plan = sceneMotionPlan({ ...request, framesPerSecond: framesPerSecond[format] });
  const size = scenePanelSize(frame, theme.fontSize);
  let placement: ReturnType<typeof fitFigure> | null = null;
  // Each side's labels' last places, tried first next frame so they do not hop as the scene turns.
  const lastPlaces: (number | undefined)[][] = [[], []];
  return encodeMotion(
    format,
    plan,
    frame,
    (step) => {
      const vectors = vectorsAt(input, step, theme.ink);
      const panels = (['domain', 'codomain'] as const).map((side, index) => {
        const panel = {
          ...scenePanel({
            ambient: input[side].ambient,
            spaces: input[side].spaces,
            vectors: vectors[side],
            ...turnedCamera(input[side].handle, size, step.turn),
            ...size,
            theme,
          }),
          preferred: lastPlaces[index],
        };
        lastPlaces[index] = placePanelLabels(panel, theme).map((box) => box.candidate);
        return panel;
      });
      const figure = input.figure(panels, theme);
      const svg = request.decorate ? request.decorate(figure) : figure;
      // Every frame's figure has the same size; placed once, it never jumps.
      placement ??= fitFigure(svgSize(svg), frame, 0);
      return { svg, placement, background: theme.background };
    },
    onProgress,
  );
}
