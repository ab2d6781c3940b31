// What every interactive figure's script shares: reading the embedded data, building DOM without
// a framework (the file must stay small and run anywhere), and the `rankscopeFigure` handle a
// course page (or a test) can use to drive the figure.
import { figureDataId, type InteractiveFigureData } from '../interactive-data';

export function readFigureData<Kind extends InteractiveFigureData['kind']>(
  kind: Kind,
): Extract<InteractiveFigureData, { kind: Kind }> {
  const element = document.getElementById(figureDataId);
  const data = JSON.parse(element?.textContent ?? 'null') as InteractiveFigureData | null;
  if (!data || data.kind !== kind) throw new Error(`this file holds no ${kind} figure`);
  return data as Extract<InteractiveFigureData, { kind: Kind }>;
}

type Attributes = Record<string, string | number | boolean | undefined>;

/** An HTML element with attributes and children. */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

export function figureRoot(): HTMLElement {
  const root = document.getElementById('rankscope-figure');
  if (!root) throw new Error('the figure has no root element');
  return root;
}

/** Exposes the figure's controls as window.rankscopeFigure, and marks the page ready. */
export function publish(handle: Record<string, unknown>): void {
  (window as unknown as { rankscopeFigure: unknown }).rankscopeFigure = { ready: true, ...handle };
  figureRoot().setAttribute('data-ready', 'true');
}

export function footer(text: string): HTMLElement {
  return element('footer', {}, [text]);
}
