// The Lab's comparison of the open checkpoint (the base) with a fine-tune of it: per layer, ΔW's
// norm and how far it moved, its rank by each policy, and the LoRA rank that keeps 90/95/99 % of
// its energy — with the selected layer's ΔW spectrum. Driven from state/checkpoint-compare.ts.
import { useMemo, useState } from 'react';
import type { HandleInfo } from '../../../../core/protocol/files';
import { formatPercent } from '../../../../core/number-shown';
import { formatValue } from '../../figures/svg';
import { useHost } from '../../state/app-context';
import {
  cancelCompare,
  compareCheckpoints,
  useCheckpointCompare,
} from '../../state/checkpoint-compare';
import { MathText } from '../shared/MathText';
import { LabScree } from './LabScree';
import { markersFor } from './lab-markers';

const integer = new Intl.NumberFormat('en-US');

export function CheckpointCompare({
  base,
  choose,
}: {
  base: HandleInfo;
  /** Asks the person for a file or folder (dialog or path prompt). */
  choose(mode: 'open' | 'folder', title: string): Promise<HandleInfo | null>;
}) {
  const { host } = useHost();
  const compare = useCheckpointCompare();
  const [selected, setSelected] = useState<string | null>(null);
  const current = compare.baseHandle === base.handle;
  const layers = current ? compare.layers : [];
  // The layer that moved most, until the person picks one.
  const layer =
    layers.find((candidate) => candidate.name === selected) ??
    layers.reduce<(typeof layers)[number] | null>(
      (most, candidate) =>
        most === null || candidate.relativeChange > most.relativeChange ? candidate : most,
      null,
    );

  async function start(mode: 'open' | 'folder') {
    const tuned = await choose(
      mode,
      mode === 'folder' ? 'Open the fine-tune’s folder' : 'Open the fine-tuned checkpoint',
    ).catch((error: Error) => {
      useCheckpointCompare.setState({ error: error.message });
      return null;
    });
    if (tuned) await compareCheckpoints(host, base, tuned);
  }

  return (
    <section className="lab-compare" aria-label="Compare with a fine-tune">
      <div className="figure-toolbar">
        <h3>Compare with a fine-tune</h3>
        <button
          type="button"
          onClick={() => void start('open')}
          disabled={compare.running !== null}
        >
          Fine-tuned checkpoint…
        </button>
        <button
          type="button"
          onClick={() => void start('folder')}
          disabled={compare.running !== null}
        >
          Its folder…
        </button>
        {current && compare.tuned ? (
          <span className="muted">
            ΔW = {compare.tuned.name} − {base.name}
          </span>
        ) : null}
      </div>
      {compare.running ? (
        <div className="lab-progress" role="status" data-testid="compare-progress">
          <progress max={1} value={compare.running.fraction} aria-label="Comparison progress" />
          <span>{compare.running.message}</span>
          <button type="button" onClick={() => void cancelCompare(host)}>
            Cancel
          </button>
        </div>
      ) : null}
      {compare.error && current ? <p className="figure-error">{compare.error}</p> : null}
      {layers.length > 0 ? (
        <>
          <div className="lab-table-frame">
            <table className="lab-table compact" aria-label="Layer differences">
              <thead>
                <tr>
                  <th>layer</th>
                  <th>shape</th>
                  <th className="numeric" title="Frobenius norm of ΔW, exact from the entries">
                    <MathText>{'‖ΔW‖_F'}</MathText>
                  </th>
                  <th className="numeric" title="Frobenius norm of ΔW over that of the base W">
                    moved
                  </th>
                  <th
                    className="numeric"
                    title="rank of ΔW: default tolerance / largest gap / noise edge"
                  >
                    rank (tol / gap / noise)
                  </th>
                  {(['p90', 'p95', 'p99'] as const).map((key) => (
                    <th
                      key={key}
                      className="numeric"
                      title={`smallest LoRA rank r keeping ${key.slice(1)} % of ΔW's energy Σσᵢ², and its r(m+n) parameters`}
                    >
                      LoRA {key.slice(1)} %
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {layers.map((delta) => (
                  <tr
                    key={delta.name}
                    data-testid="diff-row"
                    data-name={delta.name}
                    tabIndex={0}
                    aria-selected={delta.name === layer?.name}
                    onClick={() => setSelected(delta.name)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        setSelected(delta.name);
                      }
                    }}
                  >
                    <td>{delta.name}</td>
                    <td>{delta.shape.join('×')}</td>
                    <td className="numeric">{formatValue(delta.frobeniusNorm)}</td>
                    <td className="numeric">{formatPercent(delta.relativeChange)}</td>
                    <td className="numeric" data-column="ranks">
                      {delta.ranks.default.rank} / {delta.ranks.gap.rank} / {delta.ranks.noise.rank}
                    </td>
                    {(['p90', 'p95', 'p99'] as const).map((key) => (
                      <td
                        key={key}
                        className="numeric"
                        data-column={`lora-${key}`}
                        title={`${integer.format(delta.lora[key].parameters)} parameters`}
                      >
                        {delta.lora[key].atLeast ? '≥ ' : ''}
                        {delta.lora[key].rank}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {layer ? <DeltaSpectrum layer={layer} /> : null}
        </>
      ) : null}
      {current && compare.result ? <PairingNotes result={compare.result} /> : null}
    </section>
  );
}

function DeltaSpectrum({
  layer,
}: {
  layer: NonNullable<ReturnType<typeof useCheckpointCompare.getState>['layers'][number]>;
}) {
  const values = useMemo(() => Float64Array.from(layer.singularValues), [layer]);
  const markers = useMemo(() => markersFor(values, layer, layer.ranks.default), [values, layer]);
  return (
    <div className="lab-detail" data-testid="delta-spectrum">
      <LabScree
        values={values}
        markers={markers}
        name={`ΔW ${layer.name} scree plot`}
        testId="delta-scree"
        height={260}
      />
      <p className="figure-note">
        ΔW of {layer.name}: rank {layer.ranks.default.rank} ({layer.ranks.default.reason}). A LoRA
        adapter of rank {layer.lora.p90.rank}, {layer.lora.p95.rank} or {layer.lora.p99.rank} keeps
        90, 95 or 99 % of its energy ({integer.format(layer.lora.p95.parameters)} parameters at 95 %
        against {integer.format(layer.rows * layer.cols)} dense).
      </p>
    </div>
  );
}

function PairingNotes({
  result,
}: {
  result: NonNullable<ReturnType<typeof useCheckpointCompare.getState>['result']>;
}) {
  const notes: string[] = [];
  if (result.onlyInBase.length > 0) notes.push(`only in the base: ${result.onlyInBase.join(', ')}`);
  if (result.onlyInTuned.length > 0)
    notes.push(`only in the fine-tune: ${result.onlyInTuned.join(', ')}`);
  for (const mismatch of result.shapeMismatch)
    notes.push(
      `${mismatch.name} has shape ${mismatch.base.join('×')} in the base and ${mismatch.tuned.join('×')} in the fine-tune`,
    );
  for (const failure of result.failures) notes.push(`${failure.name}: ${failure.message}`);
  if (notes.length === 0) return null;
  return <p className="figure-note">Not compared — {notes.join('; ')}.</p>;
}
