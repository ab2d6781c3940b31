// The sizes the whole app agrees on, stated once: the editor, the renderer's store, the host's
// imports and the contract's schemas all read them from here.

/** The editor holds exact entries from 1×1 up to this many rows and columns. */
export const smallestEditorSize = 1;
export const largestEditorSize = 64;

/**
 * The most numbers a matrix kept as numbers (an import, a paste or a Lab tensor larger than the
 * editor) may hold: 2²⁴, so 128 MiB of doubles.
 */
export const largestKeptEntries = 2 ** 24;
