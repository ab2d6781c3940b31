// How much presenter mode enlarges the view: the view is laid out as on a laptop screen about
// 1100×640 CSS pixels, then scaled to fill the projector, so its type reads from the back of a
// lecture hall (13 px type becomes about 22 px at 1920×1080). Never smaller than the workbench;
// rounded down to hundredths so the laid-out view never overflows the screen by a pixel.
export const presenterLayout = { width: 1100, height: 640 } as const;
export const largestPresenterZoom = 2.5;

export function presenterZoom(width: number, height: number): number {
  if (!(width > 0) || !(height > 0)) return 1;
  const fit = Math.min(width / presenterLayout.width, height / presenterLayout.height);
  return Math.floor(Math.min(largestPresenterZoom, Math.max(1, fit)) * 100) / 100;
}
