// The reduction as lecture material, beside the LaTeX export: Beamer slides (one frame per step or
// overlays on one frame), an editable PowerPoint deck, a PDF handout of every step on A4 or Letter
// pages, the stepper as one interactive HTML file, and the steps as an animated GIF or a WebM
// video for slides that cannot hold HTML. All are built from the lesson of the host's
// rref job (core/lecture), the very trace the view steps through; with "[A | b]" the host reduces
// the augmented matrix first; the operations are written in the view's row notation. pptxgenjs and jsPDF load only when their file is asked for.
import { useState } from 'react';
import type { RrefJobResult } from '../../../../core/jobs/rref';
import type { Strategy } from '../../../../core/exact/rref';
import { reductionBeamer } from '../../../../core/lecture/reduction-beamer';
import {
  lessonFromJobResult,
  type ReductionLesson,
} from '../../../../core/lecture/reduction-lesson';
import { reductionFigureData } from '../../export/interactive-data';
import { saveInteractiveHtml } from '../../export/interactive-export';
import { motionSizes } from '../../export/motion/motion-plan';
import { MotionSizeSelect } from '../../export/motion/MotionSizeSelect';
import { saveBlob } from '../../export/save-file';
import { runJob } from '../../host/run-job';
import { useHost } from '../../state/app-context';
import { downloadText, fileStem } from './downloads';
import { useRowNotation } from './row-notation-context';

export interface LectureExportProps {
  name: string;
  /** The view's rref job result for A (with its trace). */
  result: RrefJobResult;
  strategy: Strategy;
  cells: readonly (readonly string[])[];
  /** b from the document, one entry per row, or null when the matrix has none. */
  rightHandSide: readonly string[] | null;
}

type Frames = 'frames' | 'overlays';
type Paper = 'a4' | 'letter';

export function LectureExport({
  name,
  result,
  strategy,
  cells,
  rightHandSide,
}: LectureExportProps) {
  const { host } = useHost();
  // Every file says the operations as the view does: "R₂ ← R₂ − 2R₁" or "R₂ − 2R₁ → R₂".
  const notation = useRowNotation();
  const [augmented, setAugmented] = useState(false);
  const [frames, setFrames] = useState<Frames>('frames');
  const [aspectRatio, setAspectRatio] = useState<'16:9' | '4:3'>('16:9');
  const [paper, setPaper] = useState<Paper>('a4');
  const [motionSize, setMotionSize] = useState(1);
  const [secondsPerStep, setSecondsPerStep] = useState(2);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const withB = augmented && rightHandSide !== null;
  const stem = `${fileStem(name)}${withB ? '-augmented' : ''}`;

  /** The lesson of A, or of [A | b] reduced by the host on demand. */
  async function lesson(): Promise<ReductionLesson> {
    if (!withB) return lessonFromJobResult(result, { title: name, notation });
    const augmentedResult = await runJob(host, 'rref', {
      cells: cells.map((row, i) => [...row, rightHandSide[i]]),
      strategy,
      trace: true,
      augmented: true,
    });
    return lessonFromJobResult(augmentedResult, { title: name, augmented: true, notation });
  }

  async function run(save: (lesson: ReductionLesson) => Promise<string> | string) {
    setBusy(true);
    setMessage('Preparing…');
    try {
      setMessage(`Saved ${await save(await lesson())}.`);
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const saveBeamer = (prepared: ReductionLesson) => {
    const fileName = `${stem}-slides${frames === 'overlays' ? '-overlays' : ''}.tex`;
    downloadText(
      reductionBeamer(prepared, { mode: frames, aspectRatio }),
      fileName,
      'application/x-tex',
    );
    return fileName;
  };
  const savePptx = async (prepared: ReductionLesson) => {
    const { reductionPptx } = await import('../../../../core/lecture/reduction-pptx');
    const fileName = `${stem}-slides.pptx`;
    const bytes = await reductionPptx(prepared);
    saveBlob(
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      }),
      fileName,
    );
    return fileName;
  };
  const saveHandout = async (prepared: ReductionLesson) => {
    const { reductionHandoutPdf } = await import('../../../../core/lecture/reduction-handout');
    const fileName = `${stem}-handout-${paper}.pdf`;
    const bytes = reductionHandoutPdf(prepared, { paper });
    saveBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileName);
    return fileName;
  };
  const saveHtml = (prepared: ReductionLesson) =>
    saveInteractiveHtml(reductionFigureData(prepared), `${name} reduction`);
  const saveMotion = (format: 'gif' | 'webm') => async (prepared: ReductionLesson) => {
    const { reductionMotion } = await import('../../export/motion/motion-export');
    const { width, height } = motionSizes[motionSize];
    const options = { width, height, secondsPerStep };
    const progress = (fraction: number) => setMessage(`Encoding… ${Math.round(fraction * 100)}%`);
    const data = reductionFigureData(prepared);
    const bytes = await reductionMotion(format, data, options, progress);
    const fileName = `${stem}-reduction-${width}x${height}.${format}`;
    saveBlob(
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: format === 'gif' ? 'image/gif' : 'video/webm',
      }),
      fileName,
    );
    return fileName;
  };

  return (
    <details className="export-bar lecture-export">
      <summary>Slides, handout and interactive page</summary>
      <div className="lecture-export-rows">
        {rightHandSide ? (
          <label className="lecture-export-check">
            <input
              type="checkbox"
              checked={augmented}
              onChange={(event) => setAugmented(event.target.checked)}
            />
            Reduce [A | b] with b = ({rightHandSide.join(', ')}) and solve Ax = b
          </label>
        ) : null}
        <div className="export-controls" role="group" aria-label="Beamer slides">
          <span className="lecture-export-label">Beamer</span>
          <div role="radiogroup" aria-label="Beamer steps" className="reduce-segmented">
            <label>
              <input
                type="radio"
                name="beamer-frames"
                checked={frames === 'frames'}
                onChange={() => setFrames('frames')}
              />
              A frame per step
            </label>
            <label>
              <input
                type="radio"
                name="beamer-frames"
                checked={frames === 'overlays'}
                onChange={() => setFrames('overlays')}
              />
              Overlays on one frame
            </label>
          </div>
          <label>
            Aspect{' '}
            <select
              aria-label="Slide aspect ratio"
              value={aspectRatio}
              onChange={(event) => setAspectRatio(event.target.value as '16:9' | '4:3')}
            >
              <option value="16:9">16:9</option>
              <option value="4:3">4:3</option>
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void run(saveBeamer)}>
            Save Beamer .tex
          </button>
        </div>
        <div className="export-controls" role="group" aria-label="PowerPoint and handout">
          <span className="lecture-export-label">Slides</span>
          <button type="button" disabled={busy} onClick={() => void run(savePptx)}>
            Save PowerPoint .pptx
          </button>
          <span className="lecture-export-label">Handout</span>
          <label>
            Paper{' '}
            <select
              aria-label="Handout paper"
              value={paper}
              onChange={(event) => setPaper(event.target.value as Paper)}
            >
              <option value="a4">A4</option>
              <option value="letter">Letter</option>
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void run(saveHandout)}>
            Save handout PDF
          </button>
        </div>
        <div className="export-controls" role="group" aria-label="Interactive page">
          <span className="lecture-export-label">Web</span>
          <button type="button" disabled={busy} onClick={() => void run(saveHtml)}>
            Export as interactive HTML
          </button>
          <span className="muted">one file, no network: opens from disk or in a course page</span>
        </div>
        <div className="export-controls" role="group" aria-label="Motion">
          <span className="lecture-export-label">Motion</span>
          <MotionSizeSelect value={motionSize} onChange={setMotionSize} />
          <label>
            Each step{' '}
            <select
              aria-label="Seconds per step"
              value={secondsPerStep}
              onChange={(event) => setSecondsPerStep(Number(event.target.value))}
            >
              {[1, 1.5, 2, 3, 5].map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds} s
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void run(saveMotion('gif'))}>
            Save GIF
          </button>
          <button type="button" disabled={busy} onClick={() => void run(saveMotion('webm'))}>
            Save WebM video
          </button>
        </div>
        <span className="export-message" role="status" data-testid="lecture-export-status">
          {message}
        </span>
      </div>
    </details>
  );
}
