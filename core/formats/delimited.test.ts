import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { detectDelimiter, parseCsvRecords, parseDelimited } from './delimited';
import { FormatError } from './format-error';
import { expectOnlyFormatError } from './test-support';
import { writeCsv } from './writers';

const spectrumFolder = path.dirname(
  createRequire(import.meta.url).resolve('csv-spectrum/package.json'),
);
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/text/${name}`, import.meta.url), 'utf8');

function thrown(action: () => unknown): FormatError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('parseCsvRecords (RFC 4180) on the csv-spectrum cases', () => {
  const names = readdirSync(path.join(spectrumFolder, 'csvs')).map((name) =>
    name.replace(/\.csv$/, ''),
  );

  it('covers every case of the package', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of names) {
    it(name, () => {
      const text = readFileSync(path.join(spectrumFolder, 'csvs', name + '.csv'), 'utf8');
      let expected = JSON.parse(
        readFileSync(path.join(spectrumFolder, 'json', name + '.json'), 'utf8'),
      ) as Record<string, string>[] | Record<string, string>;
      // Errata of csv-spectrum 2.0.0: this JSON is a bare object and its phone number is not the
      // one in the CSV (2095257564). Everything else in the case is checked as given.
      if (name === 'location_coordinates' && !Array.isArray(expected)) {
        expected = [{ ...expected, 'Contact Phone Number': '2095257564' }];
      }
      const [header, ...body] = parseCsvRecords(text).map((record) => record.fields);
      const objects = body.map((fields) =>
        Object.fromEntries(header.map((key, j) => [key, fields[j]])),
      );
      expect(objects).toEqual(expected);
    });
  }

  it('gives the line on which each record starts, counting line breaks inside quotes', () => {
    const records = parseCsvRecords('a,b\r\n"x\r\ny",2\r\n3,4\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const error = thrown(() => parseCsvRecords('1,2\n3,"4\n5,6\n', { file: 'data.csv' }));
    expect(error.line).toBe(2);
    expect(error.column).toBe(2);
    expect(error.message).toMatch(/^data\.csv, line 2, column 2: /);
  });

  it('refuses text after a closing quote', () => {
    const error = thrown(() => parseCsvRecords('1,"2"x,3'));
    expect(error.line).toBe(1);
    expect(error.column).toBe(2);
  });
});

describe('parseDelimited', () => {
  it('reads CRLF CSV with a BOM, a quoted header and quoted numbers, keeping exact strings', () => {
    const result = parseDelimited(fixture('crlf_bom_quotes.csv'), { file: 'crlf_bom_quotes.csv' });
    expect(result.delimiter).toBe(',');
    expect(result.header).toEqual(['x', 'y "quoted"', 'z']);
    expect(result.cells).toEqual([
      ['1', '2', '3/4'],
      ['-0.5', '1e-3', '7'],
    ]);
    expect([result.rows, result.cols]).toEqual([2, 3]);
  });

  it('detects ";" with decimal commas and turns the commas into points', () => {
    const result = parseDelimited(fixture('semicolon_decimal_comma.csv'));
    expect(result.delimiter).toBe(';');
    expect(result.cells).toEqual([
      ['1.5', '2', '-3.25'],
      ['4', '5.0', '6'],
    ]);
  });

  it('reads whitespace-separated text with # and % comments and blank lines', () => {
    const result = parseDelimited(fixture('comments_whitespace.txt'));
    expect(result.delimiter).toBe('whitespace');
    expect(result.header).toBeUndefined();
    expect(result.cells).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads tabs', () => {
    expect(parseDelimited(fixture('tabs.tsv')).cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('takes a first row of non-numbers as a header only then', () => {
    expect(parseDelimited('a,b\n1,2\n').header).toEqual(['a', 'b']);
    expect(parseDelimited('1,2\n3,4\n').header).toBeUndefined();
    expect(parseDelimited('1,2\n3,4\n', { header: 'present' }).header).toEqual(['1', '2']);
    const error = thrown(() => parseDelimited('x,1\n2,3\n', { file: 'mixed.csv' }));
    expect(error.message).toBe('mixed.csv, line 1, column 1: "x" is not a number');
  });

  it('names the line and column of a cell that is not a number', () => {
    const error = thrown(() => parseDelimited('1,2\n3,4\n5,abc\n', { file: 'data.csv' }));
    expect(error.message).toBe('data.csv, line 3, column 2: "abc" is not a number');
    expect([error.line, error.column]).toEqual([3, 2]);
  });

  it('names the line of a ragged row', () => {
    const error = thrown(() => parseDelimited('1,2,3\n4,5,6\n# note\n7,8\n', { file: 'r.csv' }));
    expect(error.line).toBe(4);
    expect(error.message).toContain('has 2 cells, but line 1 has 3');
  });

  it('reports an empty cell', () => {
    const error = thrown(() => parseDelimited('1,,3\n'));
    expect(error.column).toBe(2);
    expect(error.reason).toBe('the cell is empty');
  });

  it('drops the empty last column of rows that all end with a delimiter', () => {
    expect(parseDelimited('1\t2\t\n3\t4\t\n').cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('refuses more cells than the cap', () => {
    expect(() => parseDelimited('1,2,3\n4,5,6\n', { maxCells: 5 })).toThrow(FormatError);
  });

  it('detects the delimiter from consistent counts', () => {
    expect(detectDelimiter('1\t2\n3\t4')).toBe('\t');
    expect(detectDelimiter('1;2,5\n3;4')).toBe(';');
    expect(detectDelimiter('1,2\n3,4')).toBe(',');
    expect(detectDelimiter('"a;b",2\n3,4')).toBe(',');
    expect(detectDelimiter('1 2\n3 4')).toBe('whitespace');
  });
});

const numberText = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc
    .tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([p, q]) => `${p}/${q}`),
);
const grid = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(numberText, { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('round trips and fuzzing', () => {
  it('writeCsv → parseDelimited gives back the same cells, for every delimiter and line ending', () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (cells, delimiter, lineEnding) => {
          const text = writeCsv(cells, {
            delimiter: delimiter as ',' | '\t',
            lineEnding: lineEnding as '\n' | '\r\n',
          });
          expect(parseDelimited(text, { header: 'absent' }).cells).toEqual(cells);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any field text survives writeCsv → parseCsvRecords', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const records = parseCsvRecords(writeCsv(rows)).map((record) => record.fields);
          expect(records).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random text only ever yields a matrix or a FormatError', () => {
    const alphabet = fc.constantFrom(...'0123456789.,;\t "\r\n#%-/eabc'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 120 }).map((characters) => characters.join('')),
        (text) => {
          expectOnlyFormatError(() => parseDelimited(text));
          expectOnlyFormatError(() => parseCsvRecords(text));
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
          .map((codes) => String.fromCharCode(...codes)),
        (text) => {
          expectOnlyFormatError(() => parseDelimited(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
