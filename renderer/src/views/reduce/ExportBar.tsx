// Export of what the view shows: the current step or the whole trace as LaTeX (copied, or saved as
// a .tex that compiles on its own), and the current state as SVG or PNG through the same pure
// builder (figures/reduce-svg.ts), so a saved figure is what is on screen.
import { useMemo, useState } from 'react';
import { buildReduceSvg } from '../../figures/reduce-svg';
import { saveBlob } from '../../export/save-file';
import { svgToPng } from '../../export/rasterize';
import { copyText, downloadText, fileStem } from './downloads';
import {
  standaloneDocument,
  stepLatex,
  traceLatex,
  matrixTex,
  type LatexStep,
} from './reduce-latex';
import { useRowNotation } from './row-notation-context';
import type { RowNotation } from '../../../../core/exact/row-notation';
import { scalarText, stepHighlight, type ScalarMatrix } from './trace-model';

export interface ExportSource {
  /** The matrix's name, for file names and titles. */
  name: string;
  start: ScalarMatrix;
  steps: readonly (LatexStep & { pivot?: { row: number; col: number } })[];
  /** Steps applied so far (0 = the start). */
  index: number;
  /** Lines describing the current state (counter, operation, reason). */
  caption: string[];
  /** "exact arithmetic, textbook strategy". */
  comment: string;
}

type Scope = 'step' | 'trace';

function latexFor(source: ExportSource, scope: Scope, notation: RowNotation): string {
  if (scope === 'trace')
    return traceLatex(source.start, source.steps, {
      comment: `${source.name}: ${source.comment}`,
      notation,
    });
  if (source.index === 0) return `\\[\nA = ${matrixTex(source.start)}\n\\]`;
  const before = source.index === 1 ? source.start : source.steps[source.index - 2].matrix;
  return stepLatex(before, source.steps[source.index - 1], undefined, notation);
}

export function ExportBar({ source }: { source: ExportSource }) {
  const [scope, setScope] = useState<Scope>('trace');
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState(false);
  // Built only while the export area is open: stepping must not pay for typesetting the whole trace.
  const notation = useRowNotation();
  const latex = useMemo(
    () => (open ? latexFor(source, scope, notation) : ''),
    [open, source, scope, notation],
  );
  const stem = `${fileStem(source.name)}-${scope === 'trace' ? 'reduction' : `step-${source.index}`}`;

  function figure() {
    const step = source.index > 0 ? source.steps[source.index - 1] : null;
    const current = step ? step.matrix : source.start;
    const highlight =
      step && step.pivot
        ? stepHighlight({ kind: step.kind, rows: [...step.rows], pivot: step.pivot })
        : null;
    return buildReduceSvg({
      cells: current.map((row) => row.map(scalarText)),
      pivot: highlight?.pivot ?? null,
      readRows: highlight?.readRows ?? [],
      writtenRows: highlight?.writtenRows ?? (step ? [step.rows[0]] : []),
      caption: [source.name, ...source.caption],
    });
  }

  async function copy() {
    setMessage(
      (await copyText(latex))
        ? 'LaTeX copied.'
        : 'The clipboard is not available here: select the text and copy it.',
    );
  }

  function saveTex() {
    downloadText(standaloneDocument(latex, source.name), `${stem}.tex`, 'application/x-tex');
    setMessage(`Saved ${stem}.tex.`);
  }

  function saveSvg() {
    downloadText(
      figure().svg,
      `${fileStem(source.name)}-step-${source.index}.svg`,
      'image/svg+xml',
    );
    setMessage('Saved the SVG.');
  }

  async function savePng() {
    const { svg } = figure();
    try {
      saveBlob(await svgToPng(svg, 2), `${fileStem(source.name)}-step-${source.index}.png`);
      setMessage('Saved the PNG.');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <details
      className="export-bar"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Export</summary>
      <div className="export-controls">
        <div role="radiogroup" aria-label="LaTeX scope" className="reduce-segmented">
          <label>
            <input
              type="radio"
              name="latex-scope"
              checked={scope === 'step'}
              onChange={() => setScope('step')}
            />
            Current step
          </label>
          <label>
            <input
              type="radio"
              name="latex-scope"
              checked={scope === 'trace'}
              onChange={() => setScope('trace')}
            />
            Whole trace
          </label>
        </div>
        <button type="button" onClick={() => void copy()}>
          Copy LaTeX
        </button>
        <button type="button" onClick={saveTex}>
          Save .tex
        </button>
        <button type="button" onClick={saveSvg}>
          Save SVG
        </button>
        <button type="button" onClick={() => void savePng()}>
          Save PNG
        </button>
        <span className="export-message" role="status">
          {message}
        </span>
      </div>
      <textarea
        className="latex-source"
        aria-label="LaTeX"
        readOnly
        value={latex}
        rows={6}
        spellCheck={false}
      />
    </details>
  );
}
