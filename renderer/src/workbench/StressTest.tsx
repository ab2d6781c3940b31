// The responsiveness check: starts a large factorization on the host (size×size, with progress)
// and keeps the page answering clicks while it runs; Cancel stops it through the job's signal.
import { useRef, useState } from 'react';
import { isCancelled } from '../../../core/protocol/errors';
import type { ProgressEvent } from '../../../core/protocol/host-api';
import { runJob } from '../host/run-job';
import { useHost } from './app-context';

const stressSize = 2000;

type StressStatus =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ProgressEvent }
  | { kind: 'done'; seconds: number; largest: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export function StressTest() {
  const { host, kind } = useHost();
  const [status, setStatus] = useState<StressStatus>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  function start() {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const began = performance.now();
    setStatus({ kind: 'running', progress: { fraction: 0, message: 'starting' } });
    runJob(
      host,
      'stress',
      { size: stressSize },
      {
        signal: current.signal,
        onProgress: (progress) => setStatus({ kind: 'running', progress }),
      },
    ).then(
      (result) =>
        setStatus({
          kind: 'done',
          seconds: (performance.now() - began) / 1000,
          largest: result.largestSingularValue,
        }),
      (error: unknown) => {
        if (controller.current !== current) return;
        if (isCancelled(error)) setStatus({ kind: 'cancelled' });
        else
          setStatus({
            kind: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
  }

  function cancel() {
    controller.current?.abort();
  }

  const percent = status.kind === 'running' ? Math.round(status.progress.fraction * 100) : 0;
  return (
    <section className="stress" aria-label="Responsiveness">
      <div className="stress-header">
        <h3>Responsiveness</h3>
        {status.kind === 'running' ? (
          <button type="button" className="button-small" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button-small" onClick={start}>
            Stress test
          </button>
        )}
      </div>
      {status.kind === 'running' ? (
        <div className="stress-progress">
          <div
            className="progress-track"
            role="progressbar"
            aria-label="Stress test progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            {percent === 0 ? (
              <div className="progress-fill indeterminate" />
            ) : (
              <div className="progress-fill" style={{ width: `${percent}%` }} />
            )}
          </div>
          <span className="stress-message">
            {percent}% {status.progress.message ? `· ${status.progress.message}` : ''}
          </span>
        </div>
      ) : (
        <p className="stress-message" role="status">
          {status.kind === 'idle' &&
            (kind === 'memory'
              ? `Factorizes a ${stressSize}×${stressSize} matrix. The in-page host has no workers, so this page pauses while it runs.`
              : `Factorizes a ${stressSize}×${stressSize} matrix on the host while you keep working.`)}
          {status.kind === 'done' &&
            `Finished in ${status.seconds.toFixed(1)} s: σ₁ = ${status.largest.toFixed(2)} (≈ 2√n = ${(2 * Math.sqrt(stressSize)).toFixed(2)}).`}
          {status.kind === 'cancelled' && 'Cancelled.'}
          {status.kind === 'failed' && status.message}
        </p>
      )}
    </section>
  );
}
