// How deep a JSON value nests, counted without recursion: the project schema refuses view
// settings nested deeper than a save (JSON.stringify recurses) or a structured clone can carry.
/** View settings nested deeper than this are refused: saving them would overflow the stack. */
export const deepestViewNesting = 64;

/** How deep a JSON value nests (objects and arrays); stops counting past `stopAt`. */
export function nestingDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}
