// Builds the script an interactive figure file inlines: one standalone bundle per figure kind
// (renderer/src/export/interactive/<kind>-runtime.ts with the figure builders it uses, three.js
// only for the 3D scene), minified into a string by vite. The renderer gets the strings through
// the virtual modules of interactiveRuntimePlugin (import 'virtual:rankscope-interactive-runtime/
// scree'), built only when first imported; tests call buildInteractiveRuntime directly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

export const interactiveKinds = ['subspaces', 'scree', 'reduction'] as const;
export type InteractiveKind = (typeof interactiveKinds)[number];

const root = fileURLToPath(new URL('..', import.meta.url));
const virtualPrefix = 'virtual:rankscope-interactive-runtime/';

function isKind(text: string): text is InteractiveKind {
  return (interactiveKinds as readonly string[]).includes(text);
}

/** The minified IIFE for one kind of figure. */
export async function buildInteractiveRuntime(kind: InteractiveKind): Promise<string> {
  const entry = path.join(root, 'renderer/src/export/interactive', `${kind}-runtime.ts`);
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      target: 'es2020',
      lib: { entry, formats: ['iife'], name: 'rankscopeInteractiveFigure' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`vite produced no script for the ${kind} figure`);
}

/** Serves `virtual:rankscope-interactive-runtime/<kind>` as `export default "<script>"`. */
export function interactiveRuntimePlugin(): Plugin {
  return {
    name: 'rankscope-interactive-runtime',
    resolveId(id) {
      return id.startsWith(virtualPrefix) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${virtualPrefix}`)) return null;
      const kind = id.slice(virtualPrefix.length + 1);
      if (!isKind(kind)) throw new Error(`no interactive figure of kind "${kind}"`);
      return `export default ${JSON.stringify(await buildInteractiveRuntime(kind))};`;
    },
  };
}
