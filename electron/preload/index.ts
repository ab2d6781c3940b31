// The only bridge between the page and the host: a transport for the envelopes of
// core/protocol/envelope.ts and two event hooks, as named functions (HostBridge). Raw
// ipcRenderer never leaves this file; a dropped file's place on disk is read here, from the
// File the browser made, and never taken from the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { HostBridge } from '../../core/protocol/bridge';
import type { HandleInfo } from '../../core/protocol/files';
// Channel names are plain strings; the type-only rule for core/ keeps the preload thin.
const channels = {
  request: 'rankscope:request',
  reply: 'rankscope:reply',
  menu: 'rankscope:menu',
  dropped: 'rankscope:dropped',
} as const satisfies typeof import('../../core/protocol/bridge').bridgeChannels;

/** Subscribes to a channel and returns the function that unsubscribes (exactly that listener). */
function listen(channel: string, listener: (value: unknown) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: unknown) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

export const bridge = {
  send(request) {
    ipcRenderer.send(channels.request, request);
  },
  onReply: (listener) => listen(channels.reply, listener),
  onMenuCommand: (listener) =>
    listen(channels.menu, (command) => {
      if (typeof command === 'string') listener(command);
    }),
  async droppedFiles(files) {
    const paths = Array.from(files, (file) => webUtils.getPathForFile(file));
    if (paths.some((path) => path === ''))
      throw new Error(
        'A dropped file has no place on disk; it is sent to the host as an upload instead.',
      );
    return (await ipcRenderer.invoke(channels.dropped, paths)) as HandleInfo[];
  },
} satisfies HostBridge;

contextBridge.exposeInMainWorld('rankscope', bridge);
