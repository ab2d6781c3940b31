// Representation collapse: choose a sequence of matrices (project matrices — activations of
// successive layers — or tensors of the weight table) and see effective and stable rank along it.
// Project matrices go through the spectrum job one at a time; table rows already carry their σ.
import { useMemo, useRef, useState } from 'react';
import { measures } from '../../../../core/rank/measures';
import { ExportPanel, type FigureSource } from '../../export/ExportPanel';
import { buildRankLines, type RankSeries } from '../../figures/lab-rank-lines';
import { formatValue } from '../../figures/svg';
import { screenTheme, type FigureTheme } from '../../figures/theme';
import { runJob } from '../../host/run-job';
import { useHost } from '../../state/app-context';
import type { RequestMatrix } from '../../state/matrix-from-cells';
import { useJob } from '../shared/use-job';
import { usePrefersDark } from '../shared/use-color-scheme';
import { useElementWidth } from '../shared/use-element-width';
import { isSelectable, matrixLabel, useProjectMatrices } from './use-project-matrices';
import { useCheckpointLab } from '../../state/checkpoint-lab';
import { MathText } from '../shared/MathText';

interface Picked {
  id: string;
  name: string;
  matrix: RequestMatrix;
}

interface RankPoint {
  label: string;
  stableRank: number;
  effectiveRank: number;
}

export function CollapsePanel() {
  const { host } = useHost();
  const labTensors = useCheckpointLab((state) => state.tensors);
  // Tensors of the Lab's checkpoint whose full spectrum is known.
  const tableRows = useMemo(
    () => [...labTensors.values()].filter((tensor) => tensor.full),
    [labTensors],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const theme = screenTheme(usePrefersDark());

  function toggle(key: string) {
    setChosen((previous) =>
      previous.includes(key) ? previous.filter((entry) => entry !== key) : [...previous, key],
    );
  }

  // Project matrices: one spectrum job each, in order, cancelled when the choice changes.
  const pendingIds = useMemo(
    () => chosen.filter((key) => key.startsWith('m:')).map((key) => key.slice(2)),
    [chosen],
  );
  const matrices = useProjectMatrices(pendingIds);
  // A matrix kept as numbers may still be on its way from the host: the job waits for it.
  const reading = pendingIds
    .map((id) => matrices.find((entry) => entry.id === id))
    .find((entry) => entry?.loading);
  const request = useMemo(() => {
    const chosenMatrices = pendingIds.map((id) => matrices.find((entry) => entry.id === id));
    if (chosenMatrices.some((entry) => entry?.loading)) return null;
    return chosenMatrices.flatMap((entry): Picked[] =>
      entry?.matrix ? [{ id: entry.id, name: entry.name, matrix: entry.matrix }] : [],
    );
  }, [pendingIds, matrices]);
  const job = useJob(async (todo: Picked[], control) => {
    const results = new Map<string, RankPoint>();
    for (const [index, entry] of todo.entries()) {
      control.onProgress({
        fraction: index / todo.length,
        message: `${index + 1} of ${todo.length}: ${entry.name}`,
      });
      try {
        const result = await runJob(
          host,
          'spectrum',
          { matrix: entry.matrix },
          { signal: control.signal },
        );
        results.set(`m:${entry.id}`, {
          label: entry.name,
          stableRank: result.measures.stableRank,
          effectiveRank: result.measures.effectiveRank,
        });
      } catch (error) {
        if (control.signal.aborted) throw error;
        throw new Error(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return results;
  }, request);
  const computed = job.result;
  const status = reading
    ? `reading the numbers of ${reading.name}…`
    : job.running
      ? `computing ${job.message}`
      : '';

  const points = useMemo(() => {
    const list: RankPoint[] = [];
    for (const key of chosen) {
      if (key.startsWith('m:')) {
        const point = computed?.get(key);
        if (point) list.push(point);
      } else {
        const row = tableRows.find((entry) => `w:${entry.name}` === key);
        if (!row?.full) continue;
        const facts = measures(Float64Array.from(row.full.singularValues), row);
        list.push({
          label: row.name,
          stableRank: facts.stableRank,
          effectiveRank: facts.effectiveRank,
        });
      }
    }
    return list;
  }, [chosen, computed, tableRows]);

  const draw = useMemo(() => {
    if (points.length === 0) return null;
    const series: RankSeries[] = [
      {
        label: 'effective rank',
        values: points.map((point) => point.effectiveRank),
        colour: 'accent',
        id: 'collapse-effective',
      },
      {
        label: 'stable rank',
        values: points.map((point) => point.stableRank),
        colour: 'secondary',
        id: 'collapse-stable',
      },
    ];
    const steps = points.map((point) => point.label);
    return (figureTheme: FigureTheme) =>
      buildRankLines(steps, series, { width, height: 300, theme: figureTheme });
  }, [points, width]);
  const svg = useMemo(() => draw?.(theme) ?? null, [draw, theme]);
  const source = useMemo<FigureSource | null>(
    () => (draw ? { name: 'rank over sequence', svg: draw } : null),
    [draw],
  );

  return (
    <section className="lab-section" aria-label="Representation collapse">
      <h3>Representation collapse: rank along a sequence</h3>
      <p className="figure-note">
        Tick matrices in the order of the sequence (layers, training steps). A falling effective
        rank exp H(σ/Σσ) and stable rank <MathText>{'‖A‖²_F/‖A‖²₂'}</MathText> means the
        representations crowd into fewer directions.
      </p>
      <fieldset className="lab-fieldset">
        <legend>Project matrices</legend>
        <ul className="lab-checklist">
          {matrices.map((entry) => (
            <li key={entry.id}>
              <label>
                <input
                  type="checkbox"
                  disabled={!isSelectable(entry)}
                  checked={chosen.includes(`m:${entry.id}`)}
                  onChange={() => toggle(`m:${entry.id}`)}
                />
                {matrixLabel(entry)}
                {chosen.includes(`m:${entry.id}`) ? (
                  <span className="muted">#{chosen.indexOf(`m:${entry.id}`) + 1}</span>
                ) : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {tableRows.length > 0 ? (
        <fieldset className="lab-fieldset">
          <legend>Weight-table tensors</legend>
          <ul className="lab-checklist">
            {tableRows.map((row) => {
              const key = `w:${row.name}`;
              return (
                <li key={key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.includes(key)}
                      onChange={() => toggle(key)}
                    />
                    {row.name}
                    {chosen.includes(key) ? (
                      <span className="muted">#{chosen.indexOf(key) + 1}</span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
      <div className="figure-toolbar">
        {status ? <span className="muted">{status}</span> : null}
        <span className="spacer" />
        <ExportPanel source={source} screenTheme={theme} />
      </div>
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      <div className="figure-frame" ref={frameRef} data-testid="collapse-figure">
        {svg ? (
          <div className="figure-svg" dangerouslySetInnerHTML={{ __html: svg }} />
        ) : (
          <div style={{ height: 80 }} />
        )}
      </div>
      {points.length > 0 ? (
        <table className="lab-table compact" aria-label="Rank along the sequence">
          <thead>
            <tr>
              <th>step</th>
              <th>matrix</th>
              <th className="numeric">effective rank</th>
              <th className="numeric">stable rank</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={`${point.label}-${index}`}>
                <td>{index + 1}</td>
                <td>{point.label}</td>
                <td className="numeric">{formatValue(point.effectiveRank)}</td>
                <td className="numeric">{formatValue(point.stableRank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
