// The .rankscope file: a zip holding `project.json` (the manifest, `{ "type": "rankscope",
// "version": N, … }`) and, for large or imported matrices, `matrices/<id>.npy` blobs the manifest
// refers to. Opening checks sizes before inflating, migrates older versions, validates with the
// current schema and refuses newer files: a file is read whole or not at all. Cost O(file bytes).
import type { z } from 'zod';
import type { Matrix } from '../linalg/matrix';
import { FormatError } from '../formats/format-error';
import { parseNpy } from '../formats/npy';
import { parseJson } from './json-syntax';
import { migrate } from './migrations';
import { ProjectError } from './project-error';
import { projectSchema, type DenseReference, type ProjectDocument } from './schema';
import { formatBytes } from '../quantities';
import { defaultZipLimits, looksLikeZip, readZip, type ZipLimits } from './zip-reader';
import { concatenate, zipChunks, type ZipWriteEntry, type ZipWriteOptions } from './zip-writer';

export const manifestName = 'project.json';
/** The manifest is text a person could read; beyond this it is not a real project. */
export const maximumManifestBytes = 256 * 1024 ** 2;

export interface DecodedProject {
  document: ProjectDocument;
  /** The numbers of every dense matrix, keyed by matrix id. */
  blobs: Map<string, Matrix>;
  /** The version the file was written with; below `projectVersion` it was migrated on load. */
  fileVersion: number;
}

/** The zip entry name of a dense matrix: its id, percent-encoded so any id is a safe name. */
export function densePath(matrixId: string): string {
  return `matrices/${encodeURIComponent(matrixId)}.npy`;
}

/**
 * The document as it will be saved: every matrix with a blob gets its dense reference (and no
 * entries); a dense reference without a blob, or a blob for no matrix, is an error.
 */
export function prepareDocument(
  document: ProjectDocument,
  blobs: ReadonlyMap<string, Matrix> = new Map(),
): ProjectDocument {
  const known = new Set(document.matrices.map((matrix) => matrix.id));
  for (const id of blobs.keys()) {
    if (!known.has(id))
      throw new ProjectError(
        'missing-blob',
        `dense data was given for a matrix "${id}" that the project does not hold`,
      );
  }
  const densePaths = new Set<string>();
  const matrices = document.matrices.map((matrix) => {
    const blob = blobs.get(matrix.id);
    if (!blob) {
      if (matrix.dense) {
        throw new ProjectError(
          'missing-blob',
          `the numbers of the matrix "${matrix.name}" (${matrix.dense.rows}×${matrix.dense.cols}) are not available to save`,
        );
      }
      return matrix;
    }
    if (blob.data.length !== blob.rows * blob.cols) {
      throw new ProjectError(
        'invalid-blob',
        `the dense matrix "${matrix.name}" holds ${blob.data.length} numbers, not ${blob.rows}×${blob.cols}`,
      );
    }
    const path = densePath(matrix.id);
    if (densePaths.has(path))
      throw new ProjectError('schema', `two matrices share the id "${matrix.id}"`);
    densePaths.add(path);
    const dense: DenseReference = { path, rows: blob.rows, cols: blob.cols, dtype: 'float64' };
    return { ...matrix, entries: [], dense };
  });
  // View settings are free-form: saved as JSON sees them (-0 → 0, undefined dropped), so the
  // document a save returns is exactly the one the file reopens as.
  const views = JSON.parse(JSON.stringify(document.views ?? {})) as ProjectDocument['views'];
  const prepared = { ...document, matrices, views };
  const checked = projectSchema.safeParse(prepared);
  if (!checked.success) throw schemaError(checked.error, prepared, 'the project cannot be saved');
  return checked.data;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The header writeNpy writes for a rows×cols float64 matrix in Fortran order: the canonical
 * form, so saving need not copy the numbers and opening can copy them in one block.
 */
export function npyHeader(rows: number, cols: number): Uint8Array {
  const dictionary = `{'descr': '<f8', 'fortran_order': True, 'shape': (${rows}, ${cols}), }`;
  // numpy pads with spaces and a newline so the data starts on a 64-byte boundary.
  const unpadded = 10 + dictionary.length + 1;
  const text = dictionary + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + text.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]); // "\x93NUMPY", format version 1.0
  new DataView(bytes.buffer).setUint16(8, text.length, true);
  for (let k = 0; k < text.length; k++) bytes[10 + k] = text.charCodeAt(k);
  return bytes;
}

/** The little-endian bytes of the numbers: the array's own memory on little-endian machines. */
function littleEndianBytes(data: Float64Array): Uint8Array {
  if (littleEndian) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const bytes = new Uint8Array(data.length * 8);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < data.length; k++) view.setFloat64(k * 8, data[k], true);
  return bytes;
}

/** The .rankscope file as chunks in order (the blobs' numbers are not copied). */
export function encodeProjectChunks(
  document: ProjectDocument,
  blobs: ReadonlyMap<string, Matrix> = new Map(),
  options: ZipWriteOptions = {},
): Uint8Array[] {
  const prepared = prepareDocument(document, blobs);
  const manifest = new TextEncoder().encode(JSON.stringify(prepared, null, 2) + '\n');
  const entries: ZipWriteEntry[] = [{ name: manifestName, chunks: [manifest], compress: true }];
  for (const matrix of prepared.matrices) {
    if (!matrix.dense) continue;
    const blob = blobs.get(matrix.id)!;
    entries.push({
      name: matrix.dense.path,
      chunks: [npyHeader(blob.rows, blob.cols), littleEndianBytes(blob.data)],
      compress: false,
    });
  }
  return zipChunks(entries, options);
}

/** The .rankscope bytes: the manifest deflated, the blobs stored (floats barely compress). */
export function encodeProject(
  document: ProjectDocument,
  blobs: ReadonlyMap<string, Matrix> = new Map(),
  options: ZipWriteOptions = {},
): Uint8Array {
  return concatenate(encodeProjectChunks(document, blobs, options));
}

/** A blob in the canonical form npyHeader describes is read in one block; others go through parseNpy. */
function readBlob(
  bytes: Uint8Array,
  rows: number,
  cols: number,
  path: string,
  options: DecodeOptions,
): Matrix {
  const header = npyHeader(rows, cols);
  const canonical =
    bytes.length === header.length + rows * cols * 8 &&
    header.every((value, k) => bytes[k] === value);
  if (!canonical) {
    return parseNpy(bytes, { file: path, maxEntries: Math.floor(options.maxTotalBytes / 8) })
      .matrix;
  }
  const start = bytes.byteOffset + header.length;
  if (options.viewBlobs && littleEndian && start % 8 === 0) {
    // Our writer aligns stored data to 64 bytes, so the numbers can be used where they lie.
    return { rows, cols, data: new Float64Array(bytes.buffer as ArrayBuffer, start, rows * cols) };
  }
  const copy = bytes.slice(header.length);
  if (littleEndian) return { rows, cols, data: new Float64Array(copy.buffer, 0, rows * cols) };
  const view = new DataView(copy.buffer);
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = view.getFloat64(k * 8, true);
  return { rows, cols, data };
}

/** Opens .rankscope bytes (or a bare project.json): migrated, validated, blobs read and checked. */
export interface DecodeOptions extends ZipLimits {
  /**
   * Let dense matrices be views into `bytes` instead of copies (saves a copy of every blob). Only
   * for a buffer the caller owns and will not reuse: the views keep it alive and share it.
   */
  viewBlobs?: boolean;
}

export function decodeProject(
  bytes: Uint8Array,
  fileName?: string,
  limits: DecodeOptions = defaultZipLimits,
): DecodedProject {
  try {
    return decode(bytes, fileName, limits);
  } catch (error) {
    if (error instanceof ProjectError) throw error.inFile(fileName);
    throw error;
  }
}

function startsLikeJson(bytes: Uint8Array): boolean {
  let k = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    k < bytes.length &&
    (bytes[k] === 0x20 || bytes[k] === 0x0a || bytes[k] === 0x0d || bytes[k] === 0x09)
  )
    k++;
  return bytes[k] === 0x7b; // '{'
}

function decode(
  bytes: Uint8Array,
  fileName: string | undefined,
  limits: DecodeOptions,
): DecodedProject {
  let manifestBytes: Uint8Array;
  let readEntry: ((name: string) => Uint8Array | undefined) | undefined;
  if (!looksLikeZip(bytes) && startsLikeJson(bytes)) {
    if (bytes.length > maximumManifestBytes)
      throw new ProjectError(
        'too-large',
        `the project text is larger than ${formatBytes(maximumManifestBytes)}`,
      );
    manifestBytes = bytes;
  } else {
    const archive = readZip(bytes, limits);
    const manifest = archive.entries.get(manifestName);
    if (!manifest) {
      throw new ProjectError(
        'missing-manifest',
        'this zip is not a Rankscope project: it holds no project.json',
      );
    }
    if (manifest.uncompressedSize > maximumManifestBytes) {
      throw new ProjectError(
        'too-large',
        `project.json would unpack to ${formatBytes(manifest.uncompressedSize)}, more than the limit of ${formatBytes(maximumManifestBytes)}`,
      );
    }
    manifestBytes = archive.read(manifestName);
    readEntry = (name) => (archive.entries.has(name) ? archive.read(name) : undefined);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(manifestBytes);
  } catch {
    throw new ProjectError('malformed-json', 'project.json is not UTF-8 text');
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, offset, message } = parsed.problem;
    throw new ProjectError(
      'malformed-json',
      `project.json is not valid JSON at line ${line}, column ${column} (character ${offset}): ${message}`,
      undefined,
      {
        line,
        column,
        offset,
      },
    );
  }
  const migrated = migrate(parsed.value);
  const fileVersion = (parsed.value as { version: number }).version;
  const checked = projectSchema.safeParse(migrated);
  if (!checked.success)
    throw schemaError(checked.error, migrated, 'project.json does not match the project format');
  const document = checked.data;

  const blobs = new Map<string, Matrix>();
  for (const [index, matrix] of document.matrices.entries()) {
    if (!matrix.dense) continue;
    const { path, rows, cols } = matrix.dense;
    const where = `matrices[${index}].dense`;
    const blobBytes = readEntry?.(path);
    if (!blobBytes) {
      throw new ProjectError(
        'missing-blob',
        `${where}: the matrix "${matrix.name}" refers to "${path}", which is not in the file`,
        undefined,
        { path: where },
      );
    }
    let blob: Matrix;
    try {
      blob = readBlob(blobBytes, rows, cols, path, limits);
    } catch (error) {
      if (error instanceof FormatError)
        throw new ProjectError('invalid-blob', `${where}: ${error.message}`, undefined, {
          path: where,
        });
      throw error;
    }
    if (blob.rows !== rows || blob.cols !== cols) {
      throw new ProjectError(
        'invalid-blob',
        `${where}: "${path}" holds a ${blob.rows}×${blob.cols} matrix, but the project says ${rows}×${cols}`,
        undefined,
        { path: where },
      );
    }
    if (blobs.has(matrix.id))
      throw new ProjectError(
        'schema',
        `${where}: two matrices share the id "${matrix.id}"`,
        undefined,
        { path: where },
      );
    blobs.set(matrix.id, blob);
  }
  return { document, blobs, fileVersion };
}

/** "matrices[2].entries[0][1]" from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else {
      const name = String(key);
      text += /^[A-Za-z_$][\w$]*$/.test(name)
        ? (text ? '.' : '') + name
        : `[${JSON.stringify(name)}]`;
    }
  }
  return text || '(the whole project)';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function issueSentence(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    const found = valueAt(root, issue.path);
    const expected =
      issue.expected === 'array'
        ? 'a list'
        : issue.expected === 'object'
          ? 'an object'
          : article(issue.expected);
    return found === undefined
      ? `${expected} is required`
      : `expected ${expected}, found ${kindOf(found)}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function schemaError(error: z.ZodError, root: unknown, lead: string): ProjectError {
  const [first] = error.issues;
  const path = formatPath(first.path);
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more ${error.issues.length === 2 ? 'problem' : 'problems'})`
      : '';
  return new ProjectError(
    'schema',
    `${lead}: ${path}: ${issueSentence(first, root)}${more}`,
    undefined,
    { path },
  );
}
