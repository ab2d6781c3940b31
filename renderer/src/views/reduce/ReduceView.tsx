// The Reduce view: step through the selected matrix's row reduction one exact operation at a time
// (GuidedMode) or drive it by hand (ManualMode); the toolbar picks the mode and, when guided, the
// pivoting strategy. Matrices too large to show every step get the summary of what the
// reduction reveals; a matrix kept as numbers is referred elsewhere (DenseReduceNote).
import { useMemo, useState } from 'react';
import { defaultDecimalReading, hasDecimal } from '../../../../core/exact/decimal-reading';
import type { Strategy } from '../../../../core/exact/rref';
import { formatNumber } from '../../../../core/number-shown';
import { useOpenView, useProject } from '../../state/app-context';
import type { ViewProps } from '../shared/view-definition';
import { DenseReduceNote } from './DenseReduceNote';
import { GuidedMode } from './GuidedMode';
import { LectureExport } from './LectureExport';
import { useReductionTrace } from './job-trace';
import { ManualMode } from './ManualMode';
import { ReadingNote } from './ReadingNote';
import { useRankStory } from '../shared/use-rank-story';
import { readReduceSettings, reduceViewId, setNotation, setStrategy } from './reduce-settings';
import { RowNotationContext } from './row-notation-context';
import { rowNotations, type RowNotation } from '../../../../core/exact/row-notation';
import { freeColumns, type ReductionTrace } from './trace-model';
import './reduce.css';

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
          Floating point:{' '}
          {trace?.decimalsAsFloating
            ? 'the decimals are read as floating data'
            : 'an entry is irrational'}
          , so partial pivoting; an entry is zero below {formatNumber(trace?.tolerance ?? 0)} or its
          own rounding error
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
            : `computed in floating point (zero below ${formatNumber(trace.tolerance ?? 0)} or an entry's rounding error)`}
        </li>
      </ul>
    </section>
  );
}

/** The textbook convention for writing row operations, everywhere in this view and its exports. */
function NotationControl({ notation }: { notation: RowNotation }) {
  const updateViewSettings = useProject((state) => state.updateViewSettings);
  return (
    <label className="notation-control">
      Notation
      <select
        value={notation}
        data-testid="row-notation"
        onChange={(event) =>
          updateViewSettings(
            reduceViewId,
            setNotation(event.target.value as RowNotation),
            'Change row notation',
          )
        }
      >
        {rowNotations.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ReduceView({ matrixId }: ViewProps) {
  const matrix = useProject((state) =>
    state.document.matrices.find((item) => item.id === matrixId),
  );
  const rawSettings = useProject((state) => state.document.views[reduceViewId]);
  const settings = useMemo(() => readReduceSettings(rawSettings), [rawSettings]);
  const [mode, setMode] = useState<'guided' | 'manual'>('guided');
  const openView = useOpenView();
  // A matrix kept as numbers has no cells to reduce exactly.
  const entries = matrix?.dense ? undefined : matrix?.entries;
  // Decimals are reduced as the inspector reads them: exactly as written, or as floating data.
  const reading = useMemo(
    () => matrix?.decimals ?? (entries ? defaultDecimalReading(entries, 'typed') : 'exact'),
    [matrix?.decimals, entries],
  );
  const hasDecimals = useMemo(
    () => entries?.some((row) => row.some(hasDecimal)) ?? false,
    [entries],
  );
  const written = useRankStory(matrixId);
  // The whole trace comes from the host (the `rref` job on a worker), so typing never waits on it.
  const { outcome, pending, result } = useReductionTrace(entries, settings.strategy, reading);
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
    <RowNotationContext.Provider value={settings.notation}>
      <section
        className="reduce-view"
        aria-label={`Row reduction of ${matrix.name}`}
        aria-busy={pending}
        data-pending={pending ? 'true' : undefined}
      >
        <div className="reduce-toolbar">
          <div className="editor-title">
            <h2>{matrix.name}</h2>
            <span className="size-chip">
              {rows}×{entries[0]?.length ?? 0}
            </span>
            {/* Beside the name it edits, where a long arithmetic note cannot push it onto a line
                of its own. */}
            <button type="button" className="edit-matrix" onClick={() => openView?.('editor')}>
              Edit matrix
            </button>
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
          {mode === 'guided' ? (
            <StrategyControl trace={trace} strategy={settings.strategy} />
          ) : null}
          <NotationControl notation={settings.notation} />
        </div>

        {outcome.kind !== 'error' ? (
          <ReadingNote
            matrixId={matrixId}
            mode={mode}
            hasDecimals={hasDecimals}
            reading={reading}
            decimalsAsFloating={Boolean(trace?.decimalsAsFloating)}
            reductionRank={trace?.rank ?? null}
            story={written?.story ?? null}
            numericalRank={written?.numericalRank ?? null}
          />
        ) : null}

        {outcome.kind === 'error' ? (
          <p className="feedback error" role="alert">
            {outcome.message} Fix it in the editor to see the reduction.
          </p>
        ) : outcome.kind === 'summary' ? (
          <Summary trace={outcome.trace} reason={outcome.reason} />
        ) : mode === 'guided' ? (
          <>
            <GuidedMode
              key={`${settings.strategy}`}
              trace={outcome.trace}
              name={matrix.name}
              rightHandSide={rightHandSide}
            />
            {result ? (
              <LectureExport
                name={matrix.name}
                result={result}
                strategy={settings.strategy}
                cells={entries}
                rightHandSide={matrix.rightHandSide?.length === rows ? matrix.rightHandSide : null}
              />
            ) : null}
          </>
        ) : (
          <ManualMode matrixId={matrixId} name={matrix.name} cells={entries} settings={settings} />
        )}
      </section>
    </RowNotationContext.Provider>
  );
}
