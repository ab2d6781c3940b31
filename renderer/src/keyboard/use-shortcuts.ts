// The one keydown listener of the window: it looks the key up in the keymap, checks where focus
// is, and runs what the newest mounted component registered for that command. A component says
// what its commands do with useShortcuts({ save: …, open: … }); unmounting takes them back.
import { useEffect, useRef } from 'react';
import {
  bindingsFor,
  documentTakesHistoryKey,
  focusAllows,
  focusFacts,
  type CommandId,
  type FocusFacts,
  type KeyChord,
} from './keymap';

type Handler = () => void;

interface Registration {
  handlers: Partial<Record<CommandId, Handler>>;
}

/** Newest last: a view mounted inside another takes the command. */
const registrations: Registration[] = [];
let listening = false;

/** Runs what the newest mounted component registered for a command; true when one did. */
export function runCommand(command: CommandId): boolean {
  for (let index = registrations.length - 1; index >= 0; index--) {
    const handler = registrations[index].handlers[command];
    if (handler) {
      handler();
      return true;
    }
  }
  return false;
}

/**
 * A command from the native menu, run as its key would be. Electron's menu takes Ctrl+Z before the
 * page sees it, so Undo and Redo in a text field with its own history (a figure's title, a filter)
 * act on the typing there, as the key does in a browser, not on the document. True when handled.
 */
export function runMenuCommand(
  command: CommandId,
  focus: FocusFacts = focusFacts(typeof document === 'undefined' ? null : document.activeElement),
  editText: (command: 'undo' | 'redo') => void = (name) => document.execCommand(name),
): boolean {
  if ((command === 'undo' || command === 'redo') && !documentTakesHistoryKey(focus)) {
    editText(command);
    return true;
  }
  return runCommand(command);
}

/**
 * Runs the command a key press means, if a component handles it; true when one did. A key with
 * two meanings (Space: play, or a presenter's next step) runs the first that is handled now.
 */
export function dispatchKey(event: KeyChord & { target: EventTarget | null }): boolean {
  const focus = focusFacts(event.target);
  return bindingsFor(event).some(
    (binding) => focusAllows(binding.when, focus) && runCommand(binding.command),
  );
}

function onKeyDown(event: KeyboardEvent) {
  // Ours replaces the browser's or the field's own meaning of the key (save page, text undo).
  if (dispatchKey(event)) event.preventDefault();
}

/** Adds handlers (newest first in line); returns the function that takes them back. */
export function registerShortcuts(handlers: Registration['handlers']): () => void {
  const registration: Registration = { handlers };
  registrations.push(registration);
  if (!listening && typeof window !== 'undefined') {
    window.addEventListener('keydown', onKeyDown);
    listening = true;
  }
  return () => {
    registrations.splice(registrations.indexOf(registration), 1);
    if (registrations.length === 0 && listening) {
      window.removeEventListener('keydown', onKeyDown);
      listening = false;
    }
  };
}

/** Registers what this component does for some commands, for as long as it is mounted. */
export function useShortcuts(handlers: Partial<Record<CommandId, Handler>>): void {
  // The newest handlers run, without re-registering (and losing the order) on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  const commands = Object.keys(handlers).sort().join(' ');
  useEffect(() => {
    const forwarding: Partial<Record<CommandId, Handler>> = {};
    for (const command of commands.split(' ').filter(Boolean) as CommandId[])
      forwarding[command] = () => latest.current[command]?.();
    return registerShortcuts(forwarding);
  }, [commands]);
}
