import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { FormatError } from './format-error';
import { readMatrixText, readMatrixTextStream, type MatrixText } from './matrix-text';
import { offsetLimit } from './matrix-builder';
import { expectOnlyFormatError } from './test-support';
import {
  writeCsv,
  writeJson,
  writeJulia,
  writeLatex,
  writeMathematica,
  writeMatlab,
  writeNumpy,
  writePython,
  writeR,
  writeWhitespace,
} from './writers';

const fixtures = new URL('./fixtures/', import.meta.url);

interface ExpectedForm {
  format: string;
  cells: string[][];
  entries: string;
  header?: string[];
}

/** The double a cell's text stands for, computed independently of the reader. */
function referenceValue(cell: string): number {
  const fraction = /^([+-]?[\d.eE+-]+)\/([\d.eE+-]+)$/.exec(cell);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return Number(cell.replace(/^([+-]?)inf$/i, '$1Infinity'));
}

function rowMajor(read: MatrixText): number[][] {
  const { rows, cols, data } = read.matrix;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => data[i + j * rows]),
  );
}

function thrown(action: () => unknown): FormatError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('the corpus of text forms', () => {
  const folder = new URL('text-forms/', fixtures);
  const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<
    string,
    ExpectedForm
  >;

  it('has an expectation for every file and every notation', () => {
    const files = readdirSync(folder).filter((name) => name !== 'expected.json');
    for (const file of files) expect(Object.keys(expected)).toContain(file);
    const formats = new Set(Object.values(expected).map((form) => form.format));
    for (const format of ['csv', 'tsv', 'semicolon', 'whitespace', 'numpy', 'python', 'json'])
      expect(formats).toContain(format);
    for (const format of ['matlab', 'julia', 'latex', 'mathematica', 'r'])
      expect(formats).toContain(format);
  });

  for (const [name, form] of Object.entries(expected)) {
    it(`${name} reads as ${form.format}, the same from bytes and from a pasted string`, () => {
      const bytes = new Uint8Array(readFileSync(new URL(name, folder)));
      const fromFile = readMatrixText(bytes, { source: name });
      const fromPaste = readMatrixText(new TextDecoder().decode(bytes), { source: 'pasted text' });
      for (const read of [fromFile, fromPaste]) {
        expect(read.format).toBe(form.format);
        expect(read.cells()).toEqual(form.cells);
        expect(read.entries).toBe(form.entries);
        expect(read.header).toEqual(form.header);
        expect(read.rows).toBe(form.cells.length);
        expect(read.cols).toBe(form.cells[0].length);
        const values = rowMajor(read);
        form.cells.forEach((row, i) =>
          row.forEach((cell, j) => {
            const want =
              form.entries === 'expressions' && !/^[\d.]+$/.test(cell) ? NaN : referenceValue(cell);
            if (Number.isNaN(want)) expect(values[i][j], `${i},${j}`).toBeNaN();
            else expect(values[i][j], `${i},${j}`).toBe(want);
          }),
        );
      }
      expect(Array.from(fromFile.matrix.data)).toEqual(Array.from(fromPaste.matrix.data));
    });
  }
});

describe('the corpus of text that is not a matrix', () => {
  const folder = new URL('malformed-text/', fixtures);
  const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<
    string,
    { line: number; column: number; reason: string }
  >;

  it('has an expectation for every file', () => {
    const files = readdirSync(folder).filter((name) => name !== 'expected.json');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, where] of Object.entries(expected)) {
    it(`${name}: one line naming line ${where.line}, column ${where.column}`, () => {
      const bytes = new Uint8Array(readFileSync(new URL(name, folder)));
      const error = thrown(() => readMatrixText(bytes, { source: name }));
      expect(error.message).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}, line \\d+, column \\d+: `),
      );
      expect(error.message).not.toContain('\n');
      expect(error.reason).toContain(where.reason);
      expect({ line: error.line, column: error.column }).toEqual({
        line: where.line,
        column: where.column,
      });
      // A paste of the same text fails at the same place.
      const pasted = thrown(() => readMatrixText(new TextDecoder().decode(bytes)));
      expect({ line: pasted.line, column: pasted.column }).toEqual({
        line: where.line,
        column: where.column,
      });
    });
  }

  it('the issue’s MATLAB literal in a file is 3×3 of rank 2, never 0×0', () => {
    const read = readMatrixText(new TextEncoder().encode('[1 2 3; 2 4 6; 1 3 4]\n'));
    expect([read.format, read.rows, read.cols]).toEqual(['matlab', 3, 3]);
  });
});

describe('details of each notation', () => {
  it('CSV: RFC 4180 quoting, line breaks inside quotes, CRLF, and a header that needs them', () => {
    const read = readMatrixText('"a,1","say ""hi""","line\r\nbreak"\r\n1,"2",3\r\n');
    expect(read.header).toEqual(['a,1', 'say "hi"', 'line\r\nbreak']);
    expect(read.cells()).toEqual([['1', '2', '3']]);
    expect(thrown(() => readMatrixText('1,2\n3,"4\n5,6\n')).line).toBe(2);
  });

  it('decimal commas only where the comma is not the delimiter', () => {
    expect(readMatrixText('1,5;2\n3;4,25\n').cells()).toEqual([
      ['1.5', '2'],
      ['3', '4.25'],
    ]);
    expect(readMatrixText('1,5\n3,4\n').cells()).toEqual([
      ['1', '5'],
      ['3', '4'],
    ]);
  });

  it('UTF-16 with a byte-order mark, as spreadsheets save "Unicode text"', () => {
    const text = '1\t2\r\n3\t4\r\n';
    const bytes = new Uint8Array(2 + 2 * text.length);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((character, k) => (bytes[2 + 2 * k] = character.charCodeAt(0)));
    expect(readMatrixText(bytes).cells()).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('columns count cells in delimited text, characters in the bracketed notations', () => {
    const csv = thrown(() => readMatrixText(new TextEncoder().encode('größe,höhe\n1,2\n3,zwö\n')));
    expect([csv.line, csv.column]).toEqual([3, 2]);
    expect(csv.reason).toBe('"zwö" is not a number or an arithmetic expression');
    // UTF-8 bytes are not characters: a byte-order mark (3 bytes) and "ä" (2) do not shift columns.
    const matlab = thrown(() => readMatrixText(new TextEncoder().encode('\ufeff[1 2; 3 ä]')));
    expect([matlab.line, matlab.column]).toEqual([1, 9]);
    const after = thrown(() => readMatrixText(new TextEncoder().encode('{{1, 2}, {3, 4}} äöü x')));
    expect([after.line, after.column]).toEqual([1, 18]);
  });

  it('arithmetic cells, unless cells must be numbers', () => {
    expect(readMatrixText('[[1, -(1/2 + 3)]]').cells()).toEqual([['1', '-(1/2 + 3)']]);
    expect(
      readMatrixText(
        '\\begin{bmatrix} \\sqrt{2} & \\frac{\\pi}{4} \\\\ \\frac{1+2}{3} & 2^{10} \\end{bmatrix}',
      ).cells(),
    ).toEqual([
      ['sqrt(2)', 'pi/4'],
      ['(1+2)/3', '2^(10)'],
    ]);
    expect(readMatrixText('{{Sqrt[2], Pi}}').cells()).toEqual([['sqrt(2)', 'pi']]);
    expect(thrown(() => readMatrixText('[1 sqrt(2)]', { cells: 'numbers' })).reason).toBe(
      '"sqrt(2)" is not a number',
    );
    expect(thrown(() => readMatrixText('[1 foo(2)]')).reason).toBe(
      '"foo(2)" is not a number or an arithmetic expression',
    );
  });

  it('numpy 2 scalars, Python nan spellings, R ranges and Julia column concatenation', () => {
    expect(readMatrixText('[np.float64(1.5), np.int64(2)]').cells()).toEqual([['1.5', '2']]);
    expect(readMatrixText('[[math.nan, -math.inf]]').format).toBe('python');
    expect(readMatrixText('matrix(1:6, nrow = 2)').cells()).toEqual([
      ['1', '3', '5'],
      ['2', '4', '6'],
    ]);
    expect(readMatrixText('[[1, 2] [3, 4]]')).toMatchObject({ format: 'julia', rows: 2, cols: 2 });
    expect(readMatrixText('[[1, 2] [3, 4]]').cells()).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
  });

  it('gives Aᵀ as well as A (for a spectrum, without a transposing copy)', () => {
    for (const text of ['1,2,3\n4,5,6\n', "[1 2 3; 4 5 6]'"]) {
      const read = readMatrixText(text);
      const { matrix, transpose } = read;
      expect([transpose.rows, transpose.cols]).toEqual([matrix.cols, matrix.rows]);
      for (let i = 0; i < matrix.rows; i++)
        for (let j = 0; j < matrix.cols; j++)
          expect(transpose.data[j + i * matrix.cols]).toBe(matrix.data[i + j * matrix.rows]);
    }
  });

  it('a matrix beyond the kept offsets still gives its exact cells (read again) and its errors', () => {
    const rows = 300;
    const cols = 300; // 90 000 cells, more than offsetLimit
    const cell = (i: number, j: number) => (j % 3 === 0 ? `${i}/${j + 1}` : `${i}.${j}`);
    const lines = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => cell(i, j)).join(','),
    );
    const expected = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => cell(i, j)),
    );
    expect(offsetLimit).toBeLessThan(rows * cols);
    expect(readMatrixText(lines.join('\n')).cells()).toEqual(expected);
    const last = lines.length - 1;
    const withExpression = [...lines.slice(0, last), lines[last].replace(/[^,]*$/, 'sqrt(2)')];
    const read = readMatrixText(withExpression.join('\n'));
    expect(read.entries).toBe('expressions');
    expect(read.cells()[rows - 1][cols - 1]).toBe('sqrt(2)');
    const withWord = [...lines.slice(0, last), lines[last].replace(/[^,]*$/, 'oops')];
    const error = thrown(() => readMatrixText(withWord.join('\n')));
    expect([error.line, error.column, error.reason]).toEqual([
      rows,
      cols,
      '"oops" is not a number or an arithmetic expression',
    ]);
  });

  it('refuses more cells than the cap before reading them all', () => {
    expect(thrown(() => readMatrixText('1,2,3\n4,5,6\n', { maxCells: 5 })).reason).toMatch(
      /more than 5/,
    );
  });

  it('long runs of spaces are read in linear time (no regular-expression backtracking)', () => {
    const spaces = ' '.repeat(200_000);
    expect(thrown(() => readMatrixText('array([[1]])' + spaces + 'x')).reason).toMatch(
      /after the matrix/,
    );
    expect(thrown(() => readMatrixText('[[1]]' + spaces + 'x')).reason).toMatch(/after the matrix/);
    expect(readMatrixText('[1' + spaces + '2]').cells()).toEqual([['1', '2']]);
    expect(readMatrixText('%' + '%'.repeat(100_000) + '\n[1 2]').cells()).toEqual([['1', '2']]);
  });
});

const exactCell = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }))
    .map(([p, q]) => `${p}/${q}`),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const gridOf = (cell: fc.Arbitrary<string>, minCols = 1) =>
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: minCols, max: 5 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    );

describe('round trips: every writer, read back exactly', () => {
  const writers: [string, (cells: string[][]) => string, string[]][] = [
    ['CSV', (cells) => writeCsv(cells), ['csv', 'whitespace']],
    ['CSV, CRLF', (cells) => writeCsv(cells, { lineEnding: '\r\n' }), ['csv', 'whitespace']],
    ['TSV', (cells) => writeCsv(cells, { delimiter: '\t' }), ['tsv', 'whitespace']],
    ['whitespace', writeWhitespace, ['whitespace']],
    ['MATLAB', (cells) => writeMatlab(cells), ['matlab']],
    ['MATLAB, one row a line', (cells) => writeMatlab(cells, { multiline: true }), ['matlab']],
    ['Julia', writeJulia, ['matlab', 'julia']],
    ['numpy', writeNumpy, ['numpy']],
    ['Python', writePython, ['python', 'json', 'numpy']],
    ['Mathematica', writeMathematica, ['mathematica']],
    ['R', writeR, ['r']],
  ];
  for (const [name, write, formats] of writers) {
    it(`${name}: the same cells, the same doubles`, () => {
      fc.assert(
        fc.property(gridOf(exactCell), (cells) => {
          const read = readMatrixText(write(cells));
          expect(formats).toContain(read.format);
          expect(read.cells()).toEqual(cells);
          const values = rowMajor(read);
          cells.forEach((row, i) =>
            row.forEach((cell, j) => expect(values[i][j]).toBe(referenceValue(cell))),
          );
        }),
        { numRuns: 120 },
      );
    });
  }

  it("';' with decimal commas (two columns or more, as a lone column would be ambiguous)", () => {
    const decimal = fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
      .map(String);
    fc.assert(
      fc.property(gridOf(decimal, 2), (cells) => {
        const read = readMatrixText(writeCsv(cells, { delimiter: ';', decimalComma: true }));
        expect(read.format).toBe('semicolon');
        expect(read.cells()).toEqual(cells);
      }),
      { numRuns: 120 },
    );
  });

  it('CSV headers of any text (quotes, delimiters, line breaks, edge spaces) survive RFC 4180 quoting', () => {
    // Names open with a letter and hold none of = < ( & \\, which would make the text look like
    // an assignment, an R call or LaTeX rows; anything else goes, quotes and line breaks included.
    const name = fc
      .tuple(fc.constantFrom(...'abcxyzXYZ'), fc.string({ maxLength: 8 }))
      .map(([first, rest]) => first + rest)
      .filter((text) => !/[=<(&\\]/.test(text) && !/^inf|^nan/i.test(text));
    // Two columns at least: one column of text has no delimiter to detect.
    const table = fc.integer({ min: 2, max: 4 }).chain((cols) =>
      fc.tuple(
        fc.array(name, { minLength: cols, maxLength: cols }),
        fc.array(fc.array(fc.integer().map(String), { minLength: cols, maxLength: cols }), {
          minLength: 1,
          maxLength: 3,
        }),
      ),
    );
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), ([header, cells], lineEnding) => {
        const read = readMatrixText(writeCsv(cells, { header, lineEnding: lineEnding as '\n' }));
        expect(read.header).toEqual(header);
        expect(read.cells()).toEqual(cells);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON and LaTeX (which rewrite some cells) keep every double', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map(String);
    fc.assert(
      fc.property(gridOf(number), (cells) => {
        for (const text of [writeJson(cells), writeLatex(cells)]) {
          const values = rowMajor(readMatrixText(text));
          cells.forEach((row, i) =>
            row.forEach((cell, j) => expect(values[i][j]).toBe(Number(cell))),
          );
        }
      }),
      { numRuns: 120 },
    );
  });

  it('Float64 matrices, non-finite numbers included, survive every writer bit for bit', () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, cols]) =>
        fc
          .array(fc.double(), { minLength: rows * cols, maxLength: rows * cols })
          .map((values) => ({ rows, cols, data: Float64Array.from(values) })),
      );
    fc.assert(
      fc.property(matrix, (input) => {
        const texts = [
          writeCsv(input),
          writeCsv(input, { delimiter: '\t' }),
          writeWhitespace(input),
          writeMatlab(input),
          writeJulia(input),
          writeNumpy(input),
          writePython(input),
          writeMathematica(input),
          writeR(input),
          writeLatex(input),
        ];
        for (const text of texts) {
          const read = readMatrixText(text);
          expect([read.rows, read.cols]).toEqual([input.rows, input.cols]);
          for (let k = 0; k < input.data.length; k++) {
            // -0 is written "0": writers keep values, not the sign of zero.
            const want = Object.is(input.data[k], -0) ? 0 : input.data[k];
            expect(Object.is(read.matrix.data[k], want), `${text}: entry ${k}`).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A stream over bytes in memory, counting what it was asked for. */
function streamOf(bytes: Uint8Array) {
  const stream = {
    size: bytes.length,
    reads: 0,
    wholeReads: 0,
    readInto(target: Uint8Array, offset: number, length: number, position: number) {
      stream.reads++;
      const chunk = bytes.subarray(position, position + length);
      target.set(chunk, offset);
      return chunk.length;
    },
    whole() {
      stream.wholeReads++;
      return bytes;
    },
  };
  return stream;
}

function sameReading(streamed: MatrixText, whole: MatrixText): void {
  expect([streamed.format, streamed.rows, streamed.cols, streamed.entries]).toEqual([
    whole.format,
    whole.rows,
    whole.cols,
    whole.entries,
  ]);
  expect(streamed.header).toEqual(whole.header);
  expect(Array.from(streamed.matrix.data)).toEqual(Array.from(whole.matrix.data));
  expect(streamed.cells()).toEqual(whole.cells());
}

describe('reading a large file through a window', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('gives what reading it whole gives, for every window size, without reading it whole', () => {
    const texts = [
      'x,y,z\r\n1,2,3/4\r\n-0.5,1e-3,7\r\n',
      '# saved by np.savetxt\n1.5 2 3\n\n  4 5 6\n% a note\n7 8 9',
      '1,5;2;-3,25\n4;5,0;6\n',
      Array.from({ length: 40 }, (_, i) => `${i},${i * i},${-i / 8}`).join('\n'),
    ];
    for (const text of texts) {
      const whole = readMatrixText(text);
      for (const windowBytes of [8, 13, 32, 1000]) {
        const stream = streamOf(encode(text));
        const streamed = readMatrixTextStream(stream, {
          whole: stream.whole,
          windowBytes,
          headBytes: 24,
        });
        sameReading(streamed, whole);
      }
    }
    const long = streamOf(encode(texts[3]));
    readMatrixTextStream(long, { whole: long.whole, windowBytes: 32, headBytes: 24 });
    expect(long.reads).toBeGreaterThan(5);
    expect(long.wholeReads).toBe(0);
  });

  it('names the same line and column for bad text as reading it whole does', () => {
    for (const text of ['1,2,3\n4,5,6\n7,8\n', '1 2\n3 4\n5 x6\n', '1,2\n3,4\n5,6,7\n']) {
      const whole = thrown(() => readMatrixText(encode(text), { source: 'f.csv' }));
      const stream = streamOf(encode(text));
      const streamed = thrown(() =>
        readMatrixTextStream(stream, {
          whole: stream.whole,
          windowBytes: 8,
          headBytes: 8,
          source: 'f.csv',
        }),
      );
      expect(streamed.message).toBe(whole.message);
    }
  });

  it('reads whole what it cannot stream: quotes, other notations', () => {
    for (const text of [
      '"a","b"\n1,2\n3,4\n' + '5,6\n'.repeat(20),
      '[1 2 3;\n 4 5 6]' + ' '.repeat(50),
    ]) {
      const stream = streamOf(encode(text));
      sameReading(
        readMatrixTextStream(stream, { whole: stream.whole, windowBytes: 16, headBytes: 16 }),
        readMatrixText(text),
      );
      expect(stream.wholeReads).toBe(1);
    }
  });

  it('random tables in CSV and whitespace, random windows', () => {
    fc.assert(
      fc.property(
        gridOf(exactCell, 2),
        fc.integer({ min: 4, max: 200 }),
        fc.boolean(),
        (cells, windowBytes, csv) => {
          const text = csv ? writeCsv(cells) : writeWhitespace(cells);
          const stream = streamOf(encode(text));
          sameReading(
            readMatrixTextStream(stream, { whole: stream.whole, windowBytes, headBytes: 24 }),
            readMatrixText(text),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fuzzing', () => {
  it('any text gives a matrix whose shape agrees with its data, or a one-line FormatError', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789.,;&\t "[]{}()\r\n-+/eE*^#%\':x'.split(''),
      'array(',
      'dtype=int',
      '\\\\',
      '\\frac{',
      '\\begin{bmatrix}',
      '\\end{bmatrix}',
      '...',
      'np.',
      'matrix(c(',
      'nrow=',
      '2×2 Matrix{Int}:\n',
      '[,1]',
      '//',
      'Sqrt[',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')),
        (text) => {
          for (const input of [text, new TextEncoder().encode(text)]) {
            try {
              const read = readMatrixText(input);
              expect(read.rows).toBeGreaterThan(0);
              expect(read.cols).toBeGreaterThan(0);
              expect(read.matrix.data.length).toBe(read.rows * read.cols);
              expect(read.cells().length).toBe(read.rows);
            } catch (error) {
              expect(error).toBeInstanceOf(FormatError);
              expect((error as Error).message).not.toContain('\n');
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expectOnlyFormatError(() => readMatrixText(bytes));
      }),
      { numRuns: 500 },
    );
  });
});
