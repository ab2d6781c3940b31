// The four subspaces in 3D as a standalone page: the Subspaces view's scene builder
// (figures/subspace-scene.ts) in two WebGL canvases — the domain with the row and null spaces, the
// codomain with the column and left null spaces — each orbited by dragging and zoomed with the
// wheel; in the domain the tip of x can be dragged, and x splits into x_row + x_null while
// A x = A x_row is drawn in the codomain; Play animates A sending x_null to 0.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { spaceColours } from '../../figures/big-picture';
import { attachKeyboardOrbit } from '../../figures/keyboard-orbit';
import { applyMatrix, realSpace, spaceLabel, splitVector } from '../../figures/subspace-geometry';
import {
  draggedTip,
  easeInOut,
  labelCentre,
  onCanvas,
  sceneVectors,
  type SceneVector,
} from '../../figures/subspace-interaction';
import {
  arrow,
  buildSpaceScene,
  labelAnchor,
  setArrow,
  type SceneSpace,
} from '../../figures/subspace-scene';
import { formatValue } from '../../figures/svg';
import { lightTheme } from '../../figures/theme';
import type { Matrix } from '../../../../core/linalg/matrix';
import { element, figureRoot, footer, publish, readFigureData } from './figure-page';

const data = readFigureData('subspaces');
const theme = lightTheme;
const cameraHome = new THREE.Vector3(5.2, -6.4, 4.2);

/** Basis vectors (one per entry) as the column-major Matrix the scene builders take. */
function basisMatrix(vectors: number[][], ambient: number): Matrix {
  const result = new Float64Array(ambient * vectors.length);
  vectors.forEach((vector, j) => result.set(vector, j * ambient));
  return { rows: ambient, cols: vectors.length, data: result };
}

const a: Matrix = {
  rows: data.rows,
  cols: data.cols,
  data: Float64Array.from(
    { length: data.rows * data.cols },
    (_, k) => data.matrix[k % data.rows][Math.floor(k / data.rows)],
  ),
};
const rowBasis = basisMatrix(data.bases.row, data.cols);

interface LabelledSpace extends SceneSpace {
  label: string;
}

const domainSpaces: LabelledSpace[] = [
  {
    key: 'row',
    basis: rowBasis,
    ambient: data.cols,
    colour: spaceColours.row,
    label: spaceLabel('row space', data.cols, data.rank),
  },
  {
    key: 'null',
    basis: basisMatrix(data.bases.null, data.cols),
    ambient: data.cols,
    colour: spaceColours.null,
    label: spaceLabel('null space', data.cols, data.cols - data.rank),
  },
];
const codomainSpaces: LabelledSpace[] = [
  {
    key: 'column',
    basis: basisMatrix(data.bases.column, data.rows),
    ambient: data.rows,
    colour: spaceColours.column,
    label: spaceLabel('column space', data.rows, data.rank),
  },
  {
    key: 'leftNull',
    basis: basisMatrix(data.bases.leftNull, data.rows),
    ambient: data.rows,
    colour: spaceColours.leftNull,
    label: spaceLabel('left null space', data.rows, data.rows - data.rank),
  },
];

let x = data.x.slice();
let phase = 1;

function vectors(): ReturnType<typeof sceneVectors> {
  return sceneVectors(a, rowBasis, x, phase, theme.ink);
}

interface Scene {
  camera: THREE.PerspectiveCamera;
  controls: OrbitControls;
  canvas: HTMLCanvasElement;
  render(): void;
}

function sceneFigure(
  title: string,
  ambient: number,
  spaces: LabelledSpace[],
  vectors: () => SceneVector[],
  testId: string,
  draggable: boolean,
): { figure: HTMLElement; start(): Scene | null } {
  const host = element('div', { class: 'scene-host', 'data-testid': testId });
  const labels = spaces.map((space) =>
    element('div', { class: 'space-label', style: `border-color: ${space.colour}` }, [space.label]),
  );
  host.append(...labels);
  const figure = element('figure', {}, [element('figcaption', {}, [title]), host]);
  function start(): Scene | null {
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    } catch {
      host.prepend(
        element('p', {}, ['WebGL is not available here, so the 3D scene cannot be drawn.']),
      );
      return null;
    }
    const width = Math.max(240, host.clientWidth);
    const height = host.clientHeight || 360;
    renderer.setPixelRatio(window.devicePixelRatio || 1);
    renderer.setSize(width, height);
    renderer.domElement.setAttribute('data-testid', `${testId}-canvas`);
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
    const arrows = new Map<string, THREE.ArrowHelper>();
    new ResizeObserver(() => {
      const next = Math.max(240, host.clientWidth);
      renderer.setSize(next, height);
      camera.aspect = next / height;
      camera.updateProjectionMatrix();
    }).observe(host);
    if (draggable) dragTip(renderer.domElement, camera, controls, ambient);
    attachKeyboardOrbit(renderer.domElement, {
      camera,
      controls,
      home: () => {
        camera.position.copy(cameraHome);
        controls.target.set(0, 0, 0);
        controls.update();
      },
    });
    const render = () => {
      controls.update();
      for (const vector of vectors()) {
        const helper = arrows.get(vector.name);
        if (helper) setArrow(helper, vector.tip);
        else {
          const created = arrow(vector.tip, vector.colour, vector.name);
          arrows.set(vector.name, created);
          scene.add(created);
        }
      }
      renderer.render(scene, camera);
      const bounds = renderer.domElement.getBoundingClientRect();
      spaces.forEach((space, index) => {
        const label = labels[index];
        const anchor = onCanvas(labelAnchor(space, index), camera, bounds.width, bounds.height);
        const size = { width: label.offsetWidth, height: label.offsetHeight };
        const { x: left, y: top } = labelCentre(anchor, size, bounds);
        label.style.transform = `translate(${left}px, ${top}px) translate(-50%, -50%)`;
      });
    };
    return { camera, controls, canvas: renderer.domElement, render };
  }
  return { figure, start };
}

/** Dragging the tip of x: it follows the pointer (figures/subspace-interaction.ts: draggedTip). */
function dragTip(
  canvas: HTMLCanvasElement,
  camera: THREE.PerspectiveCamera,
  controls: OrbitControls,
  ambient: number,
): void {
  const pointer = new THREE.Vector2();
  let dragging = false;
  canvas.addEventListener('pointerdown', (event) => {
    const bounds = canvas.getBoundingClientRect();
    const tip = onCanvas(x, camera, bounds.width, bounds.height);
    if (
      Math.hypot(tip.x - (event.clientX - bounds.left), tip.y - (event.clientY - bounds.top)) > 16
    )
      return;
    dragging = true;
    controls.enabled = false;
    canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!dragging) return;
    const bounds = canvas.getBoundingClientRect();
    pointer.set(
      ((event.clientX - bounds.left) / bounds.width) * 2 - 1,
      -((event.clientY - bounds.top) / bounds.height) * 2 + 1,
    );
    const next = draggedTip(camera, pointer, x, ambient);
    if (!next) return;
    x = next;
    phase = 1;
    updateReadout();
  });
  const release = (event: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    controls.enabled = true;
    canvas.releasePointerCapture(event.pointerId);
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
}

function vectorText(vector: readonly number[]): string {
  return `(${vector.map((value) => formatValue(Math.abs(value) < 1e-12 ? 0 : value)).join(', ')})`;
}

const readout = element('p', { class: 'readout', 'data-testid': 'vector-readout' });
function updateReadout(): void {
  const split = splitVector(rowBasis, x);
  const image = applyMatrix(a, x);
  const parts: [string, string][] = [
    [theme.ink, `x = ${vectorText(x)}`],
    [spaceColours.row, `x_row = ${vectorText(split.row)}`],
    [spaceColours.null, `x_null = ${vectorText(split.null)}`],
    [spaceColours.column, `Ax = A x_row = ${vectorText(image)}`],
    [spaceColours.null, 'A x_null = 0'],
  ];
  readout.innerHTML = '';
  readout.append(
    ...parts.map(([colour, text]) => element('span', { style: `color: ${colour}` }, [text])),
  );
  const { codomainScale } = vectors();
  if (codomainScale > 1)
    readout.append(
      element('span', { class: 'muted' }, [
        `(codomain drawn at 1/${formatValue(codomainScale)} scale)`,
      ]),
    );
}

const domain = sceneFigure(
  `Domain ${realSpace(data.cols)}: drag the tip of x`,
  data.cols,
  domainSpaces,
  () => vectors().domain,
  'domain-scene',
  true,
);
const codomain = sceneFigure(
  `Codomain ${realSpace(data.rows)}`,
  data.rows,
  codomainSpaces,
  () => vectors().codomain,
  'codomain-scene',
  false,
);

function play(): void {
  const begin = performance.now();
  const step = (now: number) => {
    const t = Math.min(1, (now - begin) / 1600);
    phase = easeInOut(t);
    if (t < 1) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

const playButton = element('button', { type: 'button' }, ['Play A: x ↦ Ax']);
const resetButton = element('button', { type: 'button' }, ['Reset camera']);
figureRoot().append(
  element('div', { class: 'toolbar' }, [
    playButton,
    resetButton,
    element('span', { class: 'muted' }, [`A is ${data.rows} × ${data.cols}, rank ${data.rank}`]),
  ]),
  element('div', { class: 'scenes' }, [domain.figure, codomain.figure]),
  readout,
  footer(
    'Orbit by dragging, zoom with the wheel, or click a scene and use the arrow keys and + and −. x splits into its row-space part and its null-space part; A sends the null-space part to 0, so Ax = A x_row lies in the column space. Made with Rankscope.',
  ),
);
updateReadout();
const scenes = [domain.start(), codomain.start()].filter((scene): scene is Scene => scene !== null);
playButton.addEventListener('click', play);
resetButton.addEventListener('click', () => {
  for (const scene of scenes) {
    scene.camera.position.copy(cameraHome);
    scene.controls.target.set(0, 0, 0);
    scene.controls.update();
  }
});
const loop = () => {
  requestAnimationFrame(loop);
  for (const scene of scenes) scene.render();
};
loop();
publish({
  x: () => x.slice(),
  /** Where the tip of x is drawn, in the domain canvas's pixels. */
  tipOnScreen: () => {
    if (!scenes[0]) return null;
    const bounds = scenes[0].canvas.getBoundingClientRect();
    return onCanvas(x, scenes[0].camera, bounds.width, bounds.height);
  },
  cameraPosition: (which: 0 | 1) => scenes[which]?.camera.position.toArray() ?? null,
  play,
});
