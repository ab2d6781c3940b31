// The Lab's checkpoint table: open a checkpoint (a file, a shard index or a folder — the host reads
// it where it lies, the page never holds weights), or a saved report without its weights. Every
// matrix is listed at once; rows fill as the host's workers finish them, largest first: the quick
// pass, then the full spectrum on demand (a row's button, or all); the table itself, whose columns
// say their pass, is WeightTable.tsx. The selected row's scree plot shows below; the whole table
// saves as a report or a CSV. The runs themselves are driven from state/checkpoint-lab.ts; this
// view only shows them.
import { useEffect, useMemo, useRef } from 'react';
import { create } from 'zustand';
import type { HandleInfo } from '../../../../core/protocol/files';
import type { RankDecision, RankPolicy } from '../../../../core/rank/policies';
import { fileNameFor, saveBlob } from '../../export/save-file';
import { usePathPrompt } from '../../files/PathPrompt';
import { addImported } from '../../files/add-imported';
import { useHost, useOpenView, useProjectStore } from '../../state/app-context';
import {
  cancelRun,
  openCheckpoint,
  openExample,
  openReport,
  reportText,
  runPasses,
  useCheckpointLab,
} from '../../state/checkpoint-lab';
import { CheckpointCompare } from './CheckpointCompare';
import {
  checkpointCsv,
  checkpointRows,
  filterCheckpointRows,
  sortCheckpointRows,
  type CheckpointRow,
  type SortState,
} from './checkpoint-table';
import { LabScree } from './LabScree';
import { markersFor } from './lab-markers';
import { destinationFor } from './row-destination';
import { passNames, WeightTable } from './WeightTable';

export type WeightPolicyKind = 'default' | 'gap' | 'noise';

/** What the person chose to see: kept outside the view so it survives a remount. */
const useTableView = create<{
  policy: WeightPolicyKind;
  sort: SortState | null;
  filter: string;
  selected: string | null;
  /** What a row's Spectrum / Approximate button did (adding selects the matrix: a remount). */
  notice: { text: string; error: boolean } | null;
}>(() => ({ policy: 'default', sort: null, filter: '', selected: null, notice: null }));

const policyTexts: Record<WeightPolicyKind, string> = {
  default: 'the default tolerance σ₁·max(m,n)·ε',
  gap: 'the largest spectral gap',
  noise: 'the Marchenko–Pastur noise edge',
};

/** "1 file", or "3 shards and an index". */
function describeFiles(files: readonly { name: string }[]): string {
  const indexes = files.filter((file) => /\.index\.json$/i.test(file.name)).length;
  const data = files.length - indexes;
  if (indexes === 0) return data === 1 ? '1 file' : `${data} files`;
  return `${data} shards and an index`;
}

export function WeightsPanel() {
  const { host } = useHost();
  const lab = useCheckpointLab();
  const view = useTableView();
  const prompt = usePathPrompt(host, undefined);
  const offered = useRef(false);
  const store = useProjectStore();
  const openView = useOpenView();

  // The Lab opens on the example model, its table filled, once per session.
  useEffect(() => {
    if (offered.current || useCheckpointLab.getState().exampleOffered) return;
    offered.current = true;
    void openExample(host);
  }, [host]);

  const policy: RankPolicy = { kind: view.policy };
  const rows = useMemo(
    () => (lab.header ? checkpointRows(lab.header, lab.tensors, { kind: view.policy }) : []),
    [lab.header, lab.tensors, view.policy],
  );
  const shown = useMemo(
    () => sortCheckpointRows(filterCheckpointRows(rows, view.filter), view.sort),
    [rows, view.filter, view.sort],
  );
  const selected = rows.find((row) => row.name === view.selected) ?? null;
  const busy = lab.running !== null;
  const withWeights = lab.source !== null;
  const lacking = rows.filter((row) => !row.full).map((row) => row.name);
  const vectors = useMemo(
    () =>
      (lab.header?.checkpoint.tensors ?? [])
        .filter((tensor) => tensor.shape.length < 2 && !lab.tensors.has(tensor.name))
        .map((tensor) => tensor.name),
    [lab.header, lab.tensors],
  );

  /** A file or folder by the host's dialog (Electron) or its path prompt (web host). */
  async function choose(
    mode: 'open' | 'folder',
    title: string,
    purpose: 'weights' | 'report' = 'weights',
  ): Promise<HandleInfo | null> {
    const info = await host.info();
    if (info.nativeDialogs) {
      const picked = await host.pickFiles({ mode, purpose });
      return picked?.[0] ?? null;
    }
    return prompt.choose({ title, purpose, mode, suggestion: '' });
  }

  async function open(mode: 'open' | 'folder') {
    try {
      const chosen = await choose(
        mode,
        mode === 'folder'
          ? 'Open a folder of checkpoint shards'
          : 'Open a checkpoint (a model file or its *.index.json)',
      );
      if (chosen) await openCheckpoint(host, chosen);
    } catch (error) {
      useCheckpointLab.setState({ error: (error as Error).message });
    }
  }

  async function openSavedReport() {
    try {
      const chosen = await choose('open', 'Open a weight report (.jsonl)', 'report');
      if (chosen) await openReport(host, chosen);
    } catch (error) {
      useCheckpointLab.setState({ error: (error as Error).message });
    }
  }

  // "model.safetensors.index.json" → "model", "tiny-model.safetensors" → "tiny-model".
  const stem = (lab.title ?? '').replace(/(\.[a-z]+)?\.index\.json$|\.[^.]+$/i, '') || 'checkpoint';
  function saveReport() {
    const text = reportText();
    if (text)
      saveBlob(
        new Blob([text], { type: 'application/jsonl' }),
        fileNameFor(`${stem} report`, 'jsonl'),
      );
  }
  function exportCsv() {
    saveBlob(
      new Blob([checkpointCsv(shown)], { type: 'text/csv' }),
      fileNameFor(`${stem} ranks`, 'csv'),
    );
  }

  /** A row's Spectrum / Approximate buttons: into the project and that view, or why not. */
  async function openIn(row: CheckpointRow, viewId: 'spectrum' | 'approximate') {
    const source = lab.source;
    const destination = destinationFor(row, viewId, source?.name ?? null);
    useTableView.setState({ selected: row.name });
    if (destination.kind === 'lab' || !source) {
      useTableView.setState({
        notice: { text: destination.kind === 'lab' ? destination.reason : '', error: false },
      });
      return;
    }
    useTableView.setState({ notice: { text: 'importing…', error: false } });
    try {
      const tensor = /\.safetensors$/i.test(source.name) ? row.name : undefined;
      const imported = await host.importMatrix({ file: source.handle, tensor });
      // A large tensor joins as a matrix kept as numbers.
      addImported(store.getState(), imported, row.name);
      useTableView.setState({
        notice: { text: `Added “${row.name}” to the project and selected it.`, error: false },
      });
      openView?.(viewId);
    } catch (error) {
      useTableView.setState({ notice: { text: (error as Error).message, error: true } });
    }
  }

  return (
    <section className="lab-section" aria-label="Weight analysis">
      <div className="figure-toolbar">
        <button type="button" onClick={() => void open('open')} disabled={busy}>
          Open checkpoint…
        </button>
        <button type="button" onClick={() => void open('folder')} disabled={busy}>
          Open folder…
        </button>
        <button type="button" onClick={() => void openSavedReport()} disabled={busy}>
          Open report…
        </button>
        <button
          type="button"
          onClick={() => void openExample(host)}
          disabled={busy}
          title="The tiny model shipped with Rankscope"
        >
          Example model
        </button>
        <span className="spacer" />
        <button type="button" onClick={saveReport} disabled={!lab.header}>
          Save report
        </button>
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>
      <div className="figure-toolbar">
        <label>
          Rank policy
          <select
            aria-label="Weight rank policy"
            value={view.policy}
            onChange={(event) =>
              useTableView.setState({ policy: event.target.value as WeightPolicyKind })
            }
          >
            <option value="default">Default (σ₁·max(m,n)·ε)</option>
            <option value="gap">Largest spectral gap</option>
            <option value="noise">Noise edge (Marchenko–Pastur)</option>
          </select>
        </label>
        <input
          type="search"
          className="lab-filter"
          aria-label="Filter tensors"
          placeholder="Filter tensors"
          value={view.filter}
          onChange={(event) => useTableView.setState({ filter: event.target.value })}
        />
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void runPasses(host, ['full'], lacking)}
          disabled={busy || !withWeights || lacking.length === 0}
          title="Every singular value of every matrix that has only its quick pass"
        >
          Full pass for all
        </button>
      </div>
      {prompt.element}

      {lab.running ? (
        <div className="lab-progress" role="status" data-testid="weights-progress">
          <progress
            max={1}
            value={lab.running.fraction}
            aria-label="Checkpoint analysis progress"
          />
          <span>
            {lab.running.passes.join(' and ')} pass: {lab.running.message}
          </span>
          <button type="button" onClick={() => void cancelRun(host)}>
            Cancel
          </button>
        </div>
      ) : null}
      {lab.error ? (
        <p className="figure-error" role="alert">
          {lab.error}
        </p>
      ) : null}

      {view.notice?.text ? (
        <p
          className={view.notice.error ? 'figure-error' : 'figure-note'}
          data-testid="add-tensor-status"
        >
          {view.notice.text}
        </p>
      ) : null}
      {lab.header ? (
        <>
          <p className="figure-note" data-testid="weights-summary">
            <strong>{lab.title}</strong> ({lab.header.checkpoint.format},{' '}
            {describeFiles(lab.header.checkpoint.files)}): {rows.length} matrices
            {view.filter ? `, ${shown.length} shown` : ''}.{' '}
            {withWeights
              ? 'Read by the host where it lies; the page holds no weights.'
              : 'Opened from a saved report, without the weights: passes that did not run cannot run here.'}{' '}
            Ranks use {policyTexts[view.policy]}.
          </p>
          <WeightTable
            rows={shown}
            sort={view.sort}
            selected={view.selected}
            pending={lab.running?.passes ?? []}
            busy={busy}
            sourceName={lab.source?.name ?? null}
            onSort={(sort) => useTableView.setState({ sort })}
            onSelect={(name) => useTableView.setState({ selected: name })}
            onFullPass={(row) => {
              useTableView.setState({ selected: row.name });
              void runPasses(host, ['full'], [row.name]);
            }}
            onOpenIn={(row, viewId) => void openIn(row, viewId)}
          />
          <p className="figure-note lab-pass-legend">
            <span className="pass-badge pass-quick">Q</span> {passNames.quick} (in minutes for a 7B
            model); <span className="pass-badge pass-full">F</span> {passNames.full} (on demand: a
            row’s button, or Full pass for all). “…” is being computed, “—” has not run.
          </p>
          {vectors.length > 0 ? (
            <p className="figure-note" data-testid="weights-skipped">
              Not matrices (biases, norm scales; not analysed): {vectors.join(', ')}.
            </p>
          ) : null}
          {rows.some((row) => row.failures.length > 0) ? (
            <div className="figure-error" data-testid="weights-failed">
              Could not analyse:
              <ul>
                {rows
                  .filter((row) => row.failures.length > 0)
                  .map((row) => (
                    <li key={row.name}>
                      {row.name} — {row.failures.join('; ')}
                    </li>
                  ))}
              </ul>
            </div>
          ) : null}
          {selected ? <TensorSpectrum row={selected} policy={policy} /> : null}
          {withWeights ? <CheckpointCompare base={lab.source!} choose={choose} /> : null}
        </>
      ) : busy ? null : (
        <p className="figure-note">
          Open a checkpoint — safetensors (sharded too, by its index or folder), GGUF, PyTorch
          .pt/.bin, ONNX, .npy/.npz — or a saved report. The host reads the weights where they lie,
          one tensor at a time; the page never holds them.
        </p>
      )}
    </section>
  );
}

function TensorSpectrum({ row, policy }: { row: CheckpointRow; policy: RankPolicy }) {
  const values = useMemo(
    () => Float64Array.from(row.full?.singularValues ?? row.quick?.topSingularValues ?? []),
    [row.full, row.quick],
  );
  const markers = useMemo(() => {
    if (row.decision) return markersFor(values, row, row.decision, policy);
    // The sketch's leading values: the noise edge is the rank the quick pass can tell.
    const quickRank = row.quick?.noiseRank ?? 0;
    const decision: RankDecision = {
      rank: quickRank,
      policy: 'noise',
      tolerance: null,
      reason: 'values above the noise edge the quick pass estimated',
    };
    return { ...markersFor(values, row, decision), policyLabel: 'noise edge (quick pass)' };
  }, [values, row, policy]);
  if (values.length === 0)
    return (
      <p className="figure-note" data-testid="tensor-spectrum">
        {row.name}: no pass has finished yet.
      </p>
    );
  return (
    <div
      className="lab-detail"
      data-testid="tensor-spectrum"
      aria-label={`Spectrum of ${row.name}`}
    >
      <div className="figure-toolbar">
        <h3>
          {row.name}{' '}
          <span className="muted">
            {row.rows}×{row.cols} · {row.dtype}
            {row.quantization ? ` (${row.quantization})` : ''}
          </span>
        </h3>
      </div>
      <LabScree
        values={values}
        markers={markers}
        name={`${row.name} scree plot`}
        testId="tensor-scree"
      />
      <p className="figure-note">
        {row.full && row.decision ? (
          <>
            Rank <strong>{row.decision.rank}</strong>: {row.decision.reason}. All {values.length}{' '}
            singular values (full pass).
          </>
        ) : (
          <>
            The {values.length} leading singular values from the quick pass; its noise-edge rank is{' '}
            {row.quick?.noiseRankIsLowerBound ? 'at least ' : ''}
            {row.quick?.noiseRank}. Run the full pass for every value and the rank under each
            policy.
          </>
        )}
        {row.reshaped ? ` ${row.reshaped}` : ''}
      </p>
    </div>
  );
}
