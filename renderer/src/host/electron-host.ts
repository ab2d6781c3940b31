// The Electron host: the preload's bridge (window.rankscope) carrying the same envelopes as the
// web socket, wrapped in the same client (core/protocol/host-client.ts). Replies cross IPC as
// plain data, so errors keep their names without any parsing of Electron's messages.
import type { HostBridge } from '../../../core/protocol/bridge';
import { createHostClient } from '../../../core/protocol/host-client';
import type { HostApi } from '../../../core/protocol/host-api';

export function createElectronHost(bridge: HostBridge): HostApi {
  const client = createHostClient((request) => bridge.send(request));
  bridge.onReply((reply) => client.receive(reply));
  return {
    ...client.host,
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    droppedFiles: (files) => bridge.droppedFiles(files),
  };
}
