// One self-contained HTML file for an interactive figure: the figure's data as embedded JSON and
// its script inlined (a standalone bundle of the same figure builders the app draws with, made by
// scripts/interactive-runtime.ts), so it needs no network, opens from disk and works inside a
// course page's iframe. A Content-Security-Policy forbids every load, so the file provably
// fetches nothing. Pure string building.
import { escapeXml } from '../figures/svg';
import { figureDataId, type InteractiveFigureData } from './interactive-data';

/** JSON safe inside <script>: no "</script>", no line separators JavaScript rejects. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A script's source made safe inside <script>…</script>. */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export const interactiveCsp =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:";

const styles = `
:root { color-scheme: light; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1c1c21; background: #fff; }
main { padding: 12px 16px; max-width: 1100px; margin: 0 auto; }
h1 { font-size: 17px; margin: 0 0 8px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0 10px; }
button, select, input[type=range] { font: inherit; }
button { border: 1px solid #c9c9d3; background: #f6f6f9; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
button:disabled { opacity: 0.45; cursor: default; }
button:focus-visible, select:focus-visible { outline: 2px solid #4f46e5; outline-offset: 1px; }
.muted { color: #62626e; }
.scenes { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.scene-host { position: relative; height: 360px; border: 1px solid #e6e6ec; border-radius: 8px; overflow: hidden; touch-action: none; }
.scene-host canvas { display: block; }
.scene-host canvas:focus-visible { outline: 2px solid #2563eb; outline-offset: -3px; }
.space-label { position: absolute; left: 0; top: 0; pointer-events: none; font-size: 12px; background: rgba(255,255,255,0.85); border-left: 3px solid; padding: 1px 5px; border-radius: 3px; white-space: nowrap; }
.readout { display: flex; flex-wrap: wrap; gap: 2px 14px; }
.readout span { white-space: nowrap; }
.plot { position: relative; }
.cursor { position: absolute; left: 0; top: 0; width: 10px; height: 10px; margin: -6px 0 0 -6px; border: 2px solid #1c1c21; border-radius: 50%; pointer-events: none; }
.tooltip { position: absolute; left: 0; top: 0; background: #1c1c21; color: #fff; padding: 3px 8px; border-radius: 5px; font-size: 12px; pointer-events: none; white-space: nowrap; }
.stepper svg { max-width: 100%; height: auto; }
footer { margin-top: 10px; font-size: 12px; color: #62626e; }
`;

/** The whole file. `runtime` is the figure kind's script (see scripts/interactive-runtime.ts). */
export function buildInteractiveHtml(data: InteractiveFigureData, runtime: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${interactiveCsp}">`,
    '<meta name="generator" content="Rankscope">',
    `<title>${escapeXml(data.title)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    `<main id="rankscope-figure" data-kind="${data.kind}"><h1>${escapeXml(data.title)}</h1></main>`,
    '<noscript><p>This figure needs JavaScript to be interactive.</p></noscript>',
    `<script type="application/json" id="${figureDataId}">${scriptJson(data)}</script>`,
    `<script>${inlineScript(runtime)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
