// HostApi's methods as data: their names, the shape of their arguments (validated once, by the
// host, before any handler runs), and the type every host's handler object must satisfy, so a
// missing or misspelt method fails to compile.
import { z } from 'zod';
import { checkpointDiffRequestSchema, checkpointRunRequestSchema } from './checkpoints';
import {
  backupRequestSchema,
  beginUploadRequestSchema,
  fileHandleSchema,
  importMatrixRequestSchema,
  keepMatrixRequestSchema,
  pickFilesRequestSchema,
  readMatrixRequestSchema,
  resolvePathRequestSchema,
  saveProjectRequestSchema,
  uploadChunkRequestSchema,
} from './files';
import type { HostApi, ProgressEvent } from './host-api';

const jobIdSchema = z.string().min(1).max(128);
/** A progress method's options as they travel: the job id (the callback stays in the page). */
export const callOptionsSchema = z.object({ jobId: jobIdSchema.optional() }).strict();
const idSchema = z.string().min(1).max(128);

/** Every method's arguments, as a tuple schema; unknown or extra arguments are refused. */
export const hostMethodArguments = {
  info: z.tuple([]),
  compute: z.tuple([z.string().min(1).max(64), z.unknown(), callOptionsSchema.optional()]),
  cancel: z.tuple([jobIdSchema]),
  pickFiles: z.tuple([pickFilesRequestSchema]),
  resolvePath: z.tuple([resolvePathRequestSchema]),
  launchFiles: z.tuple([]),
  exampleFiles: z.tuple([]),
  listFolder: z.tuple([fileHandleSchema]),
  beginUpload: z.tuple([beginUploadRequestSchema]),
  uploadChunk: z.tuple([uploadChunkRequestSchema]),
  finishUpload: z.tuple([idSchema]),
  cancelUpload: z.tuple([idSchema]),
  openProject: z.tuple([fileHandleSchema]),
  saveProject: z.tuple([saveProjectRequestSchema]),
  checkExternalChange: z.tuple([fileHandleSchema]),
  recentProjects: z.tuple([]),
  writeBackup: z.tuple([backupRequestSchema]),
  clearBackup: z.tuple([idSchema]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([idSchema]),
  discardBackup: z.tuple([idSchema]),
  importMatrix: z.tuple([importMatrixRequestSchema]),
  readMatrix: z.tuple([readMatrixRequestSchema]),
  keepMatrix: z.tuple([keepMatrixRequestSchema]),
  analyzeCheckpoint: z.tuple([checkpointRunRequestSchema, callOptionsSchema.optional()]),
  diffCheckpoints: z.tuple([checkpointDiffRequestSchema, callOptionsSchema.optional()]),
  readWeightReport: z.tuple([fileHandleSchema]),
} as const;

/** Methods that travel in envelopes (the optional event hooks of HostApi do not). */
export type HostMethodName = keyof typeof hostMethodArguments;
export const hostMethodNames = Object.keys(hostMethodArguments) as HostMethodName[];

// Every method of HostApi but the event hooks is listed above, and nothing else (compile time).
type EventHooks = 'onMenuCommand' | 'droppedFiles';
type Missing = Exclude<keyof HostApi, HostMethodName | EventHooks>;
type Extra = Exclude<HostMethodName, keyof HostApi>;
const _allListed: [Missing, Extra] extends [never, never] ? true : [Missing, Extra] = true;
void _allListed;

/** Methods whose last argument is ComputeOptions: they report progress and can be cancelled. */
export const progressMethods: Partial<Record<HostMethodName, number>> = {
  compute: 2,
  analyzeCheckpoint: 1,
  diffCheckpoints: 1,
};

export function isHostMethod(name: unknown): name is HostMethodName {
  return typeof name === 'string' && Object.hasOwn(hostMethodArguments, name);
}

/** What a handler learns about its call besides the arguments. */
export interface CallContext {
  /** Reports progress to the caller (only progress methods' callers listen). */
  progress(event: ProgressEvent): void;
}

type Result<M extends HostMethodName> = Awaited<ReturnType<HostApi[M]>>;

/** A host's handlers: one per method, given the validated arguments. */
export type HostHandlers = {
  [M in HostMethodName]: (
    args: z.output<(typeof hostMethodArguments)[M]>,
    call: CallContext,
  ) => Promise<Result<M>> | Result<M>;
};
