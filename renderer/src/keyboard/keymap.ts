// The workbench's keyboard map, in one place: every shortcut, what it does, where focus may be
// when it fires, and how it is written in Help and in each button's title. Components never
// read key events for these; they register what a command does (use-shortcuts.ts).

export type CommandId =
  | 'new'
  | 'open'
  | 'open-recent'
  | 'save'
  | 'save-as'
  | 'import'
  | 'undo'
  | 'redo'
  | 'step-first'
  | 'step-previous'
  | 'step-next'
  | 'step-last'
  | 'play'
  | 'help';

/** Ctrl on Windows and Linux, ⌘ on macOS; either is accepted everywhere. */
type Modifier = 'primary' | 'ctrl' | 'none';

export interface Chord {
  /** KeyboardEvent.key, compared without case ("s", "ArrowRight", " ", "F1", "?"). */
  key: string;
  modifier: Modifier;
  /** Must Shift be down (true), up (false), or either ('any')? */
  shift: boolean | 'any';
}

/**
 * Where focus may be for a binding to fire: anywhere; outside text (a typed "?" stays a "?");
 * where the document's history takes the chord (the matrix grid, or anything that is not a text
 * field); outside fields (text fields, selects, tab lists keep their keys); or outside fields
 * and buttons (a button takes Space).
 */
export type FocusRule =
  'anywhere' | 'outside-text' | 'history' | 'outside-fields' | 'outside-fields-and-buttons';

export interface Binding {
  command: CommandId;
  /** What the command does, as Help lists it. */
  label: string;
  /** Help's heading for it. */
  group: 'File' | 'Edit' | 'Reduce view' | 'Help';
  chords: Chord[];
  when: FocusRule;
}

const primary = (key: string, shift = false): Chord => ({ key, modifier: 'primary', shift });
const plain = (key: string): Chord => ({ key, modifier: 'none', shift: 'any' });

export const keymap: readonly Binding[] = [
  {
    command: 'new',
    label: 'New project',
    group: 'File',
    chords: [primary('n', true)],
    when: 'anywhere',
  },
  {
    command: 'open',
    label: 'Open a project',
    group: 'File',
    chords: [primary('o')],
    when: 'anywhere',
  },
  {
    command: 'open-recent',
    label: 'Recent projects',
    group: 'File',
    chords: [primary('o', true)],
    when: 'anywhere',
  },
  { command: 'save', label: 'Save', group: 'File', chords: [primary('s')], when: 'anywhere' },
  {
    command: 'save-as',
    label: 'Save as',
    group: 'File',
    chords: [primary('s', true)],
    when: 'anywhere',
  },
  {
    command: 'import',
    label: 'Import a matrix file',
    group: 'File',
    chords: [primary('i')],
    when: 'anywhere',
  },
  { command: 'undo', label: 'Undo', group: 'Edit', chords: [primary('z')], when: 'history' },
  {
    command: 'redo',
    label: 'Redo',
    group: 'Edit',
    chords: [primary('z', true), { key: 'y', modifier: 'ctrl', shift: false }],
    when: 'history',
  },
  {
    command: 'step-first',
    label: 'First step',
    group: 'Reduce view',
    chords: [plain('Home')],
    when: 'outside-fields',
  },
  {
    command: 'step-previous',
    label: 'Previous step',
    group: 'Reduce view',
    chords: [plain('ArrowLeft')],
    when: 'outside-fields',
  },
  {
    command: 'step-next',
    label: 'Next step',
    group: 'Reduce view',
    chords: [plain('ArrowRight')],
    when: 'outside-fields',
  },
  {
    command: 'step-last',
    label: 'Last step',
    group: 'Reduce view',
    chords: [plain('End')],
    when: 'outside-fields',
  },
  {
    command: 'play',
    label: 'Play or pause the reduction',
    group: 'Reduce view',
    chords: [plain(' ')],
    when: 'outside-fields-and-buttons',
  },
  {
    command: 'help',
    label: 'Keyboard shortcuts',
    group: 'Help',
    chords: [plain('F1'), plain('?')],
    when: 'outside-text',
  },
];

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

/** The binding a key press means, before asking where focus is; null for none. */
export function bindingFor(event: KeyChord): Binding | null {
  return keymap.find((binding) => binding.chords.some((chord) => matches(chord, event))) ?? null;
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
