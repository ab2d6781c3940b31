// Brings a project manifest from any earlier file version up to `projectVersion`, one tested step
// at a time (v1 → v2, …), the way Excalidraw and tldraw migrate on load. A file from a newer
// version is refused with a sentence, never half-read. Steps work on plain JSON; the result is
// validated by the current schema afterwards (container.ts), so paths in errors stay the file's.
import { projectVersion } from './schema';
import { ProjectError } from './project-error';

type JsonObject = Record<string, unknown>;

/** v1 → v2: version 2 adds `sessions` (manual row reductions) and optional dense references;
 * a v1 file has neither, so it gains an empty session list and keeps every matrix as it was. */
export function migrateV1ToV2(document: JsonObject): JsonObject {
  const { version: _version, ...rest } = document;
  return {
    ...rest,
    version: 2,
    sessions: Array.isArray(document.sessions) ? document.sessions : [],
  };
}

/**
 * v2 → v3: the top-level `sessions` list moves into the Reduce view's settings
 * (`views.reduce.sessions[matrixId] = { cells, operations, position }`), where the app keeps manual
 * sessions, with the matrix's current cells as the cells the session started from. A session the
 * view already holds for that matrix wins; one whose matrix is gone or has no cells (a dense
 * matrix, which has no manual mode) is dropped.
 */
export function migrateV2ToV3(document: JsonObject): JsonObject {
  const { version: _version, sessions, ...rest } = document;
  const views = isObject(rest.views) ? { ...rest.views } : {};
  const reduce = isObject(views.reduce) ? { ...views.reduce } : {};
  const kept = isObject(reduce.sessions) ? { ...reduce.sessions } : {};
  const matrices = Array.isArray(rest.matrices) ? rest.matrices : [];
  for (const session of Array.isArray(sessions) ? sessions : []) {
    if (!isObject(session) || typeof session.matrixId !== 'string') continue;
    if (session.matrixId in kept || !Array.isArray(session.operations)) continue;
    const matrix = matrices.find(
      (candidate) => isObject(candidate) && candidate.id === session.matrixId,
    ) as JsonObject | undefined;
    if (!matrix || !Array.isArray(matrix.entries) || matrix.entries.length === 0) continue;
    kept[session.matrixId] = {
      cells: matrix.entries,
      operations: session.operations,
      position: typeof session.position === 'number' ? session.position : session.operations.length,
    };
  }
  if (Object.keys(kept).length > 0) {
    views.reduce = { strategy: 'textbook', ...reduce, sessions: kept };
  }
  return { ...rest, version: 3, views };
}

/** migrations[n] turns a version-n manifest into version n+1. */
export const migrations: Readonly<Record<number, (document: JsonObject) => JsonObject>> = {
  1: migrateV1ToV2,
  2: migrateV2ToV3,
};

export const oldestReadableVersion = 1;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the `{ type, version }` header and runs every migration from the file's version to the
 * current one. Throws ProjectError for a file that is not a Rankscope project or is too new.
 */
export function migrate(raw: unknown): JsonObject {
  if (!isObject(raw)) {
    throw new ProjectError(
      'wrong-type',
      'project.json does not hold a Rankscope project (it is not a JSON object)',
    );
  }
  if (raw.type !== 'rankscope') {
    const found = typeof raw.type === 'string' ? `"${raw.type.slice(0, 40)}"` : 'missing';
    throw new ProjectError(
      'wrong-type',
      `this is not a Rankscope project (its type is ${found}, expected "rankscope")`,
    );
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProjectError('schema', 'version: expected a whole number of at least 1', undefined, {
      path: 'version',
    });
  }
  if (version > projectVersion) {
    throw new ProjectError(
      'newer-version',
      `This project was saved by a newer Rankscope (file version ${version}; this version reads up to ${projectVersion}). Update Rankscope to open it.`,
      undefined,
      { fileVersion: version },
    );
  }
  if (version < oldestReadableVersion) {
    throw new ProjectError(
      'schema',
      `file version ${version} is older than any Rankscope can read`,
    );
  }
  let document: JsonObject = raw;
  for (let from = version; from < projectVersion; from++) {
    const step = migrations[from];
    if (!step) throw new Error(`no migration from project version ${from}`);
    document = step(document);
  }
  return document;
}
