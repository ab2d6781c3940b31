// The workbench's commands and their keys, in one place for both sides: the page's keyboard map
// (renderer/src/keyboard) matches key presses against it and writes it in Help and in titles;
// Electron's native menu takes its accelerators from it (electron/main/accelerators.ts), so the
// two cannot drift. Data only: matching and focus rules live with the page.

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
  | 'present'
  | 'present-next'
  | 'present-previous'
  | 'present-black'
  | 'present-exit'
  | 'worksheet'
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
  group: 'File' | 'Edit' | 'Reduce view' | 'Lecture' | 'Presenter mode' | 'Help';
  chords: Chord[];
  when: FocusRule;
  /**
   * Only while presenting: these keys (a presentation clicker's) mean something else there, and
   * take precedence over the workbench's meaning of the same key, which holds otherwise.
   */
  presenting?: true;
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
    command: 'worksheet',
    label: 'Make a worksheet',
    group: 'Lecture',
    chords: [primary('e', true)],
    when: 'anywhere',
  },
  {
    command: 'present',
    label: 'Present the current view full screen',
    group: 'Lecture',
    chords: [plain('F5')],
    when: 'anywhere',
  },
  {
    command: 'present-next',
    label: 'Next step (a clicker’s forward button)',
    group: 'Presenter mode',
    chords: [plain('PageDown'), plain(' '), plain('ArrowDown')],
    when: 'outside-text',
    presenting: true,
  },
  {
    command: 'present-previous',
    label: 'Previous step (a clicker’s back button)',
    group: 'Presenter mode',
    chords: [plain('PageUp'), plain('ArrowUp')],
    when: 'outside-text',
    presenting: true,
  },
  {
    command: 'present-black',
    label: 'Black screen, and back',
    group: 'Presenter mode',
    chords: [plain('b'), plain('.')],
    when: 'outside-text',
    presenting: true,
  },
  {
    command: 'present-exit',
    label: 'Leave presenter mode',
    group: 'Presenter mode',
    chords: [plain('Escape')],
    when: 'anywhere',
    presenting: true,
  },
  {
    command: 'help',
    label: 'Keyboard shortcuts',
    group: 'Help',
    chords: [plain('F1'), plain('?')],
    when: 'outside-text',
  },
];
