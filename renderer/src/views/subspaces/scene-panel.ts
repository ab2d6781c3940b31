// One side of the small subspace picture drawn as a vector-figure panel from a given camera: the
// spaces and vectors rebuilt in the figure's theme, drawn as SVG paths (export/vector-scene.ts),
// with each space's label anchored where the scene puts it and the lines labels must keep off.
// The SVG export draws it from the canvas's live camera; the motion export from a camera per frame.
import type * as THREE from 'three';
import { disposeScene } from '../../export/scene-tessellation';
import { drawSceneAsSvg } from '../../export/vector-scene';
import type { SceneVector } from '../../figures/subspace-interaction';
import {
  arrow,
  buildSpaceScene,
  labelAnchor,
  labelGuides,
  screenPoint,
  type SceneSpace,
} from '../../figures/subspace-scene';
import type { FigureTheme } from '../../figures/theme';
import type { VectorScenePanel } from '../../figures/vector-scene-figure';

export interface LabelledSpace extends SceneSpace {
  label: string;
}

export interface ScenePanelInput {
  ambient: number;
  spaces: readonly LabelledSpace[];
  vectors: readonly SceneVector[];
  camera: THREE.Camera;
  /** The point the camera looks at (where dash lengths are measured). */
  focus: THREE.Vector3;
  width: number;
  height: number;
  theme: FigureTheme;
  /** The screen's ink: vectors drawn in it take the figure's ink instead. */
  screenInk?: string;
}

export function scenePanel(input: ScenePanelInput): Omit<VectorScenePanel, 'title'> {
  const { ambient, spaces, vectors, camera, width, height, theme } = input;
  const scene = buildSpaceScene(ambient, [...spaces], theme);
  for (const vector of vectors) {
    const colour = vector.colour === input.screenInk ? theme.ink : vector.colour;
    scene.add(arrow(vector.tip, colour, vector.name));
  }
  let drawing: string;
  try {
    drawing = drawSceneAsSvg(scene, camera, width, height, { focus: input.focus });
  } finally {
    disposeScene(scene);
  }
  const labels = spaces.map((space, index) => ({
    ...screenPoint(labelAnchor(space, index), camera, width, height),
    text: space.label,
    colour: space.colour,
  }));
  const avoid = labelGuides(
    spaces,
    vectors.map((vector) => vector.tip),
    camera,
    width,
    height,
  );
  return { width, height, drawing, labels, avoid };
}
