// The one keydown listener of the window: it looks the key up in the keymap, checks where focus
// is, and runs what the newest mounted component registered for that command. A component says
// what its commands do with useShortcuts({ save: …, open: … }); unmounting takes them back.
import { useEffect, useRef } from 'react';
import { bindingFor, focusAllows, focusFacts, type CommandId, type KeyChord } from './keymap';

type Handler = () => void;

interface Registration {
  handlers: Partial<Record<CommandId, Handler>>;
}

/** Newest last: a view mounted inside another takes the command. */
const registrations: Registration[] = [];
let listening = false;

/** Runs the command a key press means, if a component handles it; true when one did. */
export function dispatchKey(event: KeyChord & { target: EventTarget | null }): boolean {
  const binding = bindingFor(event);
  if (!binding || !focusAllows(binding.when, focusFacts(event.target))) return false;
  for (let index = registrations.length - 1; index >= 0; index--) {
    const handler = registrations[index].handlers[binding.command];
    if (handler) {
      handler();
      return true;
    }
  }
  return false;
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
