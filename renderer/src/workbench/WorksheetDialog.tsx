// The worksheet dialog: exercises with the shape, rank, pivots, entry range, nice answers and kind
// of system a lecturer asks for (core/lecture/worksheet-generator.ts), previewed by their first
// exercise, saved as a PDF or LaTeX sheet with its answer key, or added to the project as matrices
// (one undo step). The same seed gives the same sheet here and in `rankscope worksheet`.
import { Fragment, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { generateWorksheet, type Worksheet } from '../../../core/lecture/worksheet-generator';
import { answerKeyLatex, worksheetLatex } from '../../../core/lecture/worksheet-latex';
import { worksheetMatrices } from '../../../core/lecture/worksheet-matrices';
import {
  systemKinds,
  worksheetLimits,
  type SystemKind,
  type WorksheetOptions,
} from '../../../core/lecture/worksheet-options';
import { fileNameFor, saveBlob } from '../export/save-file';
import { useProjectStore } from '../state/app-context';
import { ModalDialog } from '../dialogs/ModalDialog';
import {
  defaultWorksheetForm,
  randomSeed,
  readWorksheetForm,
  type WorksheetForm,
} from './worksheet-form';

const systemLabels: Record<SystemKind, string> = {
  none: 'None: A alone',
  unique: 'One solution',
  free: 'Free variables',
  inconsistent: 'No solution',
};

const answerChoices = [
  ['integers', 'Integers'],
  ['fractions', 'Fractions'],
] as const;
const systemChoices = systemKinds.map((kind) => [kind, systemLabels[kind]] as const);
const paperChoices = [
  ['a4', 'A4'],
  ['letter', 'Letter'],
] as const;

/** The form survives closing the dialog, as a lecturer makes sheet after sheet. */
let lastForm = defaultWorksheetForm;

type Output = 'sheet-pdf' | 'key-pdf' | 'sheet-tex' | 'key-tex';

/** The four files, in the order of their buttons; `format` heads each pair. */
const outputs: { id: Output; label: string; answers: boolean; format?: string }[] = [
  { id: 'sheet-pdf', label: 'Save the sheet as PDF', answers: false, format: 'PDF' },
  { id: 'key-pdf', label: 'Save the answer key as PDF', answers: true },
  { id: 'sheet-tex', label: 'Save the sheet as LaTeX', answers: false, format: 'LaTeX' },
  { id: 'key-tex', label: 'Save the answer key as LaTeX', answers: true },
];

/** A label above its control, tied by id (a wrapping label would name a select by its value too). */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="worksheet-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function Preview({ options }: { options: WorksheetOptions }) {
  // The first exercise of the sheet: the generator draws exercises in order from the seed.
  const preview = useMemo(() => {
    try {
      return { exercise: generateWorksheet({ ...options, count: 1 }).exercises[0] };
    } catch (error) {
      return { problem: (error as Error).message };
    }
  }, [options]);
  if ('problem' in preview) return <p className="worksheet-problem">{preview.problem}</p>;
  const { exercise } = preview;
  const b = exercise.rightHandSide;
  return (
    <figure className="worksheet-preview" aria-label="First exercise">
      <table>
        <tbody>
          {exercise.matrix.map((row, i) => (
            <tr key={i}>
              {row.map((entry, j) => (
                <td key={j}>{String(entry)}</td>
              ))}
              {b ? <td className="worksheet-bar">{String(b[i])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="muted">
        Exercise 1 · rank {exercise.analysis.rank} · pivot columns{' '}
        {exercise.analysis.pivots.map((column) => column + 1).join(', ') || 'none'}
        {exercise.system ? ` · [A | b], ${systemLabels[options.system].toLowerCase()}` : ''}
      </figcaption>
    </figure>
  );
}

export function WorksheetDialog({ onClose }: { onClose(): void }) {
  const store = useProjectStore();
  const [form, setForm] = useState(lastForm);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const read = useMemo(() => readWorksheetForm(form), [form]);
  const sheetRef = useRef<{ options: WorksheetOptions; sheet: Worksheet } | null>(null);

  useEffect(() => {
    lastForm = form;
  }, [form]);

  const set =
    <K extends keyof WorksheetForm>(key: K) =>
    (value: WorksheetForm[K]) => {
      setForm((current) => ({ ...current, [key]: value }));
      setMessage('');
    };

  /** The whole sheet for the current options, generated once for all four files. */
  function sheet(options: WorksheetOptions): Worksheet {
    if (sheetRef.current?.options !== options)
      sheetRef.current = { options, sheet: generateWorksheet(options) };
    return sheetRef.current.sheet;
  }

  /** Runs after a paint, so “Generating…” shows while a large sheet is drawn. */
  function act(work: (sheet: Worksheet) => Promise<string> | string) {
    if (!read.ok) return;
    const { options } = read;
    setBusy(true);
    setMessage('Generating…');
    setTimeout(() => {
      void (async () => {
        try {
          setMessage(await work(sheet(options)));
        } catch (error) {
          setMessage(error instanceof Error ? error.message : String(error));
        } finally {
          setBusy(false);
        }
      })();
    }, 0);
  }

  const stem = (answers: boolean) =>
    `${form.title || 'worksheet'} ${read.ok ? `seed ${read.options.seed}` : ''}${answers ? ' answers' : ''}`;

  async function save(output: Output, generated: Worksheet): Promise<string> {
    const answers = output.startsWith('key');
    const common = { title: form.title || 'Row reduction', paper: form.paper };
    if (output.endsWith('tex')) {
      const fileName = fileNameFor(stem(answers), 'tex');
      const tex = answers ? answerKeyLatex(generated, common) : worksheetLatex(generated, common);
      saveBlob(new Blob([tex], { type: 'application/x-tex' }), fileName);
      return `Saved ${fileName}.`;
    }
    const { worksheetPdf } = await import('../../../core/lecture/worksheet-pdf');
    const fileName = fileNameFor(stem(answers), 'pdf');
    const bytes = worksheetPdf(generated, { ...common, answers });
    saveBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileName);
    return `Saved ${fileName}.`;
  }

  function addToProject(generated: Worksheet): string {
    const { document } = store.getState();
    const matrices = worksheetMatrices(generated, {
      ids: document.matrices.map((matrix) => matrix.id),
      names: document.matrices.map((matrix) => matrix.name),
    });
    store
      .getState()
      .addMatrices(
        matrices,
        `Add ${matrices.length} worksheet exercise${matrices.length === 1 ? '' : 's'}`,
      );
    const first = matrices[0].name;
    const last = matrices.at(-1)!.name;
    return matrices.length === 1
      ? `Added ${first} to the project.`
      : `Added ${first} to ${last} to the project.`;
  }

  const text =
    (
      key: 'rows' | 'cols' | 'rank' | 'entryBound' | 'denominatorBound' | 'count' | 'seed',
      max?: number,
    ) =>
    (id: string) => (
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={key === 'rank' ? 0 : 1}
        max={max}
        value={form[key]}
        onChange={(event) => set(key)(event.target.value)}
      />
    );

  /** A select of one of the form's choice fields. */
  const choice = <K extends 'answers' | 'system' | 'paper'>(
    label: string,
    key: K,
    choices: readonly (readonly [WorksheetForm[K], string])[],
  ) => (
    <Field label={label}>
      {(id) => (
        <select
          id={id}
          value={form[key]}
          onChange={(event) => set(key)(event.target.value as WorksheetForm[K])}
        >
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <ModalDialog title="Worksheet" className="worksheet-dialog" onClose={onClose}>
      <div className="worksheet-grid">
        <Field label="Rows">{text('rows', worksheetLimits.rows)}</Field>
        <Field label="Columns">{text('cols', worksheetLimits.cols)}</Field>
        <Field label="Rank">{text('rank')}</Field>
        <Field label="Pivot columns">
          {(id) => (
            <input
              id={id}
              type="text"
              placeholder="random"
              value={form.pivots}
              onChange={(event) => set('pivots')(event.target.value)}
            />
          )}
        </Field>
        <Field label="Entries within ±">{text('entryBound', worksheetLimits.entryBound)}</Field>
        {choice('Answers', 'answers', answerChoices)}
        {form.answers === 'fractions' ? (
          <Field label="Denominators up to">{text('denominatorBound', 12)}</Field>
        ) : null}
        {choice('System Ax = b', 'system', systemChoices)}
        <Field label="Exercises">{text('count', worksheetLimits.count)}</Field>
        <div className="worksheet-seed">
          <Field label="Seed">{text('seed')}</Field>
          <button
            type="button"
            className="button-small"
            title="A random seed: another sheet with the same options"
            onClick={() => set('seed')(String(randomSeed()))}
          >
            New seed
          </button>
        </div>
        <Field label="Title">
          {(id) => (
            <input
              id={id}
              type="text"
              value={form.title}
              onChange={(event) => set('title')(event.target.value)}
            />
          )}
        </Field>
        {choice('Paper', 'paper', paperChoices)}
      </div>
      {read.ok ? (
        <Preview options={read.options} />
      ) : (
        <p className="worksheet-problem" role="alert">
          {read.problem}
        </p>
      )}
      <div className="worksheet-actions" role="group" aria-label="Worksheet files">
        {outputs.map((output) => (
          <Fragment key={output.id}>
            {output.format ? <span className="muted">{output.format}</span> : null}
            <button
              type="button"
              className="button-small"
              aria-label={output.label}
              disabled={!read.ok || busy}
              onClick={() => act((generated) => save(output.id, generated))}
            >
              {output.answers ? 'Answer key' : 'Sheet'}
            </button>
          </Fragment>
        ))}
        <span className="spacer" />
        <button
          type="button"
          className="button-small primary-action"
          disabled={!read.ok || busy}
          onClick={() => act(addToProject)}
        >
          Add to project
        </button>
      </div>
      <p className="export-message" role="status" data-testid="worksheet-status">
        {message}
      </p>
    </ModalDialog>
  );
}
