// Saves an interactive figure as one HTML file: the figure kind's script (built by the vite plugin
// of scripts/interactive-runtime.ts, loaded only when first asked for) inlined beside the data.
import { buildInteractiveHtml } from './interactive-html';
import type { InteractiveFigureData } from './interactive-data';
import { fileNameFor, saveBlob } from './save-file';

/** The kind's script. The import strings stay literal so the bundler can see each module. */
async function runtimeFor(kind: InteractiveFigureData['kind']): Promise<string> {
  if (kind === 'subspaces')
    return (await import('virtual:rankscope-interactive-runtime/subspaces')).default;
  if (kind === 'scree')
    return (await import('virtual:rankscope-interactive-runtime/scree')).default;
  return (await import('virtual:rankscope-interactive-runtime/reduction')).default;
}

/** The whole file's text. */
export async function interactiveHtml(data: InteractiveFigureData): Promise<string> {
  return buildInteractiveHtml(data, await runtimeFor(data.kind));
}

/** Builds the file and hands it to the save path every export uses; returns its name. */
export async function saveInteractiveHtml(
  data: InteractiveFigureData,
  name: string,
): Promise<string> {
  const fileName = fileNameFor(`${name} interactive`, 'html');
  saveBlob(new Blob([await interactiveHtml(data)], { type: 'text/html' }), fileName);
  return fileName;
}
