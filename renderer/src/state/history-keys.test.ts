import { describe, it, expect } from 'vitest';
import { documentTakesHistoryKey, historyCommandFor, type KeyChord } from './history-keys';

function chord(key: string, modifiers: Partial<KeyChord> = {}): KeyChord {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

describe('history keys', () => {
  it('maps Ctrl/Cmd+Z to undo', () => {
    expect(historyCommandFor(chord('z', { ctrlKey: true }))).toBe('undo');
    expect(historyCommandFor(chord('z', { metaKey: true }))).toBe('undo');
  });
  it('maps Ctrl/Cmd+Shift+Z and Ctrl+Y to redo', () => {
    expect(historyCommandFor(chord('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyCommandFor(chord('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(historyCommandFor(chord('y', { ctrlKey: true }))).toBe('redo');
  });
  it('ignores plain letters and other chords', () => {
    expect(historyCommandFor(chord('z'))).toBeNull();
    expect(historyCommandFor(chord('y', { metaKey: true }))).toBeNull();
    expect(historyCommandFor(chord('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyCommandFor(chord('c', { ctrlKey: true }))).toBeNull();
  });
  it('leaves text fields outside the matrix grid their own undo', () => {
    expect(documentTakesHistoryKey({ editsText: true, inDocumentEditor: true })).toBe(true);
    expect(documentTakesHistoryKey({ editsText: false, inDocumentEditor: false })).toBe(true);
    expect(documentTakesHistoryKey({ editsText: true, inDocumentEditor: false })).toBe(false);
  });
});
