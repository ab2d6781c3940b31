// Attention's rank bottleneck: a seeded head's scores QKᵀ have rank ≤ d_k however long the
// sequence (scree plot, rank marked), and latent attention (MLA) caches a width-r latent, so its
// keys have rank ≤ r and the KV cache shrinks — the calculator says by how much.
import { useMemo, useState } from 'react';
import { formatPercent } from '../../../../core/number-shown';
import { latentAttentionBudget } from '../../../../core/rank/attention';
import { useCatalogJob } from '../shared/use-job';
import { JobStatus } from '../shared/ViewShell';
import { LabScree } from './LabScree';
import { markersFor } from './lab-markers';
import { wholeNumber } from './rank-list';

const integer = new Intl.NumberFormat('en-US');

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${integer.format(value)} B` : `${value.toPrecision(4)} ${units[unit]}`;
}

interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  title?: string;
}

export function NumberField({ label, value, onChange, title }: NumberFieldProps) {
  return (
    <label title={title}>
      {label}
      <input
        type="number"
        min={1}
        aria-label={title ?? label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export function AttentionPanel() {
  return (
    <>
      <AttentionScores />
      <LatentAttention />
    </>
  );
}

function AttentionScores() {
  const [lengthText, setLengthText] = useState('64');
  const [widthText, setWidthText] = useState('32');
  const [headText, setHeadText] = useState('8');
  const sequenceLength = wholeNumber(lengthText, 1024);
  const width = wholeNumber(widthText, 4096);
  const headWidth = wholeNumber(headText, 4096);
  const request = useMemo(
    () =>
      sequenceLength && width && headWidth ? { sequenceLength, width, headWidth, seed: 1 } : null,
    [sequenceLength, width, headWidth],
  );
  const job = useCatalogJob('attentionDemo', request);
  const result = job.result;
  const markers = useMemo(
    () =>
      result
        ? markersFor(
            result.singularValues,
            { rows: result.sequenceLength, cols: result.sequenceLength },
            result.rank,
          )
        : null,
    [result],
  );
  return (
    <section className="lab-section" aria-label="Attention scores">
      <h3>Attention scores S = QKᵀ/√d_k</h3>
      <div className="figure-toolbar">
        <NumberField
          label="n"
          title="Sequence length n"
          value={lengthText}
          onChange={setLengthText}
        />
        <NumberField label="d" title="Model width d" value={widthText} onChange={setWidthText} />
        <NumberField label="d_k" title="Head width d_k" value={headText} onChange={setHeadText} />
        <JobStatus job={job} />
      </div>
      {!request ? (
        <p className="figure-error">n (≤ 1024), d and d_k must be whole numbers ≥ 1.</p>
      ) : null}
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      {result && markers ? (
        <>
          <p className="figure-note lab-claim" data-testid="attention-claim">
            rank(QKᵀ) = <strong data-testid="attention-rank">{result.rank.rank}</strong> ≤ d_k ={' '}
            {result.headWidth}
            {result.bound < result.headWidth ? ` (and ≤ min(n, d) = ${result.bound})` : ''}, for a{' '}
            {result.sequenceLength}×{result.sequenceLength} score matrix.
          </p>
          <LabScree
            values={result.singularValues}
            markers={markers}
            name="attention scores scree plot"
            testId="attention-scree"
            scale="log"
          />
          <p className="figure-note">
            Q = XW_Q and K = XW_K are n×d_k, so QKᵀ is a product through a d_k-wide bottleneck:{' '}
            {result.sequenceLength - result.rank.rank} of its {result.sequenceLength} singular
            values are round-off. {result.rank.reason}. Seeded: X, W_Q, W_K are Gaussian (seed 1).
          </p>
        </>
      ) : null}
    </section>
  );
}

function LatentAttention() {
  const [fields, setFields] = useState({
    layers: '60',
    heads: '128',
    headWidth: '128',
    latentWidth: '512',
    ropeWidth: '64',
    sequenceLength: '4096',
    bytesPerValue: '2',
  });
  const set = (key: keyof typeof fields) => (value: string) =>
    setFields((previous) => ({ ...previous, [key]: value }));
  const numbers = {
    layers: wholeNumber(fields.layers),
    heads: wholeNumber(fields.heads),
    headWidth: wholeNumber(fields.headWidth),
    latentWidth: wholeNumber(fields.latentWidth),
    ropeWidth: fields.ropeWidth.trim() === '0' ? 0 : wholeNumber(fields.ropeWidth),
    sequenceLength: wholeNumber(fields.sequenceLength),
    bytesPerValue: wholeNumber(fields.bytesPerValue, 16),
  };
  const valid = Object.values(numbers).every((value) => value !== null);
  const budget = valid
    ? latentAttentionBudget({
        layers: numbers.layers!,
        heads: numbers.heads!,
        headWidth: numbers.headWidth!,
        latentWidth: numbers.latentWidth!,
        ropeWidth: numbers.ropeWidth!,
        sequenceLength: numbers.sequenceLength!,
        bytesPerValue: numbers.bytesPerValue!,
      })
    : null;
  return (
    <section className="lab-section" aria-label="Latent attention">
      <h3>Latent attention (MLA) and the KV cache</h3>
      <div className="figure-toolbar">
        <NumberField label="layers" title="Layers" value={fields.layers} onChange={set('layers')} />
        <NumberField label="heads" title="Heads" value={fields.heads} onChange={set('heads')} />
        <NumberField
          label="head width"
          title="Head width"
          value={fields.headWidth}
          onChange={set('headWidth')}
        />
        <NumberField
          label="latent r"
          title="Latent width r"
          value={fields.latentWidth}
          onChange={set('latentWidth')}
        />
        <NumberField
          label="RoPE width"
          title="RoPE key width"
          value={fields.ropeWidth}
          onChange={set('ropeWidth')}
        />
        <NumberField
          label="sequence"
          title="Sequence length"
          value={fields.sequenceLength}
          onChange={set('sequenceLength')}
        />
        <NumberField
          label="bytes/value"
          title="Bytes per value"
          value={fields.bytesPerValue}
          onChange={set('bytesPerValue')}
        />
      </div>
      {!budget ? (
        <p className="figure-error">
          Every field needs a whole number ≥ 1 (RoPE width may be 0; bytes per value ≤ 16).
        </p>
      ) : null}
      {budget ? (
        <dl className="readouts" data-testid="mla-budget">
          <div>
            <dt>KV cache per token per layer: standard · MLA</dt>
            <dd>
              {formatBytes(budget.standardBytesPerToken)} ·{' '}
              {formatBytes(budget.latentBytesPerToken)}
            </dd>
          </div>
          <div>
            <dt>whole sequence, all layers: standard · MLA</dt>
            <dd>
              {formatBytes(budget.standardBytes)} · {formatBytes(budget.latentBytes)}
            </dd>
          </div>
          <div>
            <dt>saved</dt>
            <dd data-testid="mla-saved">{formatPercent(budget.savedFraction, 1)}</dd>
          </div>
          <div>
            <dt>rank(K) ≤ r bound</dt>
            <dd>{budget.keyRankBound}</dd>
          </div>
        </dl>
      ) : null}
      <p className="figure-note">
        Standard attention caches keys and values, 2·heads·head width numbers per token per layer;
        MLA (DeepSeek-V2) caches one latent c of width r (plus the decoupled RoPE key) and rebuilds
        K = cW_UK, V = cW_UV, so rank(K) ≤ r.
      </p>
    </section>
  );
}
