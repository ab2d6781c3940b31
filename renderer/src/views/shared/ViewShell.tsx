// The frame every figure view draws in: a toolbar (the view's controls, then the job's progress
// and the export button at the right), the error of the job if it failed, a note while a large
// matrix's numbers are on their way, then the figure area. A matrix with no numbers at all (a
// cell that is not a number, a failed read) gets the sentence saying why instead of the view.
import type { ReactNode, Ref } from 'react';
import { ExportPanel, type FigureSource } from '../../export/ExportPanel';
import type { FigureTheme } from '../../figures/theme';
import { matrixProblem, NumbersLoading } from './MatrixStatus';
import type { ViewMatrix } from './use-matrix';
import './views.css';

export interface JobProgress {
  running: boolean;
  /** In [0, 1]. */
  progress: number;
  error?: string | null;
}

/** "computing… 40%" while a job runs, nothing otherwise. */
export function JobStatus({ job }: { job: JobProgress | null | undefined }) {
  if (!job?.running) return null;
  return <span className="muted">computing… {Math.round(job.progress * 100)}%</span>;
}

export interface ViewShellProps {
  /** The view's accessible name ("Spectrum"). */
  label: string;
  /**
   * The view's matrix: while its numbers load the shell says so, and when it has none (a cell
   * that is not a number, a failed read) the sentence saying why replaces the view.
   */
  matrix?: ViewMatrix | null;
  /** The view's own controls, left in the toolbar. */
  controls?: ReactNode;
  /** The job whose progress the toolbar shows, and whose error the shell shows. */
  job?: JobProgress | null;
  /** What the export button saves; omitted: no export button. */
  exportSource?: FigureSource | null;
  theme: FigureTheme;
  /** Shown under the toolbar instead of the job's error (two subspaces in different spaces). */
  error?: string | null;
  /** Other matrices the view reads: each one whose numbers are still loading is named. */
  matrices?: readonly (ViewMatrix | null | undefined)[];
  /** The section element, for views that size their figures by its width. */
  sectionRef?: Ref<HTMLElement>;
  children?: ReactNode;
}

export function ViewShell({
  label,
  matrix,
  controls,
  job,
  exportSource,
  theme,
  error,
  matrices = [],
  sectionRef,
  children,
}: ViewShellProps) {
  if (matrix?.parsed.error) {
    return (
      <section className="figure-view" aria-label={label}>
        <p className="figure-error">{matrixProblem(matrix)}</p>
      </section>
    );
  }
  const read = [matrix, ...matrices];
  const loading = read.filter(
    (entry, index): entry is ViewMatrix =>
      Boolean(entry) && read.findIndex((other) => other?.id === entry!.id) === index,
  );
  const shownError = error ?? job?.error;
  return (
    <section className="figure-view" aria-label={label} ref={sectionRef}>
      <div className="figure-toolbar">
        {controls}
        <span className="spacer" />
        <JobStatus job={job} />
        {exportSource !== undefined ? (
          <ExportPanel source={exportSource} screenTheme={theme} />
        ) : null}
      </div>
      {shownError ? <p className="figure-error">{shownError}</p> : null}
      {loading.map((entry) => (
        <NumbersLoading key={entry.id} matrix={entry} />
      ))}
      {children}
    </section>
  );
}
