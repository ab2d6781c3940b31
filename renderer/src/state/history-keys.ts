// The keyboard map for history: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo.
export type HistoryCommand = 'undo' | 'redo';

export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function historyCommandFor(chord: KeyChord): HistoryCommand | null {
  if (chord.altKey) return null;
  const command = chord.ctrlKey || chord.metaKey;
  if (!command) return null;
  const key = chord.key.toLowerCase();
  if (key === 'z') return chord.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && chord.ctrlKey && !chord.shiftKey) return 'redo';
  return null;
}

/** What we know about the focused element when a history chord arrives. */
export interface FocusFacts {
  /** An input, textarea or contenteditable that has its own text undo. */
  editsText: boolean;
  /** Inside an element marked data-document-history (the matrix grid): edits are document edits. */
  inDocumentEditor: boolean;
}

/**
 * Whether the document's history should take the chord: yes in the matrix grid and anywhere
 * that is not a text field; other text fields (a rename box, a view's command line) keep theirs.
 */
export function documentTakesHistoryKey(focus: FocusFacts): boolean {
  return focus.inDocumentEditor || !focus.editsText;
}
