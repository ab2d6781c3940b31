import { describe, expect, it } from 'vitest';
import { dispatchKey, registerShortcuts, runCommand, runMenuCommand } from './use-shortcuts';

function press(key: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}) {
  return dispatchKey({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
    ...modifiers,
  });
}

describe('the one keydown listener', () => {
  it('runs the newest registered handler of a command, and the older one again once it leaves', () => {
    const calls: string[] = [];
    const removeWorkbench = registerShortcuts({ undo: () => calls.push('workbench undo') });
    const removeView = registerShortcuts({
      undo: () => calls.push('view undo'),
      'step-next': () => calls.push('next'),
    });
    expect(press('z', { ctrlKey: true })).toBe(true);
    expect(press('ArrowRight')).toBe(true);
    removeView();
    expect(press('z', { ctrlKey: true })).toBe(true);
    expect(press('ArrowRight')).toBe(false);
    removeWorkbench();
    expect(calls).toEqual(['view undo', 'next', 'workbench undo']);
  });

  it('leaves keys no component handles, and keys the keymap does not know, to the page', () => {
    const remove = registerShortcuts({ save: () => undefined });
    expect(press('o', { ctrlKey: true })).toBe(false);
    expect(press('q', { ctrlKey: true })).toBe(false);
    expect(press('s', { ctrlKey: true })).toBe(true);
    remove();
    expect(press('s', { ctrlKey: true })).toBe(false);
  });

  it('gives a key with two meanings to the first one a component handles now', () => {
    const calls: string[] = [];
    const removeView = registerShortcuts({ play: () => calls.push('play') });
    expect(press(' ')).toBe(true);
    // Presenting: presenter mode registers its commands, and Space steps instead of playing.
    const removePresenter = registerShortcuts({ 'present-next': () => calls.push('next') });
    expect(press(' ')).toBe(true);
    expect(press('PageDown')).toBe(true);
    removePresenter();
    expect(press(' ')).toBe(true);
    expect(press('PageDown')).toBe(false);
    removeView();
    expect(calls).toEqual(['play', 'next', 'next', 'play']);
  });

  it('runs a command by name for the newest component that handles it', () => {
    const calls: string[] = [];
    const remove = registerShortcuts({ 'step-next': () => calls.push('step') });
    expect(runCommand('step-next')).toBe(true);
    expect(runCommand('step-last')).toBe(false);
    remove();
    expect(runCommand('step-next')).toBe(false);
    expect(calls).toEqual(['step']);
  });
});

describe('commands from the native menu', () => {
  const focus = (editsText: boolean, inDocumentEditor = false) => ({
    editsText,
    inDocumentEditor,
    inField: editsText,
    onButton: false,
  });

  it('undoes typing in a text field, and the document (or a view) anywhere else', () => {
    const calls: string[] = [];
    const edited: string[] = [];
    const editText = (command: 'undo' | 'redo') => edited.push(command);
    const remove = registerShortcuts({
      undo: () => calls.push('document undo'),
      redo: () => calls.push('document redo'),
      save: () => calls.push('save'),
    });
    // A figure's title: Electron's menu took Ctrl+Z, the field's own typing is undone.
    expect(runMenuCommand('undo', focus(true), editText)).toBe(true);
    expect(runMenuCommand('redo', focus(true), editText)).toBe(true);
    // A cell of the matrix grid is a document edit; so is nothing focused.
    expect(runMenuCommand('undo', focus(true, true), editText)).toBe(true);
    expect(runMenuCommand('redo', focus(false), editText)).toBe(true);
    // Other commands run whatever has focus.
    expect(runMenuCommand('save', focus(true), editText)).toBe(true);
    remove();
    expect(runMenuCommand('undo', focus(false), editText)).toBe(false);
    expect(edited).toEqual(['undo', 'redo']);
    expect(calls).toEqual(['document undo', 'document redo', 'save']);
  });
});
