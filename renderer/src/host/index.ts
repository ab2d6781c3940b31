// Picks the host for this page (see choose-host.ts) and creates it once.
import type { HostApi } from '../../../core/protocol/host-api';
import { chooseHostKind, socketUrl, tokenFromSearch, type HostKind } from './choose-host';
import { createElectronHost } from './electron-host';
import { createMemoryHost } from './memory-host';
import { createWebHost, type WebHost } from './web-host';

export interface ChosenHost {
  kind: HostKind;
  host: HostApi;
  /** Present for the web host, whose connection can drop. */
  web?: WebHost;
}

let chosen: Promise<ChosenHost> | null = null;

async function create(): Promise<ChosenHost> {
  const kind = chooseHostKind({ bridge: window.rankscope, search: window.location.search });
  if (kind === 'electron') return { kind, host: createElectronHost(window.rankscope!) };
  if (kind === 'web') {
    const token = tokenFromSearch(window.location.search)!;
    const web = createWebHost(socketUrl(window.location.origin, token));
    return { kind, host: web, web };
  }
  // Loaded lazily so that the Electron and web builds never carry the job code on the page.
  const { catalog } = await import('../../../core/jobs/catalog');
  return { kind, host: createMemoryHost(catalog) };
}

export function chooseHost(): Promise<ChosenHost> {
  chosen ??= create();
  return chosen;
}
