import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { locateJsonError, parseJson } from './json-syntax';

describe('parseJson', () => {
  it('parses what JSON.parse parses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
    );
  });

  it('the recognizer accepts every valid JSON text (so it never blames a good spot)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(locateJsonError(JSON.stringify(value), 'none').message).toBe('none');
      }),
    );
  });

  it.each([
    ['{"a": }', 6, 'expected a value but found "}"'],
    ['[1, 2,]', 6, 'expected a value but found "]"'],
    ['{"a": 1', 7, "expected ',' or '}' but found the end of the text"],
    ['{"a" 1}', 5, 'expected \':\' but found "1"'],
    ['"abc', 4, "expected a closing '\"' but found the end of the text"],
    ['{"a": tru}', 6, 'expected "true" but found "t"'],
    ['[01]', 2, "expected ',' or ']' but found \"1\""],
    ['{} x', 3, 'expected the end of the text but found "x"'],
    ['', 0, 'expected a value but found the end of the text'],
  ])('locates the error in %j at character %i', (text, offset, message) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ offset, message });
  });

  it('counts lines and columns from 1', () => {
    const result = parseJson('{\n  "a": 1,\n  "b": [1,, 2]\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ line: 3, column: 11 });
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const text = '['.repeat(50_000) + ']'.repeat(49_999);
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.offset).toBe(text.length);
  });
});
