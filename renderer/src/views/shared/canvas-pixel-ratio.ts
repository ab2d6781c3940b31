// Device pixels per CSS pixel for a canvas inside `element`: the screen's ratio times the CSS zoom
// the element sits under (presenter mode zooms the view). A canvas whose backing store is sized by
// devicePixelRatio alone is stretched by the zoom and drawn soft.

/** `currentCSSZoom` (Chromium 128+, Firefox, Safari 18) or, where missing, the drawn/laid-out width. */
export function cssZoomOf(element: HTMLElement): number {
  const zoom = (element as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
  if (typeof zoom === 'number' && zoom > 0) return zoom;
  const laidOut = element.offsetWidth;
  const drawn = element.getBoundingClientRect().width;
  return laidOut > 0 && drawn > 0 ? drawn / laidOut : 1;
}

/** Rounded to hundredths so a sub-pixel wobble does not resize the canvas every frame. */
export function canvasPixelRatio(element: HTMLElement): number {
  const ratio = (window.devicePixelRatio || 1) * cssZoomOf(element);
  return Math.round(ratio * 100) / 100;
}
