// The responsiveness check (Help → Diagnostics): starts a large factorization on the host
// (size×size, with progress) and keeps the page answering clicks while it runs; Cancel stops it.
import { useState } from 'react';
import { runJob } from '../host/run-job';
import { useHost } from '../state/app-context';
import { useJob } from '../views/shared/use-job';

const stressSize = 2000;

export function StressTest() {
  const { host, kind } = useHost();
  const [request, setRequest] = useState<{ size: number } | null>(null);
  const job = useJob(
    async (input: { size: number }, control) => {
      const began = performance.now();
      const result = await runJob(host, 'stress', input, control);
      return {
        seconds: (performance.now() - began) / 1000,
        largest: result.largestSingularValue,
      };
    },
    request,
    { debounceMilliseconds: 0 },
  );

  const percent = job.running ? Math.round(job.progress * 100) : 0;
  return (
    <section className="stress" aria-label="Responsiveness">
      <div className="stress-header">
        <h3>Responsiveness</h3>
        {job.running ? (
          <button type="button" className="button-small" onClick={job.cancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button-small"
            onClick={() => setRequest({ size: stressSize })}
          >
            Stress test
          </button>
        )}
      </div>
      {job.running ? (
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
            {percent}% {job.message ? `· ${job.message}` : ''}
          </span>
        </div>
      ) : (
        <p className="stress-message" role="status">
          {job.cancelled
            ? 'Cancelled.'
            : job.error
              ? job.error
              : job.result
                ? `Finished in ${job.result.seconds.toFixed(1)} s: σ₁ = ${job.result.largest.toFixed(2)} (≈ 2√n = ${(2 * Math.sqrt(stressSize)).toFixed(2)}).`
                : kind === 'memory'
                  ? `Factorizes a ${stressSize}×${stressSize} matrix. The in-page host has no workers, so this page pauses while it runs.`
                  : `Factorizes a ${stressSize}×${stressSize} matrix on the host while you keep working.`}
        </p>
      )}
    </section>
  );
}
