// Figure export for every view: SVG, vector PDF, PNG at 1×/2×/4× (and TikZ where the view has it), with an
// optional title and caption and a print theme. Everything goes through the view's own builder.
// Views whose figure has a runtime (the 3D scenes, the scree plot) also save it as one interactive
// HTML file, its data embedded, that a reader can turn or hover offline.
import { useState } from 'react';
import { printTheme, type FigureTheme } from '../figures/theme';
import { frameFigure } from './figure-frame';
import type { InteractiveFigureData } from './interactive-data';
import { saveInteractiveHtml } from './interactive-export';
import { svgToPdf } from './pdf';
import type { MotionFormat } from './motion/motion-export';
import { motionSizes, type FrameSize } from './motion/motion-plan';
import { MotionSizeSelect } from './motion/MotionSizeSelect';
import { svgToPng, type PixelScale } from './rasterize';
import { fileNameFor, saveBlob } from './save-file';
import './export.css';

export interface FigureSource {
  /** Names the file: "scree plot" → scree-plot.svg. */
  name: string;
  /** The figure as SVG in a theme (the screen's, or the print theme). */
  svg(theme: FigureTheme): string | Promise<string>;
  /** pgfplots source, for the figures that have one. */
  tikz?: () => string;
  /** LaTeX source (e.g. the bases of the four subspaces), for the figures that have one. */
  latex?: () => string;
  /** The data of the interactive HTML figure, for the figures that have one. */
  interactive?: () => InteractiveFigureData;
  /** The figure in motion (GIF or WebM video), for the figures that move. */
  motion?: FigureMotion;
}

export interface MotionRequest extends FrameSize {
  kind: string;
  seconds: number;
  /** Adds the panel's title and caption to each frame's figure. */
  decorate(svg: string): string;
}

export interface FigureMotion {
  /** The motions on offer, the first the default. */
  kinds: readonly { kind: string; label: string }[];
  save(
    format: MotionFormat,
    request: MotionRequest,
    theme: FigureTheme,
    onProgress: (fraction: number) => void,
  ): Promise<Uint8Array>;
}

type Format =
  'svg' | 'pdf' | 'png-1' | 'png-2' | 'png-4' | 'tikz' | 'latex' | 'html' | MotionFormat;

/** Lengths offered for one loop of a motion, in seconds. */
const motionSeconds = [2, 4, 6, 8, 12];

export interface ExportPanelProps {
  source: FigureSource | null;
  screenTheme: FigureTheme;
}

export function ExportPanel({ source, screenTheme }: ExportPanelProps) {
  const [format, setFormat] = useState<Format>('svg');
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [print, setPrint] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [motionKind, setMotionKind] = useState('');
  const [motionSize, setMotionSize] = useState(1);
  const [seconds, setSeconds] = useState(6);
  const motion = format === 'gif' || format === 'webm' ? source?.motion : undefined;
  const kind = motion?.kinds.some((entry) => entry.kind === motionKind)
    ? motionKind
    : (motion?.kinds[0]?.kind ?? '');

  async function saveMotion(format: MotionFormat, theme: FigureTheme) {
    if (!source?.motion) throw new Error('this figure has no motion export');
    const { width, height } = motionSizes[motionSize];
    setStatus('Encoding… 0%');
    const bytes = await source.motion.save(
      format,
      {
        kind,
        width,
        height,
        seconds,
        decorate: (svg) => frameFigure(svg, { title, caption, theme }),
      },
      theme,
      (fraction) => setStatus(`Encoding… ${Math.round(fraction * 100)}%`),
    );
    const fileName = fileNameFor(`${source.name} ${kind} ${width}x${height}`, format);
    saveBlob(
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: format === 'gif' ? 'image/gif' : 'video/webm',
      }),
      fileName,
    );
    setStatus(`Saved ${fileName}`);
  }

  async function save() {
    if (!source) return;
    setBusy(true);
    try {
      const theme = print ? printTheme : screenTheme;
      if (format === 'gif' || format === 'webm') {
        await saveMotion(format, theme);
        return;
      }
      if (format === 'html') {
        if (!source.interactive) throw new Error('this figure has no interactive version');
        const data = source.interactive();
        if (title.trim()) data.title = title.trim();
        setStatus(`Saved ${await saveInteractiveHtml(data, source.name)}`);
        return;
      }
      if (format === 'latex') {
        if (!source.latex) throw new Error('this figure has no LaTeX export');
        const fileName = fileNameFor(`${source.name} latex`, 'tex');
        saveBlob(new Blob([source.latex()], { type: 'text/x-tex' }), fileName);
        setStatus(`Saved ${fileName}`);
        return;
      }
      if (format === 'tikz') {
        if (!source.tikz) throw new Error('this figure has no TikZ export');
        const fileName = fileNameFor(source.name, 'tex');
        saveBlob(new Blob([source.tikz()], { type: 'text/x-tex' }), fileName);
        setStatus(`Saved ${fileName}`);
        return;
      }
      const svg = frameFigure(await source.svg(theme), { title, caption, theme });
      if (format === 'svg') {
        const fileName = fileNameFor(source.name, 'svg');
        saveBlob(new Blob([svg], { type: 'image/svg+xml' }), fileName);
        setStatus(`Saved ${fileName}`);
      } else if (format === 'pdf') {
        const fileName = fileNameFor(source.name, 'pdf');
        saveBlob(await svgToPdf(svg), fileName);
        setStatus(`Saved ${fileName}`);
      } else {
        const scale = Number(format.slice(4)) as PixelScale;
        const fileName = fileNameFor(`${source.name}-${scale}x`, 'png');
        saveBlob(await svgToPng(svg, scale), fileName);
        setStatus(`Saved ${fileName}`);
      }
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="export-panel">
      <summary>Export figure</summary>
      <div className="export-form">
        <label>
          Format
          <select
            aria-label="Export format"
            value={format}
            onChange={(event) => setFormat(event.target.value as Format)}
          >
            <option value="svg">SVG (vector)</option>
            <option value="pdf">PDF (vector)</option>
            <option value="png-1">PNG 1×</option>
            <option value="png-2">PNG 2×</option>
            <option value="png-4">PNG 4×</option>
            {source?.tikz ? <option value="tikz">TikZ / pgfplots</option> : null}
            {source?.latex ? <option value="latex">LaTeX (bases)</option> : null}
            {source?.interactive ? (
              <option value="html">Interactive HTML (one file, offline)</option>
            ) : null}
            {source?.motion ? (
              <>
                <option value="gif">Animated GIF</option>
                <option value="webm">WebM video</option>
              </>
            ) : null}
          </select>
        </label>
        {motion ? (
          <>
            <label>
              Motion
              <select
                aria-label="Motion"
                value={kind}
                onChange={(event) => setMotionKind(event.target.value)}
              >
                {motion.kinds.map((entry) => (
                  <option key={entry.kind} value={entry.kind}>
                    {entry.label}
                  </option>
                ))}
              </select>
            </label>
            <MotionSizeSelect value={motionSize} onChange={setMotionSize} />
            <label>
              Length
              <select
                aria-label="Motion length"
                value={seconds}
                onChange={(event) => setSeconds(Number(event.target.value))}
              >
                {motionSeconds.map((value) => (
                  <option key={value} value={value}>
                    {value} s
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        <label>
          Title
          <input
            aria-label="Figure title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label>
          Caption
          <input
            aria-label="Figure caption"
            value={caption}
            onChange={(event) => setCaption(event.target.value)}
          />
        </label>
        <label className="export-check">
          <input
            type="checkbox"
            aria-label="Print theme"
            checked={print}
            onChange={(event) => setPrint(event.target.checked)}
          />
          Print theme (white paper, dark ink, large type)
        </label>
        <button
          type="button"
          className="button-small"
          disabled={!source || busy}
          onClick={() => void save()}
        >
          Save figure
        </button>
        <span className="export-status" data-testid="export-status" role="status">
          {status}
        </span>
      </div>
    </details>
  );
}
