// The project document: what a person keeps in a .rankscope file. Validated by zod on every
// load; `version` drives migrations (core/project/migrations.ts once there is a v2).
import { z } from 'zod';

export const projectVersion = 1;

/** Matrices small enough to edit are kept as the exact strings a person typed ("1/3", "sqrt(2)"). */
export const matrixDocumentSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  entries: z.array(z.array(z.string().max(200)).max(512)).max(512),
  /** Optional right-hand side b for [A | b]. */
  rightHandSide: z.array(z.string().max(200)).max(512).optional(),
  note: z.string().max(100_000).optional(),
});
export type MatrixDocument = z.infer<typeof matrixDocumentSchema>;

export const projectSchema = z.object({
  type: z.literal('rankscope'),
  version: z.literal(projectVersion),
  title: z.string().max(200),
  matrices: z.array(matrixDocumentSchema).max(10_000),
  selectedMatrixId: z.string().max(64).optional(),
  /** Per-view settings, keyed by view name; each view validates its own part. */
  views: z.record(z.string(), z.unknown()).default({}),
  notes: z.string().max(1_000_000).default(''),
});
export type ProjectDocument = z.infer<typeof projectSchema>;
