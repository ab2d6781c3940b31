// What the current step of a guided reduction says: the operation typeset and in words, its
// reason and phase, the legend of the highlights, and at the end that the RREF is reached.
import { shortcutText } from '../../keyboard/keymap';
import { latexOperation } from '../../../../core/exact/latex';
import { useRowNotation } from './row-notation-context';
import { Tex } from '../shared/Tex';
import { stepWords, unicodeNotation, type StepHighlight, type TraceStep } from './trace-model';

export interface StepExplanationProps {
  step: TraceStep | null;
  highlight: StepHighlight | null;
  index: number;
  total: number;
  rank: number;
}

export function StepExplanation({ step, highlight, index, total, rank }: StepExplanationProps) {
  const notation = useRowNotation();
  return (
    <div className="step-explanation" data-testid="step-explanation">
      {step ? (
        <>
          <p className="step-notation">
            <Tex tex={latexOperation(step, notation)} />
            <span className="sr-only">{unicodeNotation(step.notation, notation)}</span>
          </p>
          <p className="step-words">
            {stepWords(step).replace(/^./, (letter) => letter.toUpperCase())}: {step.reason}.
          </p>
          <p className="step-phase">
            {step.phase === 'forward' ? 'Forward elimination' : 'Back substitution'} · pivot in row{' '}
            {step.pivot.row + 1}, column {step.pivot.col + 1}
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
          The matrix as entered. Press “Next step” ({shortcutText('step-next')}) to begin; {total}{' '}
          operations reach the RREF.
        </p>
      )}
      {index === total && total > 0 ? (
        <p className="step-done" data-testid="reduction-done">
          Done: this is the reduced row echelon form, rank {rank}.
        </p>
      ) : null}
    </div>
  );
}
