import { describe, it, expect } from 'vitest';
import {
  bindingFor,
  chordText,
  documentTakesHistoryKey,
  focusAllows,
  keymap,
  shortcutText,
  titleWithShortcut,
  type FocusFacts,
  type KeyChord,
} from './keymap';

function chord(key: string, modifiers: Partial<KeyChord> = {}): KeyChord {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}
const commandOf = (event: KeyChord) => bindingFor(event)?.command ?? null;
const nowhere: FocusFacts = {
  editsText: false,
  inDocumentEditor: false,
  inField: false,
  onButton: false,
};

describe('history keys', () => {
  it('maps Ctrl/Cmd+Z to undo', () => {
    expect(commandOf(chord('z', { ctrlKey: true }))).toBe('undo');
    expect(commandOf(chord('z', { metaKey: true }))).toBe('undo');
  });
  it('maps Ctrl/Cmd+Shift+Z and Ctrl+Y to redo', () => {
    expect(commandOf(chord('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandOf(chord('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(commandOf(chord('y', { ctrlKey: true }))).toBe('redo');
  });
  it('ignores plain letters and other chords', () => {
    expect(commandOf(chord('z'))).toBeNull();
    expect(commandOf(chord('y', { metaKey: true }))).toBeNull();
    expect(commandOf(chord('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandOf(chord('c', { ctrlKey: true }))).toBeNull();
  });
  it('leaves text fields outside the matrix grid their own undo', () => {
    expect(documentTakesHistoryKey({ editsText: true, inDocumentEditor: true })).toBe(true);
    expect(documentTakesHistoryKey({ editsText: false, inDocumentEditor: false })).toBe(true);
    expect(documentTakesHistoryKey({ editsText: true, inDocumentEditor: false })).toBe(false);
  });
});

describe('file keys', () => {
  it('tells save from save as, open from recent, and wants Shift for a new project', () => {
    expect(commandOf(chord('s', { ctrlKey: true }))).toBe('save');
    expect(commandOf(chord('S', { metaKey: true, shiftKey: true }))).toBe('save-as');
    expect(commandOf(chord('o', { ctrlKey: true }))).toBe('open');
    expect(commandOf(chord('O', { ctrlKey: true, shiftKey: true }))).toBe('open-recent');
    expect(commandOf(chord('N', { ctrlKey: true, shiftKey: true }))).toBe('new');
    // Ctrl+N opens a browser window and Ctrl+Shift+I the developer tools: not ours.
    expect(commandOf(chord('n', { ctrlKey: true }))).toBeNull();
    expect(commandOf(chord('i', { ctrlKey: true }))).toBe('import');
    expect(commandOf(chord('I', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
  it('fire even while typing in a cell', () => {
    const typing = { ...nowhere, editsText: true, inField: true };
    expect(focusAllows(bindingFor(chord('s', { ctrlKey: true }))!.when, typing)).toBe(true);
  });
});

describe('Reduce view keys', () => {
  it('step with the arrows, Home and End, and play with Space, without modifiers', () => {
    expect(commandOf(chord('ArrowRight'))).toBe('step-next');
    expect(commandOf(chord('ArrowLeft'))).toBe('step-previous');
    expect(commandOf(chord('Home'))).toBe('step-first');
    expect(commandOf(chord('End'))).toBe('step-last');
    expect(commandOf(chord(' '))).toBe('play');
    expect(commandOf(chord('Spacebar'))).toBe('play');
    expect(commandOf(chord('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(commandOf(chord('End', { altKey: true }))).toBeNull();
  });
  it('leave fields and tabs their arrows, and buttons their Space', () => {
    const field = { ...nowhere, inField: true };
    const button = { ...nowhere, onButton: true };
    expect(focusAllows(bindingFor(chord('ArrowRight'))!.when, field)).toBe(false);
    expect(focusAllows(bindingFor(chord('ArrowRight'))!.when, button)).toBe(true);
    expect(focusAllows(bindingFor(chord(' '))!.when, button)).toBe(false);
    expect(focusAllows(bindingFor(chord(' '))!.when, nowhere)).toBe(true);
  });
});

describe('the keymap', () => {
  it('gives every key press at most one meaning', () => {
    const seen = new Map<string, string>();
    for (const binding of keymap)
      for (const { key, modifier, shift } of binding.chords) {
        const id = `${key.toLowerCase()} ${modifier} ${shift}`;
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, binding.command);
      }
  });
  it('writes chords the way each platform does', () => {
    expect(shortcutText('redo', false)).toBe('Ctrl+Shift+Z or Ctrl+Y');
    expect(shortcutText('redo', true)).toBe('⇧⌘Z or ⌃Y');
    expect(titleWithShortcut('Save', 'save', false)).toBe('Save (Ctrl+S)');
    expect(titleWithShortcut('Save as', 'save-as', true)).toBe('Save as (⇧⌘S)');
    expect(titleWithShortcut('Next step', 'step-next', false)).toBe('Next step (→)');
    expect(chordText({ key: ' ', modifier: 'none', shift: 'any' }, false)).toBe('Space');
  });
});
