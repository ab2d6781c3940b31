// Parses JSON text, and when it is malformed finds where: JSON.parse's messages differ between
// engines and often omit the position, so a small recursive-descent recognizer (RFC 8259 grammar)
// walks the text to the first error. Cost O(length), run only after JSON.parse has failed.

export interface JsonSyntaxProblem {
  /** 0-based character offset of the first error. */
  offset: number;
  line: number;
  column: number;
  /** "expected ',' or '}' but found ']'" */
  message: string;
}

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problem: locateJsonError(text, error instanceof Error ? error.message : String(error)),
    };
  }
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax error in the text; `fallback` is used if the recognizer finds none. */
export function locateJsonError(
  text: string,
  fallback = 'the JSON is malformed',
): JsonSyntaxProblem {
  let offset = text.length;
  let message = fallback;
  try {
    recognize(text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    offset = error.offset;
    message = error.message;
  }
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, message };
}

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the text';
  return JSON.stringify(text[offset]);
}

function recognize(text: string): void {
  let position = 0;
  const fail = (expected: string): never => {
    throw new SyntaxProblem(position, `expected ${expected} but found ${describe(text, position)}`);
  };
  const skipSpace = () => {
    while (position < text.length && ' \t\n\r'.includes(text[position])) position++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, position)) position += word.length;
    else fail(`"${word}"`);
  };
  const digits = () => {
    const start = position;
    while (position < text.length && text[position] >= '0' && text[position] <= '9') position++;
    if (position === start) fail('a digit');
  };
  const number = () => {
    if (text[position] === '-') position++;
    if (text[position] === '0') position++;
    else digits();
    if (text[position] === '.') {
      position++;
      digits();
    }
    if (text[position] === 'e' || text[position] === 'E') {
      position++;
      if (text[position] === '+' || text[position] === '-') position++;
      digits();
    }
  };
  const string = () => {
    if (text[position] !== '"') fail('a string in double quotes');
    position++;
    for (;;) {
      if (position >= text.length) fail("a closing '\"'");
      const code = text.charCodeAt(position);
      if (code === 0x22) {
        position++;
        return;
      }
      if (code < 0x20)
        throw new SyntaxProblem(
          position,
          'a control character (such as a line break) inside a string',
        );
      if (code === 0x5c) {
        position++;
        const escape = text[position];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 1, position + 5)))
            fail('four hexadecimal digits after "\\u"');
          position += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) position++;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else position++;
    }
  };
  // Depth is bounded by an explicit stack, so deeply nested input cannot overflow the call stack.
  const value = () => {
    const stack: ('array' | 'object')[] = [];
    for (;;) {
      skipSpace();
      const character = text[position];
      let opened = false;
      if (character === '{') {
        position++;
        skipSpace();
        if (text[position] === '}') position++;
        else {
          string();
          skipSpace();
          if (text[position] !== ':') fail("':'");
          position++;
          stack.push('object');
          opened = true;
        }
      } else if (character === '[') {
        position++;
        skipSpace();
        if (text[position] === ']') position++;
        else {
          stack.push('array');
          opened = true;
        }
      } else if (character === '"') string();
      else if (character === 't') literal('true');
      else if (character === 'f') literal('false');
      else if (character === 'n') literal('null');
      else if (character === '-' || (character >= '0' && character <= '9')) number();
      else fail('a value');
      if (opened) continue;
      // After a value: close containers or move to the next element.
      for (;;) {
        skipSpace();
        const container = stack[stack.length - 1];
        if (container === undefined) return;
        const close = container === 'array' ? ']' : '}';
        if (text[position] === close) {
          position++;
          stack.pop();
          continue;
        }
        if (text[position] !== ',') fail(`',' or '${close}'`);
        position++;
        if (container === 'object') {
          skipSpace();
          string();
          skipSpace();
          if (text[position] !== ':') fail("':'");
          position++;
        }
        break;
      }
    }
  };
  value();
  skipSpace();
  if (position < text.length) fail('the end of the text');
}
