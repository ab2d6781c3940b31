// Every HostApi method of every host, as one object that satisfies HostHandlers (a missing or
// misspelt method fails to compile). Arguments arrive validated (serve-request.ts); each file
// argument is a handle, resolved here against the calling window's or connection's own handles,
// so a path string or another window's handle is refused before any file is touched.
import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { largestReportBytes } from '../../core/protocol/checkpoints';
import { hostError } from '../../core/protocol/errors';
import type { HandleInfo, PickFilesRequest } from '../../core/protocol/files';
import type { HostHandlers } from '../../core/protocol/host-methods';
import type { CheckpointLocation, CheckpointService } from './checkpoint-service';
import type { ComputeService } from './compute-service';
import type { DocumentService } from './document-service';
import { infoOf, isInside, type FileHandles } from './file-handles';
import type { RootFolder } from './root-folder';
import type { Uploads } from './uploads';

/** Native dialogs (Electron): the chosen paths, or null when the person cancels. */
export type FilePicker = (request: PickFilesRequest) => Promise<string[] | null>;

/** What every window or connection shares: the host's services. */
export interface HostServices {
  compute: ComputeService;
  documents: DocumentService;
  checkpoints: CheckpointService;
  /** Electron: native dialogs. */
  pickFiles?: FilePicker;
  /** The web host: the folder every typed path resolves inside. */
  root?: RootFolder;
  /** Files given on the command line, handed out once (see LaunchFiles). */
  launchFiles?: { take(): string[] };
  /** Example files shipped with the app. */
  exampleFiles?: string[];
}

/** What belongs to one window or connection, and ends with it. */
export interface HostScope {
  /** Unique per scope: job ids are namespaced by it, so no scope can cancel another's jobs. */
  id: string;
  handles: FileHandles;
  uploads: Uploads;
  /** The scope's running weight analyses, by (namespaced) job id. */
  controllers: Map<string, AbortController>;
}

function unsupported(what: string): never {
  throw hostError('Unsupported', what);
}

/** Project files may be saved back; matrix and weight files are only read. */
function grantFor(purpose: PickFilesRequest['purpose']) {
  return { read: true, write: purpose === 'project' };
}

export function createHostHandlers(services: HostServices, scope: HostScope): HostHandlers {
  const { compute, documents, root } = services;
  const { handles, uploads } = scope;
  const scoped = (jobId: string) => `${scope.id}/${jobId}`;

  /** A handle for a project file written or opened now (may be saved again). */
  const projectHandle = (file: string, origin: 'saved' | 'recent' | 'backup'): HandleInfo =>
    handles.issue(file, { kind: 'file', read: true, write: true, origin });

  /** The web host: a file must still lie inside the root to be handed to the page again. */
  const reachable = (file: string) => !root || root.shownPathOf(file) !== undefined;

  /** A checkpoint a person chose: a file (or shard index) in its folder, or a folder. */
  const checkpointLocation = (handle: string): CheckpointLocation => {
    const entry = handles.resolve(handle, handles.kindOf(handle) === 'folder' ? 'folder' : 'read');
    return entry.kind === 'folder'
      ? { folder: entry.path }
      : { folder: path.dirname(entry.path), entry: path.basename(entry.path) };
  };

  /** Runs work that Cancel (or the scope's end) stops through an AbortSignal. */
  const cancellable = async <T>(
    jobId: string,
    work: (scopedId: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    const id = scoped(jobId);
    const controller = new AbortController();
    scope.controllers.set(id, controller);
    try {
      return await work(id, controller.signal);
    } finally {
      scope.controllers.delete(id);
    }
  };

  const handlers = {
    info: () => ({ ...compute.info(), ...(root ? { root: root.shown } : {}) }),

    compute: ([job, request, options], call) => {
      const jobId = scoped(options?.jobId ?? `compute-${Date.now()}-${Math.random()}`);
      return compute.compute(job, request, { jobId, onProgress: call.progress }) as never;
    },

    cancel: ([jobId]) => {
      compute.cancel(scoped(jobId));
      scope.controllers.get(scoped(jobId))?.abort();
    },

    async pickFiles([request]) {
      if (!services.pickFiles)
        unsupported('This host has no file dialogs; type a path in the prompt instead.');
      const paths = await services.pickFiles(request);
      if (!paths) return null;
      if (request.mode === 'save')
        return [
          handles.issue(paths[0], { kind: 'file', read: false, write: true, origin: 'dialog' }),
        ];
      const kind = request.mode === 'folder' ? 'folder' : 'file';
      return Promise.all(
        paths.map(async (file) => {
          const size = kind === 'file' ? (await stat(file)).size : undefined;
          return handles.issue(file, {
            kind,
            ...grantFor(request.purpose),
            origin: 'dialog',
            size,
          });
        }),
      );
    },

    async resolvePath([request]) {
      if (!root) unsupported('Paths are typed only in the web host; use the file dialogs here.');
      const resolved = await root.resolve(request.path, request.mode);
      if (request.mode === 'save') {
        // Writing over a file this run has not opened or saved needs the person's yes, which
        // the page asks for; the handle serves that one save.
        const overwrites = resolved.exists && !documents.knows(resolved.path);
        const file = handles.issue(resolved.path, {
          kind: 'file',
          read: false,
          write: true,
          origin: 'prompt',
          oneSave: overwrites,
        });
        return { file, overwrites, createsFolders: resolved.missingFolders };
      }
      const file = handles.issue(resolved.path, {
        kind: resolved.kind,
        ...(resolved.kind === 'folder' ? { read: true, write: false } : grantFor(request.purpose)),
        origin: 'prompt',
        size: resolved.size,
      });
      return { file, overwrites: false, createsFolders: [] };
    },

    async launchFiles() {
      const issued: HandleInfo[] = [];
      for (const file of services.launchFiles?.take() ?? []) {
        const info = await stat(file).catch(() => null);
        if (!info?.isFile() || !reachable(file)) continue;
        const project = /\.rankscope$/i.test(file);
        issued.push(
          handles.issue(file, {
            kind: 'file',
            read: true,
            write: project,
            origin: 'launch',
            size: info.size,
          }),
        );
      }
      return issued;
    },

    async exampleFiles() {
      const issued: HandleInfo[] = [];
      for (const file of services.exampleFiles ?? []) {
        const info = await stat(file).catch(() => null);
        if (info?.isFile())
          issued.push(
            handles.issue(file, {
              kind: 'file',
              read: true,
              write: false,
              origin: 'example',
              size: info.size,
            }),
          );
      }
      return issued;
    },

    listFolder: ([folder]) => handles.listFolder(folder),

    beginUpload: ([request]) => uploads.begin(request),
    uploadChunk: ([request]) => uploads.chunk(request),
    finishUpload: ([uploadId]) => uploads.finish(uploadId),
    cancelUpload: ([uploadId]) => uploads.cancel(uploadId),

    async openProject([handle]) {
      const entry = handles.resolve(handle, 'read');
      const opened = await documents.openProject(entry.path);
      // The same handle: a project chosen to be read only (the bundled example, an upload) is
      // then saved with Save As, never over the file it came from.
      return {
        file: infoOf(handle, entry),
        document: opened.document,
        fileVersion: opened.fileVersion,
      };
    },

    async saveProject([request]) {
      const entry = handles.resolve(request.file, 'write');
      const blobsFrom = request.blobsFrom
        ? handles.resolve(request.blobsFrom, 'read').path
        : undefined;
      await prepareFolder(path.dirname(entry.path), root);
      const saved = await documents.saveProject(entry.path, {
        document: request.document,
        overwriteExternalChanges: request.overwriteExternalChanges,
        blobsFrom,
      });
      handles.spend(request.file);
      // The saved file gets a lasting handle: the next Save, Revert and the recent list use it.
      const file =
        entry.oneSave || !entry.read
          ? projectHandle(saved.path, 'saved')
          : infoOf(request.file, entry);
      return { file, document: saved.document };
    },

    checkExternalChange: ([handle]) =>
      documents.checkExternalChange(handles.resolve(handle, 'read').path) as never,

    async recentProjects() {
      const recent = await documents.recentProjects();
      return recent
        .filter((item) => reachable(item.path))
        .map((item) => ({ file: projectHandle(item.path, 'recent'), openedAt: item.openedAt }));
    },

    writeBackup([request]) {
      const project = request.project ? handles.resolve(request.project, 'read').path : undefined;
      documents.writeBackup(request.sessionId, request.document, project);
    },
    clearBackup: ([sessionId]) => documents.clearBackup(sessionId),

    async listBackups() {
      return (await documents.listBackups()).map(({ path: file, ...summary }) => ({
        ...summary,
        ...(file && reachable(file) ? { fileName: path.basename(file) } : {}),
      }));
    },

    async restoreBackup([id]) {
      const { summary, document, losses } = await documents.restoreBackup(id);
      const { path: file, ...rest } = summary;
      const exists = file
        ? await stat(file).then(
            (info) => info.isFile(),
            () => false,
          )
        : false;
      const handle = file && exists && reachable(file) ? projectHandle(file, 'backup') : undefined;
      return {
        summary: { ...rest, ...(handle ? { fileName: handle.name } : {}) },
        document,
        ...(handle ? { file: handle } : {}),
        losses,
      };
    },
    discardBackup: ([id]) => documents.discardBackup(id),

    importMatrix: ([request]) => {
      const entry = handles.resolve(request.file, 'read');
      return documents.importMatrix({ path: entry.path, name: entry.name }, request.tensor);
    },

    readMatrix: ([request]) =>
      documents.readMatrix(
        request.matrixId,
        request.project ? handles.resolve(request.project, 'read').path : undefined,
      ),

    keepMatrix: ([request]) => documents.keepMatrix(request),

    analyzeCheckpoint([request, options], call) {
      const location = checkpointLocation(request.source);
      return cancellable(options?.jobId ?? `checkpoint-${Date.now()}`, (jobId, signal) =>
        services.checkpoints.analyze(location, {
          passes: request.passes,
          tensors: request.tensors,
          policy: request.policy,
          jobId,
          onProgress: call.progress,
          signal,
        }),
      );
    },

    diffCheckpoints([request, options], call) {
      const base = checkpointLocation(request.base);
      const tuned = checkpointLocation(request.tuned);
      return cancellable(options?.jobId ?? `diff-${Date.now()}`, (jobId, signal) =>
        services.checkpoints.diff(base, tuned, {
          sketchRank: request.sketchRank,
          jobId,
          onProgress: call.progress,
          signal,
        }),
      );
    },

    async readWeightReport([handle]) {
      const entry = handles.resolve(handle, 'read');
      const source = await handles.openByteSource(handle);
      try {
        if (source.size > largestReportBytes)
          throw hostError(
            'TooLarge',
            `${entry.name} has ${source.size} bytes; a weight report the Lab opens may have at most ${largestReportBytes}.`,
          );
        const bytes = await source.read(0, source.size);
        return { name: entry.name, text: new TextDecoder().decode(bytes) };
      } finally {
        await source.close();
      }
    },
  } satisfies HostHandlers;
  return handlers;
}

/**
 * The folder a save goes into: created when it does not exist yet (the web host's prompt says
 * so), and, in the web host, checked to lie inside the root once it does (links included).
 */
async function prepareFolder(folder: string, root: RootFolder | undefined): Promise<void> {
  await mkdir(folder, { recursive: true });
  if (!root) return;
  const real = await realpath(folder);
  if (real !== root.real && !isInside(root.real, real))
    throw hostError(
      'OutsideRoot',
      `The folder to save in lies outside the folder this host serves (${root.shown}).`,
    );
}
