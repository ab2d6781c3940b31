// Which host this page talks to: Electron's preload bridge when present, the web host when the
// page was opened with its per-run token, and otherwise an in-process host (tests, plain vite).
export type HostKind = 'electron' | 'web' | 'memory';

export interface PageFacts {
  /** window.rankscope, if the preload put it there. */
  bridge: unknown;
  /** location.search, e.g. "?token=abc". */
  search: string;
}

export function tokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token && token.length > 0 ? token : null;
}

export function chooseHostKind(facts: PageFacts): HostKind {
  if (facts.bridge && typeof facts.bridge === 'object') return 'electron';
  if (tokenFromSearch(facts.search)) return 'web';
  return 'memory';
}

/** ws://host:port/socket?token=… for a page served at http://host:port/. */
export function socketUrl(origin: string, token: string): string {
  return `${origin.replace(/^http/, 'ws')}/socket?token=${encodeURIComponent(token)}`;
}
