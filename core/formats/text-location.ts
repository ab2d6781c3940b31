// Line and column (both 1-based) of a character offset in a text, for error messages and for
// naming the line of each row. A locator indexes the line starts once, then answers in O(log n).

export type Locator = (offset: number) => { line: number; column: number };

export function createLocator(text: string): Locator {
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    const character = text.charCodeAt(k);
    if (character === 10 || (character === 13 && text.charCodeAt(k + 1) !== 10)) {
      lineStarts.push(k + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
