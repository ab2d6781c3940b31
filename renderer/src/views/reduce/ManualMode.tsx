// Manual mode: the person reduces the matrix. Buttons with row pickers for swap / scale / add a
// multiple, a command box ("R2 <- R2 - 2R1", "R1 <-> R3", "R3 *= 1/2"), validation messages from
// core/exact (nothing changes when an operation is refused), a hint, and undo/redo. The operation
// list lives in the project document (views.reduce), so it is saved and undoable like any edit.
import { useMemo, useState, type FormEvent } from 'react';
import { CommandError, parseRowOperation, type RowOperation } from '../../../../core/exact/command';
import {
  ManualError,
  applyManualOperation,
  currentMatrix,
  explainRref,
  suggestNextStep,
} from '../../../../core/exact/manual';
import { Rational } from '../../../../core/exact/rational';
import { useProject } from '../../state/app-context';
import { ExportBar, type ExportSource } from './ExportBar';
import { MatrixDisplay } from './MatrixDisplay';
import { OperationBuilders } from './OperationBuilders';
import {
  activeRecord,
  appliedOperations,
  clearSession,
  recordOperation,
  redoOperation,
  reduceViewId,
  replay,
  undoOperation,
  type ReduceSettings,
} from './reduce-settings';
import { unicodeNotation } from './trace-model';

interface ManualModeProps {
  matrixId: string;
  name: string;
  cells: readonly (readonly string[])[];
  settings: ReduceSettings;
}

type Feedback = { tone: 'ok' | 'error' | 'hint'; text: string } | null;

export function ManualMode({ matrixId, name, cells, settings }: ManualModeProps) {
  const updateViewSettings = useProject((state) => state.updateViewSettings);
  const notation = settings.notation;
  const record = activeRecord(settings, matrixId, cells);
  const replayed = useMemo(() => replay(cells, appliedOperations(record)), [cells, record]);
  const [command, setCommand] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);

  const rows = cells.length;
  const session = replayed.kind === 'session' ? replayed.session : null;
  const current = session ? currentMatrix(session) : null;
  const status = useMemo(() => (current ? explainRref(current) : null), [current]);

  if (replayed.kind === 'error' || !session || !current || !status) {
    return (
      <p className="feedback error">
        {replayed.kind === 'error' ? replayed.message : 'Nothing to reduce.'}
      </p>
    );
  }
  const canUndo = (record?.position ?? 0) > 0;
  const canRedo = record !== undefined && record.position < record.operations.length;

  function apply(input: RowOperation | (() => RowOperation)): boolean {
    try {
      const operation = typeof input === 'function' ? input() : input;
      const next = applyManualOperation(session!, operation);
      updateViewSettings(
        reduceViewId,
        recordOperation(matrixId, cells, operation),
        'Row operation',
      );
      const step = next.steps[next.steps.length - 1];
      const after = explainRref(step.matrix);
      setFeedback({
        tone: 'ok',
        text: `${unicodeNotation(step.notation, notation)}. ${after.isRref ? 'The matrix is in RREF: done.' : ''}`.trim(),
      });
      return true;
    } catch (error) {
      if (error instanceof CommandError || error instanceof ManualError) {
        setFeedback({ tone: 'error', text: error.message });
        return false;
      }
      throw error;
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (apply(() => parseRowOperation(command))) setCommand('');
  }

  function hint() {
    const suggestion = suggestNextStep(current!);
    setFeedback(
      suggestion
        ? {
            tone: 'hint',
            text: `Hint: ${unicodeNotation(suggestion.notation, notation)} — ${suggestion.reason}.`,
          }
        : { tone: 'hint', text: 'The matrix is already in RREF: there is nothing left to do.' },
    );
  }

  const lastStep = session.steps[session.steps.length - 1];
  const lastOperation = lastStep?.operation;
  const highlight = lastOperation
    ? {
        writtenRows:
          lastOperation.kind === 'swap' ? [...lastOperation.rows] : [lastOperation.rows[0]],
        readRows: lastOperation.kind === 'add' ? [lastOperation.rows[1]] : [],
      }
    : undefined;

  const exportSource: ExportSource = {
    name,
    start: session.start,
    steps: session.steps.map((step) => ({
      kind: step.operation.kind,
      rows: step.operation.rows,
      factor: step.operation.kind === 'swap' ? Rational.one : step.operation.factor,
      matrix: step.matrix,
    })),
    index: session.steps.length,
    caption: [
      `manual reduction, ${session.steps.length} ${session.steps.length === 1 ? 'operation' : 'operations'}`,
      lastStep ? unicodeNotation(lastStep.notation, notation) : 'the matrix as entered',
    ],
    comment: 'manual reduction, exact arithmetic',
  };

  return (
    <div className="manual-mode">
      <div className="stage">
        <MatrixDisplay
          matrix={current}
          label="Manual reduction, current matrix"
          highlight={highlight}
          animationKey={session.steps.length}
          testId="manual-matrix"
        />
        <p className={status.isRref ? 'rref-status done' : 'rref-status'} data-testid="rref-status">
          {status.isRref ? 'In reduced row echelon form.' : status.reason}
        </p>
      </div>

      <form className="command-form" onSubmit={onSubmit}>
        <input
          type="text"
          className="command-input"
          aria-label="Row operation"
          placeholder={
            notation === 'target-last'
              ? 'R2 - 2R1 -> R2,  R1 <-> R3,  (1/2)R3 -> R3'
              : 'R2 <- R2 - 2R1,  R1 <-> R3,  R3 *= 1/2'
          }
          value={command}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setCommand(event.target.value)}
        />
        <button type="submit">Apply</button>
        <button type="button" onClick={hint}>
          Hint
        </button>
      </form>
      <p
        className={`feedback ${feedback?.tone ?? ''}`}
        role={feedback?.tone === 'error' ? 'alert' : 'status'}
        data-testid="manual-feedback"
      >
        {feedback?.text ?? 'Type an operation or use the buttons below.'}
      </p>

      <OperationBuilders rows={rows} apply={apply} />

      <div className="manual-history">
        <div className="history-actions">
          <button
            type="button"
            disabled={!canUndo}
            onClick={() => {
              updateViewSettings(reduceViewId, undoOperation(matrixId), 'Undo row operation');
              setFeedback(null);
            }}
          >
            Undo operation
          </button>
          <button
            type="button"
            disabled={!canRedo}
            onClick={() => {
              updateViewSettings(reduceViewId, redoOperation(matrixId), 'Redo row operation');
              setFeedback(null);
            }}
          >
            Redo operation
          </button>
          <button
            type="button"
            disabled={!record}
            onClick={() => {
              updateViewSettings(
                reduceViewId,
                clearSession(matrixId),
                'Start manual reduction over',
              );
              setFeedback(null);
            }}
          >
            Start over
          </button>
        </div>
        {session.steps.length > 0 ? (
          <ol className="operation-list" aria-label="Operations so far">
            {session.steps.map((step, index) => (
              <li key={index}>{unicodeNotation(step.notation, notation)}</li>
            ))}
          </ol>
        ) : null}
        {settings.sessions[matrixId] && !record ? (
          <p className="panel-note">
            The matrix was edited since the last manual session, so this one starts afresh.
          </p>
        ) : null}
      </div>
      <ExportBar source={exportSource} />
    </div>
  );
}
