// The line above the stepper that says how the decimals are reduced (reading-note.ts), with the
// switch to the other reading (the inspector's, undoable) and the way to Spectrum.
import { useOpenView, useProjectStore } from '../../state/app-context';
import { readingNote, type ReadingNoteFacts } from './reading-note';

export function ReadingNote({ matrixId, ...facts }: ReadingNoteFacts & { matrixId: string }) {
  const store = useProjectStore();
  const openView = useOpenView();
  const note = readingNote(facts);
  if (!note) return null;
  return (
    <div
      className={`rank-story reading-note ${note.arithmetic}`}
      role="note"
      data-testid="reading-note"
    >
      <p>
        {note.sentences.map((sentence, index) => (
          <span key={index}>
            {index > 0 ? ' ' : ''}
            {sentence}
          </span>
        ))}
      </p>
      <p className="reading-note-actions">
        {note.offer ? (
          <button
            type="button"
            className="toggle"
            data-testid={`reduce-reading-${note.offer}`}
            onClick={() => store.getState().setDecimalReading(matrixId, note.offer!)}
          >
            {note.offer === 'exact' ? 'Reduce as written, exactly' : 'Read as floating data'}
          </button>
        ) : null}
        {note.spectrum && openView ? (
          <button type="button" className="toggle" onClick={() => openView('spectrum')}>
            Open Spectrum
          </button>
        ) : null}
      </p>
    </div>
  );
}
