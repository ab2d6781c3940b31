import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { FormatError } from './format-error';
import { loadMatrixFile } from './load';
import { tensorFromMatrix, writeSafetensors } from './safetensors';
import { writeNpy } from './npy';
import {
  expectOnlyFormatError,
  expectSameDoubles,
  mutate,
  mutationArbitrary,
  valuesFromHex,
  type ExpectedMatrix,
} from './test-support';

const fixtures = new URL('./fixtures/', import.meta.url);
const bytesOf = (relative: string) => new Uint8Array(readFileSync(new URL(relative, fixtures)));
const text = (value: string) => new TextEncoder().encode(value);

describe('loadMatrixFile dispatches on the extension', () => {
  it('text files keep exact cells', () => {
    const csv = loadMatrixFile('crlf_bom_quotes.csv', bytesOf('text/crlf_bom_quotes.csv'));
    expect(csv.kind).toBe('text');
    if (csv.kind === 'text') {
      expect(csv.text.header).toEqual(['x', 'y "quoted"', 'z']);
      expect(csv.text.cells[0]).toEqual(['1', '2', '3/4']);
    }
    const tsv = loadMatrixFile('TABS.TSV', bytesOf('text/tabs.tsv'));
    expect(tsv.kind === 'text' && tsv.text.cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    const txt = loadMatrixFile('a.txt', bytesOf('text/comments_whitespace.txt'));
    expect(txt.kind === 'text' && txt.text.rows).toBe(2);
    expect(loadMatrixFile('a.dat', text('1 2\n')).kind).toBe('text');
    // Excel's "Unicode text" export: UTF-16 little-endian with a byte-order mark, tabs.
    const utf16 = new Uint8Array(2 + 2 * '1\t2\r\n3\t4\r\n'.length);
    utf16.set([0xff, 0xfe]);
    [...'1\t2\r\n3\t4\r\n'].forEach((character, k) => (utf16[2 + 2 * k] = character.charCodeAt(0)));
    const excel = loadMatrixFile('export.txt', utf16);
    expect(excel.kind === 'text' && excel.text.cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    const bigEndian = new Uint8Array(utf16.length);
    for (let k = 0; k < utf16.length; k += 2)
      [bigEndian[k], bigEndian[k + 1]] = [utf16[k + 1], utf16[k]];
    expect(loadMatrixFile('export.txt', bigEndian)).toEqual(excel);
  });

  it('.mtx, with a note for symmetric storage', () => {
    const loaded = loadMatrixFile('s.mtx', bytesOf('mtx/symmetric_coordinate.mtx'));
    expect(loaded).toMatchObject({ kind: 'dense', dtype: 'real', originalShape: [4, 4] });
    if (loaded.kind === 'dense') expect(loaded.note).toMatch(/symmetric/);
  });

  it('.npy with its dtype and shape note', () => {
    const expected = JSON.parse(
      readFileSync(new URL('npy/expected.json', fixtures), 'utf8'),
    ) as Record<string, ExpectedMatrix>;
    const loaded = loadMatrixFile('tensor_3d_fortran.npy', bytesOf('npy/tensor_3d_fortran.npy'));
    expect(loaded).toMatchObject({ kind: 'dense', dtype: 'int32', originalShape: [2, 3, 4] });
    if (loaded.kind === 'dense') {
      expectSameDoubles(
        loaded.matrix.data,
        valuesFromHex(expected['tensor_3d_fortran.npy'].values),
      );
      expect(loaded.note).toMatch(/2×12/);
    }
  });

  it('.safetensors: the only tensor, a named one, or a list of names to choose from', () => {
    const single = loadMatrixFile('single.safetensors', bytesOf('safetensors/single.safetensors'));
    expect(single).toMatchObject({ kind: 'dense', dtype: 'F64', originalShape: [3, 5] });
    const conv = loadMatrixFile('model.safetensors', bytesOf('safetensors/model.safetensors'), {
      tensor: 'conv.weight',
    });
    expect(conv).toMatchObject({ kind: 'dense', dtype: 'F32', originalShape: [4, 3, 2, 2] });
    if (conv.kind === 'dense') expect(conv.note).toMatch(/out × in·kh·kw/);
    expect(() =>
      loadMatrixFile('model.safetensors', bytesOf('safetensors/model.safetensors')),
    ).toThrow(/model\.safetensors: the file holds 16 tensors; choose one of .*"conv\.weight"/);
    expect(() =>
      loadMatrixFile('model.safetensors', bytesOf('safetensors/model.safetensors'), {
        tensor: 'nope',
      }),
    ).toThrow(/there is no tensor "nope"/);
    expect(() => loadMatrixFile('e.safetensors', writeSafetensors([]))).toThrow(/holds no tensors/);
  });

  it('writers of binary formats read back through the loader', () => {
    const matrix = { rows: 2, cols: 2, data: Float64Array.from([1, -2, 0.5, 1e-300]) };
    const npy = loadMatrixFile('m.npy', writeNpy(matrix));
    expect(npy.kind === 'dense' && Array.from(npy.matrix.data)).toEqual(Array.from(matrix.data));
    const safetensors = loadMatrixFile(
      'm.safetensors',
      writeSafetensors([tensorFromMatrix('w', matrix)]),
    );
    expect(safetensors.kind === 'dense' && Array.from(safetensors.matrix.data)).toEqual(
      Array.from(matrix.data),
    );
  });

  it('applies the entry cap to every format', () => {
    expect(() =>
      loadMatrixFile('m.npy', writeNpy({ rows: 3, cols: 3, data: new Float64Array(9) }), {
        maxEntries: 4,
      }),
    ).toThrow(/limit of 4/);
    expect(() => loadMatrixFile('m.csv', text('1,2,3\n'), { maxEntries: 2 })).toThrow(FormatError);
  });
});

describe('the malformed corpus', () => {
  const folder = new URL('malformed/', fixtures);
  const locations = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<
    string,
    { line?: number; column?: number; byteOffset?: number }
  >;
  const names = readdirSync(folder).filter((name) => name !== 'expected.json');

  it('has an expectation for every file', () => {
    expect(names.sort()).toEqual(Object.keys(locations).sort());
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name} gives a FormatError naming the file and where`, () => {
      let error: unknown;
      try {
        loadMatrixFile(name, bytesOf('malformed/' + name));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(FormatError);
      const formatError = error as FormatError;
      expect(formatError.file).toBe(name);
      expect(
        formatError.message.startsWith(name + ', ') || formatError.message.startsWith(name + ': '),
      ).toBe(true);
      expect(formatError.reason.length).toBeGreaterThan(10);
      if (!name.endsWith('.xyz')) {
        expect(formatError.line !== undefined || formatError.byteOffset !== undefined).toBe(true);
      }
      expect(formatError).toMatchObject(locations[name]);
    });
  }
});

describe('fuzzing the loader', () => {
  const extensions = ['.csv', '.tsv', '.txt', '.dat', '.mtx', '.npy', '.safetensors', '.bin', ''];
  const originals = [
    'text/crlf_bom_quotes.csv',
    'mtx/symmetric_coordinate.mtx',
    'npy/f8_fortran.npy',
    'npy/tensor_4d_fortran.npy',
    'safetensors/single.safetensors',
  ].map(bytesOf);

  it('any bytes under any extension give a matrix or a FormatError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...extensions),
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc
            .constantFrom(...originals)
            .chain((original) => mutationArbitrary.map((m) => mutate(original, m))),
        ),
        fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
        (extension, bytes, tensor) => {
          expectOnlyFormatError(() => loadMatrixFile('file' + extension, bytes, { tensor }));
        },
      ),
      { numRuns: 600 },
    );
  });
});
