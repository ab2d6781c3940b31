// Test helper: checks that an SVG string is well-formed XML as far as tags go (every element
// closed in order, attribute values quoted) and counts elements, without a DOM library.
export function elementCounts(svg: string): Map<string, number> {
  const stack: string[] = [];
  const counts = new Map<string, number>();
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let consumed = 0;
  for (const match of svg.matchAll(tag)) {
    const between = svg.slice(consumed, match.index);
    if (between.includes('<') || between.includes('>'))
      throw new Error(`stray markup near ${match.index}: ${between.slice(0, 40)}`);
    consumed = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (svg.slice(consumed).trim() !== '') throw new Error('text after the root element');
  return counts;
}

/** The value of an attribute on the first element carrying a data-testid. */
export function attributeOf(svg: string, testId: string, attribute: string): string | null {
  const element = new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`).exec(svg)?.[0];
  if (!element) return null;
  return new RegExp(`\\s${attribute}="([^"]*)"`).exec(element)?.[1] ?? null;
}
