// What Electron's preload puts on the page as window.rankscope: a transport for envelopes and two
// event hooks, never raw ipcRenderer. The page wraps it in the same client as every other host
// (host-client.ts), so IPC carries exactly the envelopes the web socket carries.
import type { HostRequest } from './envelope';
import type { HandleInfo } from './files';

export interface HostBridge {
  /** Sends one request envelope to the host. */
  send(request: HostRequest): void;
  /** Every reply envelope from the host; returns the function that stops listening. */
  onReply(listener: (reply: unknown) => void): () => void;
  /** Commands from the native menu; returns the function that stops listening. */
  onMenuCommand(listener: (command: string) => void): () => void;
  /**
   * Handles for files dropped on the window. The preload reads each file's place on disk from the
   * drop itself (a File the browser made); a File made by a script has none and is refused.
   */
  droppedFiles(files: readonly File[]): Promise<HandleInfo[]>;
}

/** IPC channel names, shared by the preload and main. */
export const bridgeChannels = {
  /** Page → main: one request envelope. */
  request: 'rankscope:request',
  /** Main → page: one reply envelope. */
  reply: 'rankscope:reply',
  /** Main → page: a menu command ('new', 'open', 'save', … and 'launch-files'). */
  menu: 'rankscope:menu',
  /** Page → main (invoke): the paths of files dropped on the window. */
  dropped: 'rankscope:dropped',
} as const;
