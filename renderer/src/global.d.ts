// The preload exposes the host bridge as window.rankscope (Electron only).
import type { HostBridge } from '../../core/protocol/bridge';

declare global {
  interface Window {
    rankscope?: HostBridge;
  }
}

export {};
