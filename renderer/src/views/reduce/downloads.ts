// Saving and copying from the renderer without the host: text through the shared download
// helper, and the clipboard API. Browser-only helpers.
import { saveBlob } from '../../export/save-file';

export function downloadText(text: string, fileName: string, type: string): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/** Copies text; false when the clipboard is not available (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A file name from a matrix name: "Worked example" → "worked-example". */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'matrix' : stem.slice(0, 60);
}
