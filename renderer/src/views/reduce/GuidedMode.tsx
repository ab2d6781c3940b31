// Guided mode of the Reduce view: step through the host's trace one operation at a time (or play
// it), with the step explained and highlighted, panels for E, [A | b], [A | I], PA = LU and
// A = CR opened on demand, what the result reveals, and export of the step shown.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { ExportBar, type ExportSource } from './ExportBar';
import { MatrixDisplay } from './MatrixDisplay';
import { ReducePanel, panelTitles, type PanelId } from './ReducePanels';
import { ResultReading } from './ResultReading';
import { useRowNotation } from './row-notation-context';
import { speeds, StepControls } from './StepControls';
import { StepExplanation } from './StepExplanation';
import {
  comfortableSize,
  matrixAtStep,
  stepCounterText,
  stepHighlight,
  unicodeNotation,
  type ReductionTrace,
} from './trace-model';

const panelOrder: PanelId[] = ['elementary', 'system', 'identity', 'lu', 'cr'];

export interface GuidedModeProps {
  trace: ReductionTrace;
  name: string;
  /** b from the document, or null to start from the row sums. */
  rightHandSide: string | null;
}

export function GuidedMode({ trace, name, rightHandSide }: GuidedModeProps) {
  const total = trace.steps.length;
  const notation = useRowNotation();
  const [stepIndex, setStepIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(speeds[1].milliseconds);
  const [openPanels, setOpenPanels] = useState<PanelId[]>([]);
  // The reading of the result gives the exercise away: it waits for the last step, or for the
  // person to ask for the answer.
  const [answerAsked, setAnswerAsked] = useState(false);
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

  useShortcuts({
    'step-first': () => go(0),
    'step-previous': () => go(indexRef.current - 1),
    'step-next': () => go(indexRef.current + 1),
    'step-last': () => go(total),
    play: togglePlay,
  });

  useLayoutEffect(() => {
    // Paired with the mark "Next step" sets: the e2e run measures click → commit → painted frame.
    performance.mark('reduce-step-committed');
  }, [index]);

  const step = index > 0 ? trace.steps[index - 1] : null;
  const highlight = step ? stepHighlight(step) : null;
  const large = trace.rows > comfortableSize || trace.cols > comfortableSize;

  const exportSource: ExportSource = useMemo(
    () => ({
      name,
      start: trace.start,
      steps: trace.steps,
      index,
      caption: [
        stepCounterText(index, total),
        step
          ? `${unicodeNotation(step.notation, notation)}: ${step.reason}`
          : 'the matrix as entered',
      ],
      comment: `${trace.exact ? 'exact arithmetic' : 'floating point'}, ${trace.strategy === 'textbook' ? 'textbook' : 'partial pivoting'} strategy`,
    }),
    [name, trace, index, total, step, notation],
  );

  function togglePanel(id: PanelId) {
    setOpenPanels((open) =>
      open.includes(id) ? open.filter((item) => item !== id) : [...open, id],
    );
  }

  return (
    <>
      <StepControls
        index={index}
        total={total}
        playing={playing}
        speed={speed}
        onGo={go}
        onTogglePlay={togglePlay}
        onSpeed={setSpeed}
      />

      <div className="stage">
        <div
          className={large ? 'matrix-scroller large' : 'matrix-scroller'}
          tabIndex={0}
          aria-label="Matrix at this step"
        >
          <MatrixDisplay
            matrix={matrixAtStep(trace, index)}
            label={`Matrix after ${stepCounterText(index, total)}`}
            highlight={highlight ?? undefined}
            animationKey={index}
            testId="reduce-matrix"
          />
        </div>
        <StepExplanation
          step={step}
          highlight={highlight}
          index={index}
          total={total}
          rank={trace.rank}
        />
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

      {index >= total || answerAsked ? (
        <ResultReading trace={trace} />
      ) : (
        <div className="answer-waiting">
          <span>The rank, the bases and the special solutions appear at the last step.</span>
          <button
            type="button"
            className="toggle"
            onClick={() => setAnswerAsked(true)}
            data-testid="show-answer"
          >
            Show the answer
          </button>
        </div>
      )}
      <ExportBar source={exportSource} />
    </>
  );
}
