import { describe, expect, it } from 'vitest';
import { dispatchKey, registerShortcuts } from './use-shortcuts';

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
});
