import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { fromRows, toRows, type Matrix } from '../linalg/matrix';
import { decodeProject, encodeProject, prepareDocument } from './container';
import { ProjectError } from './project-error';
import { defaultZipLimits, directoryStart } from './zip-reader';
import { projectSchema, projectVersion, type ProjectDocument } from './schema';
import { documentWithBlobsArbitrary } from './test-support';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function projectError(action: () => unknown): ProjectError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProjectError) return error;
    throw error;
  }
  throw new Error('expected a ProjectError');
}

const manifestZip = (text: string) => zipSync({ 'project.json': strToU8(text) });

const small: ProjectDocument = {
  type: 'rankscope',
  version: projectVersion,
  title: 'Small',
  matrices: [
    {
      id: 'a',
      name: 'A',
      entries: [
        ['1', '1/2'],
        ['sqrt(2)', '-3'],
      ],
    },
    { id: 'w', name: 'Weights', entries: [] },
  ],
  views: {},
  notes: '',
};

function sameMatrix(actual: Matrix | undefined, expected: Matrix): void {
  expect(actual).toBeDefined();
  expect(actual!.rows).toBe(expected.rows);
  expect(actual!.cols).toBe(expected.cols);
  expect(actual!.data.length).toBe(expected.data.length);
  for (let k = 0; k < expected.data.length; k++)
    expect(Object.is(actual!.data[k], expected.data[k])).toBe(true);
}

describe('encodeProject / decodeProject', () => {
  it('save → reopen gives an identical document and identical dense blobs', () => {
    fc.assert(
      fc.property(documentWithBlobsArbitrary, ({ document, blobs }) => {
        const saved = prepareDocument(document, blobs);
        const reopened = decodeProject(encodeProject(document, blobs), 'round-trip.rankscope');
        expect(reopened.document).toEqual(saved);
        expect([...reopened.blobs.keys()].sort()).toEqual([...blobs.keys()].sort());
        for (const [id, matrix] of blobs) sameMatrix(reopened.blobs.get(id), matrix);
        // Everything that was not dense is kept exactly as given.
        for (const [k, matrix] of document.matrices.entries()) {
          if (!blobs.has(matrix.id)) expect(reopened.document.matrices[k]).toEqual(matrix);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stores a large matrix as an uncompressed .npy blob referenced from the manifest', () => {
    const large: Matrix = {
      rows: 100,
      cols: 70,
      data: Float64Array.from({ length: 7000 }, (_, k) => Math.sin(k) * 1e3),
    };
    const bytes = encodeProject(small, new Map([['w', large]]));
    const { document, blobs } = decodeProject(bytes, 'large.rankscope');
    expect(document.matrices[1].dense).toEqual({
      path: 'matrices/w.npy',
      rows: 100,
      cols: 70,
      dtype: 'float64',
    });
    expect(document.matrices[1].entries).toEqual([]);
    sameMatrix(blobs.get('w'), large);
    expect(bytes.length).toBeGreaterThan(7000 * 8);
  });

  it('gives dense matrices their own buffers, or views into the file when asked', () => {
    const matrix: Matrix = {
      rows: 5,
      cols: 3,
      data: Float64Array.from({ length: 15 }, (_, k) => k / 7),
    };
    const bytes = encodeProject(small, new Map([['w', matrix]]));
    const copied = decodeProject(bytes).blobs.get('w')!;
    expect(copied.data.buffer.byteLength).toBe(copied.data.byteLength);
    const viewed = decodeProject(bytes, 'v', { ...defaultZipLimits, viewBlobs: true }).blobs.get(
      'w',
    )!;
    expect(viewed.data.buffer).toBe(bytes.buffer);
    expect(viewed.data.byteOffset % 64).toBe(0);
    sameMatrix(copied, matrix);
    sameMatrix(viewed, matrix);
  });

  it('the directory fingerprint region: the bytes after the last entry', () => {
    const bytes = encodeProject(small, new Map([['w', fromRows([[1, 2]])]]));
    const start = directoryStart(bytes, 0)!;
    expect(new DataView(bytes.buffer).getUint32(start, true)).toBe(0x02014b50);
    const tail = bytes.subarray(bytes.length - 100);
    expect(directoryStart(tail, bytes.length - 100)).toBe(start);
    expect(directoryStart(strToU8('{"type": "rankscope"}'), 0)).toBeUndefined();
  });

  it('refuses to save a dense reference whose numbers were not given, or blobs for unknown matrices', () => {
    const withReference: ProjectDocument = {
      ...small,
      matrices: [
        {
          id: 'w',
          name: 'W',
          entries: [],
          dense: { path: 'matrices/w.npy', rows: 2, cols: 2, dtype: 'float64' },
        },
      ],
    };
    expect(projectError(() => encodeProject(withReference)).kind).toBe('missing-blob');
    expect(
      projectError(() => encodeProject(small, new Map([['nobody', fromRows([[1]])]]))).kind,
    ).toBe('missing-blob');
  });

  it('refuses to save a document the schema would refuse to open', () => {
    const invalid = { ...small, title: 'x'.repeat(201) };
    const error = projectError(() => encodeProject(invalid));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('title');
  });

  it('reads a version-2 project written by Python zipfile with a numpy .npy blob', () => {
    const { document, blobs } = decodeProject(fixture('v2-dense.rankscope'), 'v2-dense.rankscope');
    const expected = JSON.parse(
      readFileSync(new URL('./fixtures/v2-dense.expected.json', import.meta.url), 'utf8'),
    ) as { rows: number[][] };
    expect(toRows(blobs.get('weights')!)).toEqual(expected.rows);
    // Its top-level manual session moved into the Reduce view's settings (v2 → v3).
    expect(document.views.reduce).toEqual({
      strategy: 'textbook',
      sessions: {
        small: {
          cells: [
            ['1', '2'],
            ['3', '4'],
          ],
          operations: [
            { kind: 'add', rows: [1, 0], factor: '-3' },
            { kind: 'scale', rows: [1], factor: '-1/2' },
            { kind: 'swap', rows: [0, 1] },
          ],
          position: 2,
        },
      },
    });
  });

  it('opens a bare project.json (the examples) as well as a zip', () => {
    const text = readFileSync(new URL('../../assets/examples/welcome.json', import.meta.url));
    const { document } = decodeProject(new Uint8Array(text), 'welcome.json');
    expect(projectSchema.parse(document)).toEqual(document);
  });
});

describe('decodeProject refuses bad files with a sentence', () => {
  it('a file that is not a zip', () => {
    const error = projectError(() => decodeProject(strToU8('just some text'), 'notes.rankscope'));
    expect(error.kind).toBe('not-a-zip');
    expect(error.message).toBe(
      'notes.rankscope: this is not a Rankscope project: it is not a zip archive',
    );
  });

  it('a zip without project.json', () => {
    const error = projectError(() =>
      decodeProject(zipSync({ 'readme.txt': strToU8('hello') }), 'other.zip'),
    );
    expect(error.kind).toBe('missing-manifest');
    expect(error.message).toContain('holds no project.json');
  });

  it('a different kind of JSON document', () => {
    const error = projectError(() =>
      decodeProject(manifestZip('{"type":"excalidraw","version":2}'), 'drawing.rankscope'),
    );
    expect(error.kind).toBe('wrong-type');
    expect(error.message).toContain('"excalidraw"');
  });

  it('malformed JSON, with the line, column and character position', () => {
    const error = projectError(() =>
      decodeProject(
        manifestZip('{\n  "type": "rankscope",\n  "version": 2,,\n}'),
        'broken.rankscope',
      ),
    );
    expect(error.kind).toBe('malformed-json');
    expect(error.detail).toMatchObject({ line: 3, column: 16, offset: 40 });
    expect(error.message).toContain('line 3, column 16');
  });

  it('a schema error, with the path to the wrong value', () => {
    const manifest = {
      ...small,
      matrices: [small.matrices[0], small.matrices[1], { id: 'c', name: 'C', entries: [['1', 2]] }],
    };
    const error = projectError(() =>
      decodeProject(manifestZip(JSON.stringify(manifest)), 'typed.rankscope'),
    );
    expect(error.kind).toBe('schema');
    expect(error.detail.path).toBe('matrices[2].entries[0][1]');
    expect(error.message).toContain('matrices[2].entries[0][1]: expected a string, found a number');
  });

  it('a newer version, refused with the message and never half-read', () => {
    const error = projectError(() =>
      decodeProject(
        manifestZip(
          JSON.stringify({ ...small, version: projectVersion + 1, matrices: 'anything' }),
        ),
        'future.rankscope',
      ),
    );
    expect(error.kind).toBe('newer-version');
    expect(error.detail.fileVersion).toBe(projectVersion + 1);
    expect(error.reason).toBe(
      `This project was saved by a newer Rankscope (file version ${projectVersion + 1}; this version reads up to ${projectVersion}). Update Rankscope to open it.`,
    );
  });

  it('a dense reference whose blob is missing or has another shape', () => {
    const bytes = encodeProject(small, new Map([['w', fromRows([[1, 2, 3]])]]));
    const { document } = decodeProject(bytes);
    const missing = zipSync({ 'project.json': strToU8(JSON.stringify(document)) });
    expect(projectError(() => decodeProject(missing, 'm.rankscope')).kind).toBe('missing-blob');
    const lying = {
      ...document,
      matrices: [
        document.matrices[0],
        { ...document.matrices[1], dense: { ...document.matrices[1].dense!, rows: 3, cols: 1 } },
      ],
    };
    const wrongShape = zipSync({
      'project.json': strToU8(JSON.stringify(lying)),
      'matrices/w.npy': [encodeBlob(fromRows([[1, 2, 3]])), { level: 0 }],
    });
    const error = projectError(() => decodeProject(wrongShape, 'shape.rankscope'));
    expect(error.kind).toBe('invalid-blob');
    expect(error.message).toContain('holds a 1×3 matrix, but the project says 3×1');
  });

  it('every truncation of a valid project is refused with a ProjectError, never a crash', () => {
    const bytes = encodeProject(
      small,
      new Map([
        [
          'w',
          fromRows([
            [1, 2],
            [3, 4],
          ]),
        ],
      ]),
    );
    for (let length = 0; length < bytes.length; length += 7) {
      expect(() => decodeProject(bytes.subarray(0, length), 'cut.rankscope')).toThrow(ProjectError);
    }
  });

  it('random byte mutations give a document or a ProjectError, nothing else', () => {
    const bytes = encodeProject(
      small,
      new Map([
        [
          'w',
          fromRows([
            [1, 2],
            [3, 4],
          ]),
        ],
      ]),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (changes) => {
          const mutated = bytes.slice();
          for (const [offset, value] of changes) mutated[offset] = value;
          try {
            decodeProject(mutated, 'mutated.rankscope');
          } catch (error) {
            expect(error).toBeInstanceOf(ProjectError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function encodeBlob(matrix: Matrix): Uint8Array {
  const bytes = encodeProject(
    { ...small, matrices: [{ id: 'x', name: 'X', entries: [] }] },
    new Map([['x', matrix]]),
  );
  const archive = decodeProject(bytes);
  expect(archive.blobs.get('x')).toBeDefined();
  // Re-extract the stored .npy bytes: the local header is 30 bytes + name, stored uncompressed.
  const name = 'matrices/x.npy';
  for (let k = 0; k < bytes.length - name.length; k++) {
    if (bytes[k] === 0x50 && bytes[k + 1] === 0x4b && bytes[k + 2] === 3 && bytes[k + 3] === 4) {
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const nameLength = view.getUint16(k + 26, true);
      const extraLength = view.getUint16(k + 28, true);
      const entryName = new TextDecoder().decode(bytes.subarray(k + 30, k + 30 + nameLength));
      if (entryName === name) {
        const size = view.getUint32(k + 18, true);
        const start = k + 30 + nameLength + extraLength;
        return bytes.slice(start, start + size);
      }
    }
  }
  throw new Error('blob not found');
}
