// The workbench's keyboard map: how a key press finds its command, where focus may be when it
// fires, and how a chord is written in Help and in each button's title. The bindings themselves
// are core/protocol/keymap.ts, which Electron's menu reads too. Components never read key events
// for these; they register what a command does (use-shortcuts.ts).
import {
  keymap,
  type Binding,
  type Chord,
  type CommandId,
  type FocusRule,
} from '../../../core/protocol/keymap';

export { keymap, type Binding, type Chord, type CommandId, type FocusRule };

export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function normalKey(key: string): string {
  // Old Edge and IE name the space bar "Spacebar".
  return key === 'Spacebar' ? ' ' : key.toLowerCase();
}

function matches(chord: Chord, event: KeyChord): boolean {
  if (event.altKey || normalKey(event.key) !== normalKey(chord.key)) return false;
  if (chord.shift !== 'any' && chord.shift !== event.shiftKey) return false;
  if (chord.modifier === 'primary') return event.ctrlKey || event.metaKey;
  if (chord.modifier === 'ctrl') return event.ctrlKey;
  return !event.ctrlKey && !event.metaKey;
}

/**
 * Every binding a key press may mean, presenter mode's first: the listener runs the first one a
 * mounted component handles (presenter mode registers its commands only while presenting).
 */
export function bindingsFor(event: KeyChord): Binding[] {
  const found = keymap.filter((binding) => binding.chords.some((chord) => matches(chord, event)));
  return [...found.filter((binding) => binding.presenting), ...found.filter((b) => !b.presenting)];
}

/** The binding a key press means, before asking where focus is; null for none. */
export function bindingFor(event: KeyChord, presenting = false): Binding | null {
  return (
    bindingsFor(event).find((binding) => (binding.presenting ?? false) === presenting) ??
    (presenting ? bindingFor(event) : null)
  );
}

export function bindingOf(command: CommandId): Binding {
  return keymap.find((binding) => binding.command === command)!;
}

/** What we know about the focused element when a key arrives. */
export interface FocusFacts {
  /** An input, textarea or contenteditable that has its own text editing (and undo). */
  editsText: boolean;
  /** Inside an element marked data-document-history (the matrix grid): edits are document edits. */
  inDocumentEditor: boolean;
  /** A form field of any kind (text, range, checkbox, select) or a tab, which use keys themselves. */
  inField: boolean;
  /** A button or a <summary>, which take Space as a click. */
  onButton: boolean;
}

/**
 * Whether the document's history should take an undo or redo chord: yes in the matrix grid and
 * anywhere that is not a text field; other text fields (a rename box, a command line) keep theirs.
 */
export function documentTakesHistoryKey(
  focus: Pick<FocusFacts, 'editsText' | 'inDocumentEditor'>,
): boolean {
  return focus.inDocumentEditor || !focus.editsText;
}

export function focusAllows(rule: FocusRule, focus: FocusFacts): boolean {
  if (rule === 'anywhere') return true;
  if (rule === 'outside-text') return !focus.editsText;
  if (rule === 'history') return documentTakesHistoryKey(focus);
  if (rule === 'outside-fields') return !focus.inField;
  return !focus.inField && !focus.onButton;
}

const nonTextInputTypes = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'submit',
  'reset',
]);

export function focusFacts(target: EventTarget | null): FocusFacts {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement))
    return { editsText: false, inDocumentEditor: false, inField: false, onButton: false };
  const tag = target.tagName;
  const editsText =
    target.isContentEditable ||
    tag === 'TEXTAREA' ||
    (tag === 'INPUT' && !nonTextInputTypes.has((target as HTMLInputElement).type));
  return {
    editsText,
    inDocumentEditor: target.closest('[data-document-history]') !== null,
    inField:
      target.isContentEditable ||
      tag === 'INPUT' ||
      tag === 'TEXTAREA' ||
      tag === 'SELECT' ||
      target.getAttribute('role') === 'tab',
    onButton: tag === 'BUTTON' || tag === 'SUMMARY',
  };
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const keyNames: Record<string, string> = {
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  ' ': 'Space',
  home: 'Home',
  end: 'End',
  pagedown: 'Page Down',
  pageup: 'Page Up',
  escape: 'Esc',
};

/** "Ctrl+Shift+S" (Windows, Linux) or "⇧⌘S" (macOS). */
export function chordText(chord: Chord, mac = isMac): string {
  const key =
    keyNames[normalKey(chord.key)] ??
    (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const shift = chord.shift === true;
  if (mac) {
    const control = chord.modifier === 'primary' ? '⌘' : chord.modifier === 'ctrl' ? '⌃' : '';
    return `${shift ? '⇧' : ''}${control}${key}`;
  }
  const parts = [chord.modifier === 'none' ? '' : 'Ctrl+', shift ? 'Shift+' : '', key];
  return parts.join('');
}

/** Every chord of a command, as Help lists them: "Ctrl+Shift+Z or Ctrl+Y". */
export function shortcutText(command: CommandId, mac = isMac): string {
  return bindingOf(command)
    .chords.map((chord) => chordText(chord, mac))
    .join(' or ');
}

/** A button's title: "Save (Ctrl+S)", with the command's first chord. */
export function titleWithShortcut(label: string, command: CommandId, mac = isMac): string {
  return `${label} (${chordText(bindingOf(command).chords[0], mac)})`;
}
