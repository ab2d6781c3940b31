// The preload exposes the host contract as window.rankscope (Electron only).
import type { HostApi } from '../../core/protocol/host-api';

declare global {
  interface Window {
    rankscope?: HostApi;
  }
}

export {};
