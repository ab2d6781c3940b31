// Generators shared by the project tests: documents as a person could make them (unicode names,
// empty and ragged matrices, dense blobs of every small shape, sessions and view settings).
import fc from 'fast-check';
import type { Matrix } from '../linalg/matrix';
import { projectVersion, type ProjectDocument } from './schema';

/**
 * Any Unicode code point (ASCII, the BMP outside surrogates, the astral planes): fast-check's
 * built-in 'binary' unit does the same but takes seconds to build its tables.
 */
export const anyCharacter = fc
  .oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((code) => String.fromCodePoint(code));

const cell = fc.oneof(
  fc.string({ maxLength: 12, unit: anyCharacter }),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc
    .tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([p, q]) => `${p}/${q}`),
);

export const matrixArbitrary = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 20, unit: anyCharacter }),
    name: fc.string({ minLength: 1, maxLength: 30, unit: anyCharacter }),
    entries: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }),
    rightHandSide: fc.array(cell, { maxLength: 5 }),
    note: fc.string({ maxLength: 60, unit: anyCharacter }),
  },
  { requiredKeys: ['id', 'name', 'entries'] },
);

const operation = fc.oneof(
  fc.record({ kind: fc.constant('swap' as const), rows: fc.tuple(fc.nat(9), fc.nat(9)) }),
  fc.record({
    kind: fc.constant('scale' as const),
    rows: fc.tuple(fc.nat(9)),
    factor: fc.constantFrom('2', '-1/3', '7/2'),
  }),
  fc.record({
    kind: fc.constant('add' as const),
    rows: fc.tuple(fc.nat(9), fc.nat(9)),
    factor: fc.constantFrom('-2', '1/5'),
  }),
);

export const documentArbitrary: fc.Arbitrary<ProjectDocument> = fc
  .record({
    title: fc.string({ maxLength: 40, unit: anyCharacter }),
    matrices: fc.uniqueArray(matrixArbitrary, { maxLength: 6, selector: (matrix) => matrix.id }),
    views: fc.dictionary(
      fc.constantFrom('editor', 'reduce', 'spectrum', 'subspaces', 'lab'),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    sessionOperations: fc.array(fc.array(operation, { maxLength: 4 }), { maxLength: 3 }),
    notes: fc.string({ maxLength: 80, unit: anyCharacter }),
    selectFirst: fc.boolean(),
  })
  .map(({ title, matrices, views, sessionOperations, notes, selectFirst }) => {
    const document: ProjectDocument = {
      type: 'rankscope',
      version: projectVersion,
      title,
      matrices,
      // Manual sessions live in the Reduce view's settings, by matrix id.
      views:
        matrices.length === 0 || sessionOperations.length === 0
          ? views
          : {
              ...views,
              reduce: {
                strategy: 'textbook',
                sessions: Object.fromEntries(
                  sessionOperations.map((operations, k) => {
                    const matrix = matrices[k % matrices.length];
                    return [
                      matrix.id,
                      { cells: matrix.entries, operations, position: operations.length },
                    ];
                  }),
                ),
              },
            },
      notes,
    };
    if (selectFirst && matrices.length > 0) document.selectedMatrixId = matrices[0].id;
    return document;
  });

/** A dense matrix of any small shape (including 0×n) with every kind of double. */
export const denseArbitrary: fc.Arbitrary<Matrix> = fc
  .tuple(fc.nat(6), fc.nat(6))
  .chain(([rows, cols]) =>
    fc
      .array(fc.double(), { minLength: rows * cols, maxLength: rows * cols })
      .map((values) => ({ rows, cols, data: Float64Array.from(values) })),
  );

/** A document together with dense blobs for some of its matrices. */
export const documentWithBlobsArbitrary = documentArbitrary.chain((document) =>
  fc
    .tuple(
      fc.constant(document),
      fc.array(fc.tuple(fc.boolean(), denseArbitrary), {
        minLength: document.matrices.length,
        maxLength: document.matrices.length,
      }),
    )
    .map(([document, choices]) => {
      const blobs = new Map<string, Matrix>();
      choices.forEach(([dense, matrix], k) => {
        if (dense) blobs.set(document.matrices[k].id, matrix);
      });
      return { document, blobs };
    }),
);
