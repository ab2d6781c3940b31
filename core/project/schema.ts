// The project document: what a person keeps in a .rankscope file. Validated by zod on every
// load; `version` drives migrations (core/project/migrations.ts): older files are migrated up to
// `projectVersion`, newer ones are refused.
import { z } from 'zod';
import { deepestViewNesting, nestingDepth } from './nesting';

/**
 * Version 2 added dense-matrix references (large matrices stored as .npy blobs inside the
 * container) and a top-level list of manual row-reduction sessions. A version-1 reader would
 * silently drop the blob references, so the bump makes it refuse such files instead of
 * half-reading them. Version 3 keeps manual sessions in one place only, the Reduce view's
 * settings (`views.reduce.sessions`, by matrix id, with the cells each session started from), and
 * drops the top-level list, which the app never read (migrations.ts moves it over).
 */
export const projectVersion = 3;

/** The largest dimension a dense matrix may claim; 2^31 − 1 keeps rows·cols a safe integer. */
export const maximumDenseExtent = 2 ** 31 - 1;

/** Where a large matrix's numbers live inside the container: a little-endian float64 .npy entry. */
export const denseReferenceSchema = z.object({
  path: z
    .string()
    .max(300)
    .regex(/^matrices\/[^/\\]+\.npy$/, 'expected "matrices/<name>.npy"'),
  rows: z.number().int().min(0).max(maximumDenseExtent),
  cols: z.number().int().min(0).max(maximumDenseExtent),
  dtype: z.literal('float64'),
});
export type DenseReference = z.infer<typeof denseReferenceSchema>;

/** Matrices small enough to edit are kept as the exact strings a person typed ("1/3", "sqrt(2)"). */
export const matrixDocumentSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** Empty when `dense` holds the numbers. */
  entries: z.array(z.array(z.string().max(200)).max(512)).max(512),
  /** Optional right-hand side b for [A | b]. */
  rightHandSide: z.array(z.string().max(200)).max(512).optional(),
  note: z.string().max(100_000).optional(),
  /**
   * How decimal entries are read: 'exact' as the numbers written, 'floating' as computed data.
   * Absent: as typed by hand (short decimals exact, long ones floating); imports set 'floating'.
   */
  decimals: z.enum(['exact', 'floating']).optional(),
  /** A large or imported matrix whose numbers live in a binary blob, not in `entries`. */
  dense: denseReferenceSchema.optional(),
});
export type MatrixDocument = z.infer<typeof matrixDocumentSchema>;

/** One elementary row operation as saved: rows 0-based, the factor as exact text ("-2/3"). */
export const savedRowOperationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('swap'),
    rows: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  }),
  z.object({
    kind: z.literal('scale'),
    rows: z.tuple([z.number().int().min(0)]),
    factor: z.string().min(1).max(200),
  }),
  z.object({
    kind: z.literal('add'),
    rows: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    factor: z.string().min(1).max(200),
  }),
]);
export type SavedRowOperation = z.infer<typeof savedRowOperationSchema>;

export const projectSchema = z.object({
  type: z.literal('rankscope'),
  version: z.literal(projectVersion),
  title: z.string().max(200),
  matrices: z.array(matrixDocumentSchema).max(10_000),
  selectedMatrixId: z.string().max(64).optional(),
  /** Per-view settings, keyed by view name; each view validates its own part. */
  views: z
    .record(z.string(), z.unknown())
    .refine((views) => nestingDepth(views, deepestViewNesting) <= deepestViewNesting, {
      message: `view settings may nest at most ${deepestViewNesting} levels deep`,
    })
    .default({}),
  notes: z.string().max(1_000_000).default(''),
});
export type ProjectDocument = z.infer<typeof projectSchema>;
