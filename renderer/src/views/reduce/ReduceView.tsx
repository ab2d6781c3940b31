// The Reduce view: step through the selected matrix's row reduction one exact operation at a time
// (or drive it by hand in manual mode), with the step's operation, reason and highlights, panels for
// E, [A | b], [A | I], PA = LU and A = CR, what the result reveals, and LaTeX / SVG / PNG export.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Strategy } from '../../../../core/exact/rref';
import { useHost, useProject } from '../../workbench/app-context';
import type { ViewProps } from '../../workbench/views';
import { DenseReduceNote } from './DenseReduceNote';
import { ExportBar, type ExportSource } from './ExportBar';
import { useReductionTrace } from './job-trace';
import { ManualMode } from './ManualMode';
import { MatrixDisplay } from './MatrixDisplay';
import { ReducePanel, panelTitles, type PanelId } from './ReducePanels';
import { readReduceSettings, reduceViewId, setStrategy } from './reduce-settings';
import { ResultReading } from './ResultReading';
import { Tex } from './Tex';
import { operationTex } from './reduce-latex';
import {
  comfortableSize,
  freeColumns,
  matrixAtStep,
  stepCounterText,
  stepHighlight,
  stepWords,
  unicodeNotation,
  type ReductionTrace,
} from './trace-model';
import './reduce.css';

const speeds = [
  { label: 'Slow', milliseconds: 1600 },
  { label: 'Normal', milliseconds: 900 },
  { label: 'Fast', milliseconds: 400 },
  { label: 'Very fast', milliseconds: 150 },
];

const panelOrder: PanelId[] = ['elementary', 'system', 'identity', 'lu', 'cr'];

/** Keys belong to the view unless a text field (or a tab list, which uses arrows itself) has focus. */
function keyBelongsElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return target.getAttribute('role') === 'tab';
}

function showEditor() {
  // The shell's tabs are the way to the editor; its tab button is the one public handle on them.
  document.getElementById('tab-editor')?.click();
}

/** Transport icons drawn as SVG: the media glyphs (⏮ ⏭) are missing from many system fonts. */
function Icon({ shape }: { shape: 'first' | 'previous' | 'play' | 'pause' | 'next' | 'last' }) {
  const paths: Record<typeof shape, string> = {
    first: 'M3 3h2v10H3zM13 3v10L6 8z',
    previous: 'M12 3v10L5 8z',
    play: 'M5 3v10l8-5z',
    pause: 'M4 3h3v10H4zM9 3h3v10H9z',
    next: 'M4 3v10l7-5z',
    last: 'M11 3h2v10h-2zM3 3v10l7-5z',
  };
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={paths[shape]} fill="currentColor" />
    </svg>
  );
}

function StrategyControl({
  trace,
  strategy,
}: {
  trace: ReductionTrace | null;
  strategy: Strategy;
}) {
  const updateViewSettings = useProject((state) => state.updateViewSettings);
  const exact = trace?.exact ?? true;
  return (
    <div className="strategy" role="group" aria-label="Strategy">
      <div role="radiogroup" aria-label="Pivoting" className="reduce-segmented">
        {(['textbook', 'partial'] as const).map((option) => (
          <label key={option} className={!exact && option === 'textbook' ? 'disabled' : undefined}>
            <input
              type="radio"
              name="reduce-strategy"
              checked={exact ? strategy === option : option === 'partial'}
              disabled={!exact}
              onChange={() =>
                updateViewSettings(reduceViewId, setStrategy(option), 'Change pivoting strategy')
              }
            />
            {option === 'textbook' ? 'Textbook' : 'Partial pivoting'}
          </label>
        ))}
      </div>
      {exact ? (
        <span className="arithmetic exact" data-testid="arithmetic">
          Exact arithmetic (fractions)
        </span>
      ) : (
        <span className="arithmetic numerical" data-testid="arithmetic">
          Floating point: an entry is irrational, so partial pivoting with tolerance{' '}
          {(trace?.tolerance ?? 0).toExponential(1)}
        </span>
      )}
    </div>
  );
}

function Summary({ trace, reason }: { trace: ReductionTrace; reason: string }) {
  const free = freeColumns(trace.pivots, trace.cols);
  return (
    <section className="reduce-summary" aria-label="Summary">
      <p className="panel-note">{reason}</p>
      <ul>
        <li>
          rank <strong data-testid="reduce-rank">{trace.rank}</strong> + nullity{' '}
          <strong data-testid="reduce-nullity">{trace.cols - trace.rank}</strong> = {trace.cols} = n
        </li>
        <li>pivot columns: {trace.pivots.map((col) => col + 1).join(', ') || 'none'}</li>
        <li>
          free variables: {free.length === 0 ? 'none' : free.map((col) => `x${col + 1}`).join(', ')}
        </li>
        <li>
          {trace.exact
            ? 'computed exactly'
            : `computed in floating point (tolerance ${trace.tolerance?.toExponential(1)})`}
        </li>
      </ul>
    </section>
  );
}

function GuidedMode({
  trace,
  name,
  rightHandSide,
}: {
  trace: ReductionTrace;
  name: string;
  /** b from the document, or null to start from the row sums. */
  rightHandSide: string | null;
}) {
  const total = trace.steps.length;
  const [stepIndex, setStepIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(speeds[1].milliseconds);
  const [openPanels, setOpenPanels] = useState<PanelId[]>([]);
  const index = Math.min(stepIndex, total);
  const indexRef = useRef(index);
  indexRef.current = index;

  const go = useCallback(
    (target: number) => setStepIndex(Math.max(0, Math.min(total, target))),
    [total],
  );

  const togglePlay = useCallback(() => {
    setPlaying((wasPlaying) => {
      // Playing from the end starts over, as a video player does.
      if (!wasPlaying && indexRef.current >= total) setStepIndex(0);
      return !wasPlaying;
    });
  }, [total]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setStepIndex((previous) => {
        if (previous >= total) {
          setPlaying(false);
          return previous;
        }
        return previous + 1;
      });
    }, speed);
    return () => clearInterval(timer);
  }, [playing, speed, total]);

  useEffect(() => {
    if (playing && index >= total) setPlaying(false);
  }, [playing, index, total]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || keyBelongsElsewhere(event.target))
        return;
      const current = indexRef.current;
      if (event.key === 'ArrowRight') go(current + 1);
      else if (event.key === 'ArrowLeft') go(current - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(total);
      else if (event.key === ' ' || event.key === 'Spacebar') {
        // A focused button takes Space as its own click.
        if (
          event.target instanceof HTMLButtonElement ||
          (event.target instanceof HTMLElement && event.target.tagName === 'SUMMARY')
        )
          return;
        togglePlay();
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go, togglePlay, total]);

  useLayoutEffect(() => {
    // Paired with the mark "Next step" sets: the e2e run measures click → commit → painted frame.
    performance.mark('reduce-step-committed');
  }, [index]);

  const step = index > 0 ? trace.steps[index - 1] : null;
  const highlight = step ? stepHighlight(step) : null;
  const current = matrixAtStep(trace, index);
  const large = trace.rows > comfortableSize || trace.cols > comfortableSize;

  const exportSource: ExportSource = useMemo(
    () => ({
      name,
      start: trace.start,
      steps: trace.steps,
      index,
      caption: [
        stepCounterText(index, total),
        step ? `${unicodeNotation(step.notation)}: ${step.reason}` : 'the matrix as entered',
      ],
      comment: `${trace.exact ? 'exact arithmetic' : 'floating point'}, ${trace.strategy === 'textbook' ? 'textbook' : 'partial pivoting'} strategy`,
    }),
    [name, trace, index, total, step],
  );

  function togglePanel(id: PanelId) {
    setOpenPanels((open) =>
      open.includes(id) ? open.filter((item) => item !== id) : [...open, id],
    );
  }

  return (
    <>
      <div className="step-controls" role="toolbar" aria-label="Step through the reduction">
        <button
          type="button"
          aria-label="First step"
          title="First step (Home)"
          disabled={index === 0}
          onClick={() => go(0)}
        >
          <Icon shape="first" />
        </button>
        <button
          type="button"
          aria-label="Previous step"
          title="Previous step (←)"
          disabled={index === 0}
          onClick={() => go(index - 1)}
        >
          <Icon shape="previous" />
        </button>
        <button
          type="button"
          className="play-button"
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          disabled={total === 0}
          onClick={togglePlay}
        >
          <Icon shape={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          aria-label="Next step"
          title="Next step (→)"
          disabled={index >= total}
          onClick={() => {
            performance.mark('reduce-next-step');
            go(index + 1);
          }}
        >
          <Icon shape="next" />
        </button>
        <button
          type="button"
          aria-label="Last step"
          title="Last step (End)"
          disabled={index >= total}
          onClick={() => go(total)}
        >
          <Icon shape="last" />
        </button>
        <input
          type="range"
          className="scrubber"
          aria-label="Step"
          min={0}
          max={total}
          value={index}
          onChange={(event) => go(Number(event.target.value))}
        />
        <span className="step-counter" data-testid="step-counter" aria-live="polite">
          {stepCounterText(index, total)}
        </span>
        <label className="speed">
          <span>Speed</span>
          <select
            aria-label="Speed"
            value={speed}
            onChange={(event) => setSpeed(Number(event.target.value))}
          >
            {speeds.map((option) => (
              <option key={option.milliseconds} value={option.milliseconds}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="stage">
        <div
          className={large ? 'matrix-scroller large' : 'matrix-scroller'}
          tabIndex={0}
          aria-label="Matrix at this step"
        >
          <MatrixDisplay
            matrix={current}
            label={`Matrix after ${stepCounterText(index, total)}`}
            highlight={highlight ?? undefined}
            animationKey={index}
            testId="reduce-matrix"
          />
        </div>
        <div className="step-explanation" data-testid="step-explanation">
          {step ? (
            <>
              <p className="step-notation">
                <Tex tex={operationTex(step)} />
                <span className="sr-only">{unicodeNotation(step.notation)}</span>
              </p>
              <p className="step-words">
                {stepWords(step).replace(/^./, (letter) => letter.toUpperCase())}: {step.reason}.
              </p>
              <p className="step-phase">
                {step.phase === 'forward' ? 'Forward elimination' : 'Back substitution'} · pivot in
                row {step.pivot.row + 1}, column {step.pivot.col + 1}
              </p>
              <ul className="legend" aria-label="Legend">
                <li>
                  <span className="swatch pivot" /> pivot
                </li>
                {highlight && highlight.readRows.length > 0 ? (
                  <li>
                    <span className="swatch read" /> row read
                  </li>
                ) : null}
                <li>
                  <span className="swatch written" /> row written
                </li>
              </ul>
            </>
          ) : total === 0 ? (
            <p className="step-words">
              This matrix is already in reduced row echelon form: there is nothing to do.
            </p>
          ) : (
            <p className="step-words">
              The matrix as entered. Press “Next step” (→) to begin; {total} operations reach the
              RREF.
            </p>
          )}
          {index === total && total > 0 ? (
            <p className="step-done" data-testid="reduction-done">
              Done: this is the reduced row echelon form, rank {trace.rank}.
            </p>
          ) : null}
        </div>
      </div>

      <div className="panel-toggles" role="group" aria-label="Panels">
        {panelOrder.map((id) => (
          <button
            key={id}
            type="button"
            className="toggle"
            aria-pressed={openPanels.includes(id)}
            onClick={() => togglePanel(id)}
          >
            {panelTitles[id]}
          </button>
        ))}
      </div>
      {openPanels.map((id) => (
        <section key={id} className="reduce-panel" aria-label={panelTitles[id]}>
          <h3>{panelTitles[id]}</h3>
          <ReducePanel
            id={id}
            trace={trace}
            stepIndex={index}
            initialRightHandSide={rightHandSide}
          />
        </section>
      ))}

      <ResultReading trace={trace} />
      <ExportBar source={exportSource} />
    </>
  );
}

export function ReduceView({ matrixId }: ViewProps) {
  const matrix = useProject((state) =>
    state.document.matrices.find((item) => item.id === matrixId),
  );
  const rawSettings = useProject((state) => state.document.views[reduceViewId]);
  const settings = useMemo(() => readReduceSettings(rawSettings), [rawSettings]);
  const [mode, setMode] = useState<'guided' | 'manual'>('guided');
  const host = useHost();
  // A matrix kept as numbers has no cells to reduce exactly.
  const entries = matrix?.dense ? undefined : matrix?.entries;
  // The whole trace comes from the host (the `rref` job on a worker), so typing never waits on it.
  const { outcome, pending, source } = useReductionTrace(host.host, entries, settings.strategy);
  if (matrix?.dense) {
    return <DenseReduceNote name={matrix.name} rows={matrix.dense.rows} cols={matrix.dense.cols} />;
  }
  if (!matrix || !entries) return <p className="empty-note">This matrix no longer exists.</p>;
  if (!outcome) {
    return (
      <p className="empty-note" role="status">
        Reducing {matrix.name}…
      </p>
    );
  }
  const trace = outcome.kind === 'error' ? null : outcome.trace;
  const rows = entries.length;
  const rightHandSide =
    matrix.rightHandSide?.length === rows ? matrix.rightHandSide.join(', ') : null;

  return (
    <section
      className="reduce-view"
      aria-label={`Row reduction of ${matrix.name}`}
      aria-busy={pending}
      data-pending={pending ? 'true' : undefined}
      data-source={source ?? undefined}
    >
      <div className="reduce-toolbar">
        <div className="editor-title">
          <h2>{matrix.name}</h2>
          <span className="size-chip">
            {rows}×{entries[0]?.length ?? 0}
          </span>
        </div>
        <div role="radiogroup" aria-label="Mode" className="reduce-segmented">
          <label>
            <input
              type="radio"
              name="reduce-mode"
              checked={mode === 'guided'}
              onChange={() => setMode('guided')}
            />
            Step through
          </label>
          <label>
            <input
              type="radio"
              name="reduce-mode"
              checked={mode === 'manual'}
              onChange={() => setMode('manual')}
            />
            Manual
          </label>
        </div>
        {mode === 'guided' ? <StrategyControl trace={trace} strategy={settings.strategy} /> : null}
        <button type="button" onClick={showEditor}>
          Edit matrix
        </button>
      </div>

      {outcome.kind === 'error' ? (
        <p className="feedback error" role="alert">
          {outcome.message} Fix it in the editor to see the reduction.
        </p>
      ) : outcome.kind === 'summary' ? (
        <Summary trace={outcome.trace} reason={outcome.reason} />
      ) : mode === 'guided' ? (
        <GuidedMode
          key={`${settings.strategy}`}
          trace={outcome.trace}
          name={matrix.name}
          rightHandSide={rightHandSide}
        />
      ) : (
        <ManualMode matrixId={matrixId} name={matrix.name} cells={entries} settings={settings} />
      )}
    </section>
  );
}
