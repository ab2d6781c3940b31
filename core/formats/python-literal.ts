// The small subset of Python literal syntax that a .npy header dictionary uses: dicts, tuples,
// lists, quoted strings, integers (with Python 2's "L" suffix), True / False / None. Recursive
// descent with the nesting depth capped, so hostile headers cannot exhaust the stack.

import { FormatError, quoteForMessage } from './format-error';

export type PythonValue = string | number | boolean | null | PythonValue[] | PythonDict;
export interface PythonDict {
  [key: string]: PythonValue;
}

const maximumDepth = 8;

/** Parses text as one Python literal; offsets in errors are added to baseOffset. */
export function parsePythonLiteral(text: string, baseOffset = 0, file?: string): PythonValue {
  let position = 0;
  const fail = (reason: string): never => {
    throw new FormatError(reason, { file, byteOffset: baseOffset + position });
  };
  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position])) position++;
  };

  const parseValue = (depth: number): PythonValue => {
    if (depth > maximumDepth) fail('the header nests too deeply');
    skipSpace();
    const character = text[position];
    if (character === undefined) return fail('the header ends too early');
    if (character === '{') {
      position++;
      const dict: PythonDict = Object.create(null) as PythonDict;
      for (;;) {
        skipSpace();
        if (text[position] === '}') {
          position++;
          return dict;
        }
        const key = parseValue(depth + 1);
        if (typeof key !== 'string') fail('a header dictionary key is not a string');
        skipSpace();
        if (text[position] !== ':') fail('expected ":" in the header dictionary');
        position++;
        dict[key as string] = parseValue(depth + 1);
        skipSpace();
        if (text[position] === ',') position++;
        else if (text[position] !== '}') fail('expected "," or "}" in the header dictionary');
      }
    }
    if (character === '(' || character === '[') {
      const close = character === '(' ? ')' : ']';
      position++;
      const items: PythonValue[] = [];
      for (;;) {
        skipSpace();
        if (text[position] === close) {
          position++;
          return items;
        }
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[position] === ',') position++;
        else if (text[position] !== close) fail(`expected "," or "${close}" in the header`);
      }
    }
    if (character === "'" || character === '"') {
      const end = text.indexOf(character, position + 1);
      if (end < 0) fail('a string in the header is never closed');
      const value = text.slice(position + 1, end);
      if (value.includes('\\')) fail('escapes in header strings are not supported');
      position = end + 1;
      return value;
    }
    const word = /^[+-]?\w+/.exec(text.slice(position, position + 40))?.[0];
    if (word === undefined) return fail(`unexpected ${quoteForMessage(character)} in the header`);
    if (word === 'True' || word === 'False') {
      position += word.length;
      return word === 'True';
    }
    if (word === 'None') {
      position += word.length;
      return null;
    }
    if (/^[+-]?\d+L?$/.test(word)) {
      position += word.length;
      const value = Number(word.replace(/L$/, ''));
      if (!Number.isSafeInteger(value)) fail(`the number ${word} in the header is too large`);
      return value;
    }
    return fail(`unexpected ${quoteForMessage(word)} in the header`);
  };

  const value = parseValue(0);
  skipSpace();
  if (position < text.length) fail('unexpected text after the header dictionary');
  return value;
}
