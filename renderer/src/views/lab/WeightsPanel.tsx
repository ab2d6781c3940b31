// Weight analysis: open .safetensors / .npy files (as handles: a dialog, the web host's path
// prompt, the bundled example, or a browser file sent to the host in chunks first), stream their
// tensors through the host one at a time from disk (progress "n of N: name", Cancel), and show one row per matrix — sortable, filterable,
// exportable as the CLI's CSV — with the selected tensor's scree plot below. Rows appear as the
// host finishes them (each progress event carries its row); a row opens the Spectrum and
// Approximate views when its tensor fits the project (≤ 64×64).
import { useMemo, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import type { ChosenHost } from '../../host';
import type { ProjectStore } from '../../state/project-store';
import type { WeightTableRow } from '../../../../core/protocol/files';
import { isCancelled } from '../../../../core/protocol/errors';
import { decideRank } from '../../../../core/rank/policies';
import { fileNameFor, saveBlob } from '../../export/save-file';
import { newJobId } from '../../host/run-job';
import { useHost, useOpenView, useProjectStore } from '../../state/app-context';
import { LabScree } from './LabScree';
import { markersFor, withPolicy } from './lab-markers';
import { filterRows, nextSort, sortRows, tableColumns, tableCsv } from './weight-table';
import { destinationFor, partialRowOf, withStreamedRow } from './weight-stream';
import {
  rowKey,
  useWeightsStore,
  type WeightFileEntry as FileEntry,
  type WeightPolicyKind,
} from './weights-store';
import { addImported } from '../../files/add-imported';
import { usePathPrompt } from '../../files/PathPrompt';
import { uploadFile } from '../../host/upload-file';

export function WeightsPanel() {
  const { host } = useHost();
  const state = useWeightsStore();
  const inputRef = useRef<HTMLInputElement>(null);
  const prompt = usePathPrompt(host, undefined);

  const store = useProjectStore();
  const openView = useOpenView();
  // While a run streams rows, they replace the previous table; the final table replaces them.
  const streaming = state.running !== null && state.streamed.length > 0;
  const rows = useMemo(
    () =>
      (streaming ? state.streamed : (state.table?.rows ?? [])).map((row) =>
        withPolicy(row, { kind: state.policy }),
      ),
    [streaming, state.streamed, state.table, state.policy],
  );
  const shown = useMemo(
    () => sortRows(filterRows(rows, state.filter), state.sort),
    [rows, state.filter, state.sort],
  );
  const selectedRow = rows.find((row) => rowKey(row) === state.selected) ?? null;

  async function analyse(files: FileEntry[], names: string[]) {
    const jobId = newJobId('weights');
    useWeightsStore.setState({
      running: {
        jobId,
        fraction: 0,
        message: 'reading the file index…',
        sources: files,
        sourceNames: names,
      },
      streamed: [],
      error: null,
    });
    try {
      const table = await host.analyzeWeights(
        { files: files.map((file) => file.handle), policy: { kind: state.policy } },
        {
          jobId,
          onProgress: (event) =>
            useWeightsStore.setState((previous) => {
              if (previous.running?.jobId !== jobId) return {};
              const finished = partialRowOf(event);
              return {
                running: {
                  ...previous.running,
                  fraction: event.fraction,
                  message: event.message ?? previous.running.message,
                },
                ...(finished ? { streamed: withStreamedRow(previous.streamed, finished) } : {}),
              };
            }),
        },
      );
      if (useWeightsStore.getState().running?.jobId !== jobId) return;
      useWeightsStore.setState({
        table,
        sourceNames: names,
        sources: files,
        running: null,
        streamed: [],
        selected: table.rows.some((row) => rowKey(row) === useWeightsStore.getState().selected)
          ? useWeightsStore.getState().selected
          : table.rows[0]
            ? rowKey(table.rows[0])
            : null,
        notice: null,
      });
    } catch (error) {
      if (useWeightsStore.getState().running?.jobId !== jobId) return;
      useWeightsStore.setState({
        running: null,
        streamed: [],
        error: isCancelled(error)
          ? 'Cancelled: the table keeps what it had before.'
          : error instanceof Error
            ? error.message
            : String(error),
      });
    }
  }

  async function openFiles() {
    try {
      const info = await host.info();
      if (!info.nativeDialogs) {
        // The web host reads weight files from its folder by path; a browser file is sent first.
        const chosen = await prompt.choose({
          title: 'Open a weight file',
          purpose: 'weights',
          mode: 'open',
          suggestion: '',
          upload: { label: 'Upload from this computer…', run: () => inputRef.current?.click() },
        });
        if (chosen) await analyse([chosen], [chosen.name]);
        return;
      }
      const picked = await host.pickFiles({ mode: 'open', purpose: 'weights', multiple: true });
      if (!picked || picked.length === 0) return;
      await analyse(
        picked,
        picked.map((file) => file.name),
      );
    } catch (error) {
      useWeightsStore.setState({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function openExample() {
    const [example] = await host.exampleFiles().catch(() => []);
    if (!example) {
      useWeightsStore.setState({ error: 'This host ships no example weight file.' });
      return;
    }
    await analyse([example], [example.name]);
  }

  async function onInput(event: ChangeEvent<HTMLInputElement>) {
    const list = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (list.length === 0) return;
    // Sent to the host in chunks, with progress and cancel; then read from its temporary file.
    const controller = new AbortController();
    const handles = [];
    try {
      for (const file of list) {
        useWeightsStore.setState({
          sending: { fileName: file.name, fraction: 0, controller },
          error: null,
        });
        handles.push(
          await uploadFile(host, file, {
            signal: controller.signal,
            onProgress: (sent, total) =>
              useWeightsStore.setState({
                sending: {
                  fileName: file.name,
                  fraction: total === 0 ? 1 : sent / total,
                  controller,
                },
              }),
          }),
        );
      }
    } catch (error) {
      useWeightsStore.setState({
        sending: null,
        error: isCancelled(error)
          ? 'Cancelled: the file was not sent.'
          : error instanceof Error
            ? error.message
            : String(error),
      });
      return;
    }
    useWeightsStore.setState({ sending: null });
    await analyse(
      handles,
      handles.map((file) => file.name),
    );
  }

  function cancel() {
    const running = useWeightsStore.getState().running;
    if (running) host.cancel(running.jobId).catch(() => undefined);
  }

  function exportCsv() {
    const stem =
      state.sourceNames.length === 1 ? state.sourceNames[0].replace(/\.[^.]+$/, '') : 'weights';
    saveBlob(
      new Blob([tableCsv(shown)], { type: 'text/csv' }),
      fileNameFor(`${stem} ranks`, 'csv'),
    );
  }

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, row: WeightTableRow) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      useWeightsStore.setState({ selected: rowKey(row), notice: null });
    }
  }

  /** A row's Spectrum / Approximate buttons: into the project and that view, or why not. */
  async function openIn(row: WeightTableRow, viewId: 'spectrum' | 'approximate') {
    const key = rowKey(row);
    const destination = destinationFor(row, viewId);
    if (destination.kind === 'lab') {
      useWeightsStore.setState({
        selected: key,
        notice: { text: destination.reason, error: false },
      });
      return;
    }
    useWeightsStore.setState({ selected: key, notice: { text: 'importing…', error: false } });
    const outcome = await importRow(host, store, row);
    useWeightsStore.setState({ notice: outcome });
    if (!outcome.error) openView?.(viewId);
  }

  const multipleFiles = new Set(rows.map((row) => row.file)).size > 1;
  const shownTable = streaming ? null : state.table;

  return (
    <section className="lab-section" aria-label="Weight analysis">
      <div className="figure-toolbar">
        <button
          type="button"
          onClick={() => void openFiles()}
          disabled={state.running !== null || state.sending !== null}
        >
          Open weight files…
        </button>
        <button
          type="button"
          onClick={() => void openExample()}
          disabled={state.running !== null || state.sending !== null}
          title="The tiny model shipped with Rankscope (assets/weights/tiny-model.safetensors)"
        >
          Open the example
        </button>
        <input
          ref={inputRef}
          className="visually-hidden"
          type="file"
          multiple
          accept=".safetensors,.npy"
          aria-label="Weight files"
          data-testid="weight-file-input"
          onChange={(event) => void onInput(event)}
        />
        <label>
          Rank policy
          <select
            aria-label="Weight rank policy"
            value={state.policy}
            onChange={(event) =>
              useWeightsStore.setState({ policy: event.target.value as WeightPolicyKind })
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
          value={state.filter}
          onChange={(event) => useWeightsStore.setState({ filter: event.target.value })}
        />
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>

      {state.sending ? (
        <div className="lab-progress" role="status" data-testid="weights-sending">
          <progress max={1} value={state.sending.fraction} aria-label="Sending the file" />
          <span>
            Sending {state.sending.fileName} to the host ({Math.floor(100 * state.sending.fraction)}
            %)
          </span>
          <button type="button" onClick={() => state.sending?.controller.abort()}>
            Cancel
          </button>
        </div>
      ) : null}
      {prompt.element}
      {state.running ? (
        <div className="lab-progress" role="status" data-testid="weights-progress">
          <progress max={1} value={state.running.fraction} aria-label="Weight analysis progress" />
          <span>{state.running.message}</span>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.error ? <p className="figure-error">{state.error}</p> : null}

      {state.table || streaming ? (
        <>
          <p className="figure-note" data-testid="weights-summary">
            {streaming
              ? `${rows.length} matrices so far from ${state.running?.sourceNames.join(', ') ?? ''}`
              : `${rows.length} matrices from ${state.sourceNames.join(', ')}`}
            {state.filter ? `, ${shown.length} shown` : ''}. Ranks use the{' '}
            {state.policy === 'default'
              ? 'default tolerance σ₁·max(m,n)·ε'
              : state.policy === 'gap'
                ? 'largest spectral gap'
                : 'Marchenko–Pastur noise edge'}
            ; click a row for its spectrum, or open it in the Spectrum or Approximate view (a tensor
            larger than the editor joins the project as read-only numbers).
          </p>
          <div className="lab-table-frame">
            <table className="lab-table" aria-label="Weight matrices">
              <thead>
                <tr>
                  {tableColumns.map((column) => {
                    const sorted =
                      state.sort?.key === column.key ? state.sort.direction : undefined;
                    return (
                      <th
                        key={column.key}
                        aria-sort={sorted ?? 'none'}
                        className={column.numeric ? 'numeric' : undefined}
                        title={column.description}
                      >
                        <button
                          type="button"
                          onClick={() =>
                            useWeightsStore.setState({ sort: nextSort(state.sort, column) })
                          }
                        >
                          {column.title}
                          <span aria-hidden="true">
                            {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                  <th>
                    <span className="visually-hidden">Open in</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => {
                  const key = rowKey(row);
                  return (
                    <tr
                      key={key}
                      data-testid="weight-row"
                      data-name={row.name}
                      tabIndex={0}
                      aria-selected={key === state.selected}
                      onClick={() => useWeightsStore.setState({ selected: key, notice: null })}
                      onKeyDown={(event) => onRowKey(event, row)}
                    >
                      {tableColumns.map((column) => (
                        <td
                          key={column.key}
                          data-column={column.key}
                          className={column.numeric ? 'numeric' : undefined}
                          title={
                            column.key === 'shape' && row.reshaped
                              ? row.reshaped
                              : column.key === 'rank'
                                ? row.rankReason
                                : undefined
                          }
                        >
                          {column.key === 'name' && multipleFiles ? (
                            <span className="muted">{row.file}: </span>
                          ) : null}
                          {column.cell(row)}
                          {column.key === 'shape' && row.reshaped ? (
                            <sup className="lab-footnote-mark" aria-label="reshaped">
                              †
                            </sup>
                          ) : null}
                        </td>
                      ))}
                      <td className="lab-row-actions">
                        {(['spectrum', 'approximate'] as const).map((viewId) => (
                          <button
                            key={viewId}
                            type="button"
                            title={
                              destinationFor(row, viewId).kind === 'project'
                                ? `Adds ${row.name} to the project and opens it in the ${viewId === 'spectrum' ? 'Spectrum' : 'Approximate'} view`
                                : 'Too large for a project matrix: stays in the Lab'
                            }
                            onClick={(event) => {
                              event.stopPropagation();
                              void openIn(row, viewId);
                            }}
                            onKeyDown={(event) => event.stopPropagation()}
                          >
                            {viewId === 'spectrum' ? 'Spectrum' : 'Approximate'}
                          </button>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {rows.some((row) => row.reshaped) ? (
            <p className="figure-note">
              † reshaped:{' '}
              {rows
                .filter((row) => row.reshaped)
                .map((row) => `${row.name}: ${row.reshaped}`)
                .join(' ')}
            </p>
          ) : null}
          {shownTable && shownTable.skipped.length > 0 ? (
            <p className="figure-note" data-testid="weights-skipped">
              Not matrices (skipped): {shownTable.skipped.join(', ')}.
            </p>
          ) : null}
          {shownTable && shownTable.failed.length > 0 ? (
            <div className="figure-error" data-testid="weights-failed">
              Could not analyse:
              <ul>
                {shownTable.failed.map((failure) => (
                  <li key={`${failure.file}:${failure.name}`}>
                    {failure.file}: {failure.name} — {failure.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {selectedRow ? <TensorSpectrum row={selectedRow} policy={state.policy} /> : null}
        </>
      ) : state.running ? null : (
        <p className="figure-note">
          Open one or more .safetensors or .npy files: every 2-D tensor (N-D ones reshaped to out ×
          rest) is read from disk one at a time and analysed on the host; the page never holds the
          weights. Or open the example, a tiny model shipped with Rankscope.
        </p>
      )}
    </section>
  );
}

/** Imports a row's tensor into the project (which selects it); says what happened. */
async function importRow(
  host: ChosenHost['host'],
  store: ProjectStore,
  row: WeightTableRow,
): Promise<{ text: string; error: boolean }> {
  const state = useWeightsStore.getState();
  // Rows of a run still streaming come from the running files, the others from the last table's.
  const fromRun =
    state.running !== null && state.streamed.some((streamed) => rowKey(streamed) === rowKey(row));
  const names = fromRun && state.running ? state.running.sourceNames : state.sourceNames;
  const files = fromRun && state.running ? state.running.sources : state.sources;
  const source = files[names.indexOf(row.file)];
  if (!source) return { text: `The file of ${row.name} is no longer open.`, error: true };
  try {
    const tensor = row.file.toLowerCase().endsWith('.safetensors') ? row.name : undefined;
    const imported = await host.importMatrix({ file: source.handle, tensor });
    // A large tensor joins as a matrix kept as numbers.
    addImported(store.getState(), imported, row.name);
    return {
      text: `Added “${row.name}” to the project and selected it: the Spectrum and Approximate views now show it.`,
      error: false,
    };
  } catch (error) {
    return { text: error instanceof Error ? error.message : String(error), error: true };
  }
}

function TensorSpectrum({ row, policy }: { row: WeightTableRow; policy: WeightPolicyKind }) {
  const { host } = useHost();
  const store = useProjectStore();
  const status = useWeightsStore((state) => state.notice);
  const setStatus = (notice: { text: string; error: boolean }) =>
    useWeightsStore.setState({ notice });
  const markers = useMemo(
    () =>
      markersFor(row.singularValues, row, decideRank(row.singularValues, row, { kind: policy }), {
        kind: policy,
      }),
    [row, policy],
  );
  const fits = destinationFor(row, 'spectrum').kind === 'project';

  async function addToProject() {
    setStatus({ text: 'importing…', error: false });
    setStatus(await importRow(host, store, row));
  }

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
          </span>
        </h3>
        <button
          type="button"
          onClick={() => void addToProject()}
          disabled={!fits}
          title={
            fits
              ? 'Adds the tensor to the project as a matrix, for the Spectrum, Approximate and other views'
              : 'Too large for a project matrix (more than 2^24 numbers); it stays in the Lab'
          }
        >
          Add to project
        </button>
        {status ? (
          <span className={status.error ? 'figure-error' : 'muted'} data-testid="add-tensor-status">
            {status.text}
          </span>
        ) : null}
      </div>
      <LabScree
        values={row.singularValues}
        markers={markers}
        name={`${row.name} scree plot`}
        testId="tensor-scree"
      />
      <p className="figure-note">
        Rank <strong>{row.rank}</strong>: {row.rankReason}. A rank-{row.rank} factorization needs{' '}
        {row.factorParameters.toLocaleString('en-US')} parameters against{' '}
        {row.denseParameters.toLocaleString('en-US')} dense.
        {row.reshaped ? ` ${row.reshaped}` : ''}
      </p>
    </div>
  );
}
