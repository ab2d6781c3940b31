// A three.js scene drawn as SVG for figure export: the same scene and camera as on screen, cut
// finely (scene-tessellation.ts) and rendered by three's SVGRenderer into depth-sorted paths, so
// SVG and PDF exports hold the 3D picture as vectors rather than a bitmap.
import * as THREE from 'three';
import { SVGRenderer } from 'three/addons/renderers/SVGRenderer.js';
import { element } from '../figures/svg';
import { disposeScene, tessellateScene } from './scene-tessellation';

export interface VectorSceneOptions {
  /** The point the camera looks at (the orbit target), where dash lengths are measured. */
  focus?: THREE.Vector3;
  /** The longest edge left for depth sorting, in world units. */
  maxEdge?: number;
}

/** SVGRenderer's `style` ("fill:rgb(…);fill-opacity:0.28") as presentation attributes. */
export function styleAttributes(style: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    // SVGRenderer writes "undefined" for properties the material lacks.
    if (name && value && value !== 'undefined') attributes[name] = value;
  }
  return attributes;
}

/** Screen pixels per world unit at `focus`, for a camera drawing `height` pixels tall. */
function pixelsPerUnit(camera: THREE.Camera, focus: THREE.Vector3, height: number): number {
  if (camera instanceof THREE.PerspectiveCamera) {
    const distance = camera.position.distanceTo(focus);
    const halfHeight = distance * Math.tan(THREE.MathUtils.degToRad(camera.fov / 2));
    return halfHeight > 0 ? height / 2 / (halfHeight / camera.zoom) : 1;
  }
  if (camera instanceof THREE.OrthographicCamera)
    return (height * camera.zoom) / (camera.top - camera.bottom);
  return 1;
}

/**
 * The scene as SVG elements in pixel coordinates (0…width, 0…height), drawn from the camera
 * exactly as the WebGL canvas of that size shows it; the background is left to the caller.
 */
export function drawSceneAsSvg(
  scene: THREE.Object3D,
  camera: THREE.Camera,
  width: number,
  height: number,
  options: VectorSceneOptions = {},
): string {
  camera.updateMatrixWorld();
  const prepared = tessellateScene(scene, {
    maxEdge: options.maxEdge ?? 0.4,
    dashScale: pixelsPerUnit(camera, options.focus ?? new THREE.Vector3(), height),
  });
  // The caller draws the background: SVGRenderer would only set a CSS colour on its own root.
  prepared.background = null;
  const renderer = new SVGRenderer();
  renderer.setSize(width, height);
  renderer.setPrecision(2);
  // No enlarged triangles: overlapping translucent neighbours would show darker seams.
  renderer.overdraw = 0;
  try {
    renderer.render(prepared, camera);
    const paths = Array.from(renderer.domElement.querySelectorAll('path'), (path) => {
      const paint = styleAttributes(path.getAttribute('style') ?? '');
      // Opaque faces get a hairline of their own colour: it closes the anti-aliasing seams
      // between neighbouring triangles, which translucent faces would show as double-tinted.
      if (paint.fill && paint.fill !== 'none' && Number(paint['fill-opacity'] ?? 1) >= 1)
        Object.assign(paint, {
          stroke: paint.fill,
          'stroke-width': '0.5',
          'stroke-linejoin': 'round',
        });
      return element('path', { d: path.getAttribute('d') ?? '', ...paint });
    });
    // SVGRenderer puts the origin in the middle of its viewport.
    return element(
      'g',
      { transform: `translate(${width / 2} ${height / 2})`, 'data-testid': 'scene-vectors' },
      paths.join(''),
    );
  } finally {
    disposeScene(prepared);
  }
}
