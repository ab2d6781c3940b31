// Electron accelerators from the one keymap (core/protocol/keymap.ts): the native menu shows and
// answers the chord that the page's Help and button titles name, so the two cannot drift.
import { keymap, type Chord } from '../../core/protocol/keymap';

/** KeyboardEvent.key (lower case) → Electron's key code, where the two differ. */
const keyCodes: Record<string, string> = {
  arrowleft: 'Left',
  arrowright: 'Right',
  arrowup: 'Up',
  arrowdown: 'Down',
  ' ': 'Space',
  escape: 'Esc',
};

/** "CmdOrCtrl+Shift+S": Electron's form of a chord ("primary" is ⌘ on macOS, Ctrl elsewhere). */
export function acceleratorOf(chord: Chord): string {
  const key =
    keyCodes[chord.key.toLowerCase()] ??
    (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const modifier =
    chord.modifier === 'primary' ? 'CmdOrCtrl+' : chord.modifier === 'ctrl' ? 'Ctrl+' : '';
  return `${modifier}${chord.shift === true ? 'Shift+' : ''}${key}`;
}

/**
 * A menu item's accelerator: the command's first chord, the one Help and titles name first (a
 * menu item shows one; the page answers the others). Undefined for a command with no keys.
 */
export function acceleratorFor(command: string): string | undefined {
  const binding = keymap.find((candidate) => candidate.command === command);
  return binding ? acceleratorOf(binding.chords[0]) : undefined;
}
