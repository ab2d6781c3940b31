// R's ways of writing a matrix: matrix(c(…), nrow = , ncol = , byrow = ), rbind(…), cbind(…),
// dput's structure(c(…), dim = c(2L, 2L)), array(c(…), dim = …), t(…), with c(), a:b ranges,
// 1L, Inf, NaN. A small recursive-descent reader of that subset of R; R's recycling of a short
// vector is refused (a silent stretch would change the matrix). Works on the string (offsets in
// characters). O(length).

import type { MatrixBuilder } from './matrix-builder';
import { quoteForMessage } from './format-error';
import { NumberKind, scanNumber, scanned } from './number-scan';

interface Entry {
  value: number;
  kind: number;
  start: number;
  end: number;
  written?: string;
}

type RValue =
  | { type: 'numbers'; entries: Entry[]; offset: number }
  | { type: 'logical'; value: boolean; offset: number }
  | { type: 'other'; offset: number }
  /** Column-major entries. */
  | { type: 'matrix'; rows: number; cols: number; entries: Entry[]; offset: number };

interface Argument {
  name?: string;
  value: RValue;
}

const maximumDepth = 32;
const encoder = new TextEncoder();
/** An unsigned R number, or a quotient of two ("1/3": R divides, and the exact reading agrees). */
const numberToken =
  /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:\/(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)?/y;
const largestRange = 2 ** 24;

/** Reads the R expression at `start` into the builder; returns the offset after it. */
export function readRMatrix(text: string, start: number, builder: MatrixBuilder): number {
  let position = start;
  const fail = (reason: string, offset = position): never => builder.fail(reason, offset);
  const skipSpace = () => {
    while (/\s/.test(text[position] ?? '')) position++;
  };

  const expression = (depth: number): RValue => {
    if (depth > maximumDepth) fail('the expression nests too deeply');
    const from = unary(depth);
    skipSpace();
    if (text[position] !== ':') return from;
    position++;
    const to = unary(depth);
    const first = single(from);
    const last = single(to);
    if (!Number.isInteger(first.value) || !Number.isInteger(last.value))
      fail('a range a:b needs whole numbers here', from.offset);
    const count = Math.abs(last.value - first.value) + 1;
    if (count > largestRange)
      fail(`the range ${first.value}:${last.value} is too long`, from.offset);
    const step = last.value >= first.value ? 1 : -1;
    const entries: Entry[] = [];
    for (let k = 0; k < count; k++) {
      const value = first.value + k * step;
      entries.push({
        value,
        kind: NumberKind.integer,
        start: from.offset,
        end: position,
        written: String(value),
      });
    }
    return { type: 'numbers', entries, offset: from.offset };
  };

  const single = (value: RValue): Entry => {
    if (value.type !== 'numbers' || value.entries.length !== 1)
      return fail('a single number was expected here', value.offset);
    return value.entries[0];
  };

  const unary = (depth: number): RValue => {
    skipSpace();
    const offset = position;
    const sign = text[position];
    if (sign === '-' || sign === '+') {
      position++;
      const operand = unary(depth + 1);
      if (operand.type !== 'numbers')
        return fail(`${quoteForMessage(sign)} before something that is not a number`, offset);
      if (sign === '+') return operand;
      return {
        type: 'numbers',
        offset,
        entries: operand.entries.map((entry) => ({
          ...entry,
          value: -entry.value,
          start: Math.min(offset, entry.start),
          written: negate(entry.written ?? text.slice(entry.start, entry.end)),
        })),
      };
    }
    return primary(depth);
  };

  const primary = (depth: number): RValue => {
    skipSpace();
    const offset = position;
    const character = text[position];
    if (character === undefined) return fail('the expression ends too early');
    if (character === '(') {
      position++;
      const inner = expression(depth + 1);
      skipSpace();
      if (text[position] !== ')') fail('a "(" is never closed', offset);
      position++;
      return inner;
    }
    if (character === '"' || character === "'") {
      const end = text.indexOf(character, position + 1);
      if (end < 0) fail('a string is never closed', offset);
      position = end + 1;
      return { type: 'other', offset };
    }
    numberToken.lastIndex = position;
    const token = numberToken.exec(text)?.[0];
    if (token !== undefined) {
      const value = scanNumber(encoder.encode(token), 0);
      const kind = scanned.kind;
      const written = token;
      let end = position + token.length;
      if (text[end] === 'L') end++; // 2L is the integer 2
      position = end;
      return {
        type: 'numbers',
        offset,
        entries: [{ value, kind, start: offset, end: offset + written.length, written }],
      };
    }
    const name = /^[A-Za-z.][\w.]*/.exec(text.slice(position, position + 64))?.[0];
    if (name === undefined) return fail(`unexpected ${quoteForMessage(character)}`);
    position += name.length;
    skipSpace();
    if (text[position] === '(') {
      position++;
      const args = argumentList(depth + 1);
      return call(name, args, offset);
    }
    switch (name) {
      case 'TRUE':
      case 'T':
        return { type: 'logical', value: true, offset };
      case 'FALSE':
      case 'F':
        return { type: 'logical', value: false, offset };
      case 'Inf':
        return {
          type: 'numbers',
          offset,
          entries: [
            {
              value: Infinity,
              kind: NumberKind.nonFinite,
              start: offset,
              end: position,
              written: 'inf',
            },
          ],
        };
      case 'NaN':
        return {
          type: 'numbers',
          offset,
          entries: [
            {
              value: NaN,
              kind: NumberKind.nonFinite,
              start: offset,
              end: position,
              written: 'nan',
            },
          ],
        };
      case 'NULL':
        return { type: 'other', offset };
      case 'NA':
        return fail('NA (a missing value) is not a number', offset);
      default:
        return fail(`${quoteForMessage(name)} is not a number R writes in a matrix`, offset);
    }
  };

  const argumentList = (depth: number): Argument[] => {
    const args: Argument[] = [];
    skipSpace();
    if (text[position] === ')') {
      position++;
      return args;
    }
    for (;;) {
      skipSpace();
      const named = /^([A-Za-z.][\w.]*)\s*=(?!=)/.exec(text.slice(position, position + 80));
      let name: string | undefined;
      if (named) {
        name = named[1];
        position += named[0].length;
      }
      args.push({ name, value: expression(depth) });
      skipSpace();
      if (text[position] === ',') {
        position++;
        continue;
      }
      if (text[position] === ')') {
        position++;
        return args;
      }
      if (position >= text.length) return fail('a "(" is never closed');
      return fail(`unexpected ${quoteForMessage(text[position])} in the argument list`);
    }
  };

  const numbersOf = (value: RValue, what: string): Entry[] => {
    if (value.type === 'numbers') return value.entries;
    if (value.type === 'matrix') return value.entries;
    return fail(`${what} should be numbers`, value.offset);
  };

  const call = (name: string, args: Argument[], offset: number): RValue => {
    const argument = (key: string, index: number): RValue | undefined => {
      const byName = args.find((arg) => arg.name === key);
      if (byName) return byName.value;
      const positional = args.filter((arg) => arg.name === undefined);
      return positional[index]?.value;
    };
    const count = (key: string, index: number): number | undefined => {
      const value = argument(key, index);
      if (value === undefined) return undefined;
      const entry = single(value);
      if (!Number.isInteger(entry.value) || entry.value < 1)
        return fail(`${key} should be a whole number ≥ 1`, value.offset);
      return entry.value;
    };
    switch (name) {
      case 'c': {
        // c("a", "b") names rows or columns in dimnames: not numbers, and not needed.
        if (args.length > 0 && args.every((arg) => arg.value.type === 'other'))
          return { type: 'other', offset };
        const entries = args.flatMap((arg) => numbersOf(arg.value, 'the items of c(…)'));
        return { type: 'numbers', entries, offset };
      }
      case 'matrix': {
        const data = argument('data', 0);
        if (!data) return fail('matrix() needs its data', offset);
        let entries = numbersOf(data, 'the data of matrix()');
        let rows = count('nrow', 1);
        let cols = count('ncol', 2);
        const byRow = argument('byrow', 3);
        if (rows === undefined && cols === undefined) [rows, cols] = [entries.length, 1];
        rows ??= Math.ceil(entries.length / cols!);
        cols ??= Math.ceil(entries.length / rows);
        if (entries.length === 1 && rows * cols > 1)
          entries = Array<Entry>(rows * cols).fill(entries[0]);
        checkLength(entries.length, rows, cols, data.offset);
        if (byRow?.type === 'logical' && byRow.value)
          entries = transposeEntries(entries, cols, rows);
        return { type: 'matrix', rows, cols, entries, offset };
      }
      case 'structure':
      case 'array': {
        const data = argument(name === 'array' ? 'data' : '.Data', 0);
        if (!data) return fail(`${name}() needs its data`, offset);
        const dim =
          args.find((arg) => arg.name === 'dim' || arg.name === '.Dim')?.value ??
          (name === 'array' ? argument('dim', 1) : undefined);
        const entries = numbersOf(data, `the data of ${name}()`);
        if (!dim) return { type: 'matrix', rows: entries.length, cols: 1, entries, offset };
        const dims = numbersOf(dim, 'dim');
        if (dims.length !== 2)
          return fail(
            `dim has ${dims.length} numbers: this reads matrices (2 dimensions)`,
            dim.offset,
          );
        const [rows, cols] = dims.map((entry) => entry.value);
        checkLength(entries.length, rows, cols, data.offset);
        return { type: 'matrix', rows, cols, entries, offset };
      }
      case 'rbind':
      case 'cbind': {
        const vectors = args
          .filter((arg) => arg.value.type !== 'other')
          .map((arg) => numbersOf(arg.value, `the items of ${name}()`));
        if (vectors.length === 0) return fail(`${name}() needs vectors`, offset);
        const length = vectors[0].length;
        vectors.forEach((vector, index) => {
          if (vector.length !== length)
            fail(
              `${name}() has vectors of ${length} and ${vector.length} numbers`,
              args[index].value.offset,
            );
        });
        const entries = vectors.flat();
        // cbind's vectors are columns (already column-major); rbind's are rows.
        return name === 'cbind'
          ? { type: 'matrix', rows: length, cols: vectors.length, entries, offset }
          : {
              type: 'matrix',
              rows: vectors.length,
              cols: length,
              entries: transposeEntries(entries, length, vectors.length),
              offset,
            };
      }
      case 't': {
        const inner = argument('x', 0);
        if (!inner || inner.type !== 'matrix') return fail('t() needs a matrix', offset);
        return {
          type: 'matrix',
          rows: inner.cols,
          cols: inner.rows,
          entries: transposeEntries(inner.entries, inner.rows, inner.cols),
          offset,
        };
      }
      case 'list':
        return { type: 'other', offset };
      default:
        return fail(
          `${quoteForMessage(name)}() is not one of R's ways of writing a matrix this reads (matrix, rbind, cbind, structure, array, c, t)`,
          offset,
        );
    }
  };

  const checkLength = (length: number, rows: number, cols: number, offset: number) => {
    if (length !== rows * cols)
      fail(
        `the data has ${length} numbers, but a ${rows}×${cols} matrix needs ${rows * cols} (R would recycle them; write them all)`,
        offset,
      );
  };

  const result = expression(0);
  skipSpace();
  const matrix =
    result.type === 'matrix'
      ? result
      : result.type === 'numbers'
        ? { rows: result.entries.length, cols: 1, entries: result.entries }
        : fail('this is not a matrix', result.offset);
  // Column-major entries: each column is handed over as a row, and the result transposed.
  for (let j = 0; j < matrix.cols; j++) {
    for (let i = 0; i < matrix.rows; i++) {
      const entry = matrix.entries[i + j * matrix.rows];
      builder.number(entry.value, entry.kind, entry.start, entry.end, entry.written);
    }
    builder.endRow(position);
  }
  builder.transposeResult();
  return position;
}

/** Row-major entries (rows × cols, given as `cols` per row) to column-major, or back. */
function transposeEntries(entries: Entry[], perRow: number, rowCount: number): Entry[] {
  const result: Entry[] = [];
  for (let j = 0; j < perRow; j++)
    for (let i = 0; i < rowCount; i++) result.push(entries[i * perRow + j]);
  return result;
}

function negate(written: string): string {
  if (written.startsWith('-')) return written.slice(1);
  if (written.startsWith('+')) return '-' + written.slice(1);
  return '-' + written;
}
