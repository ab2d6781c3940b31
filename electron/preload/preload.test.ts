// The preload with Electron mocked (as Electron Fiddle tests it): what it puts on the page, and
// that raw ipcRenderer never gets there.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '../../core/protocol/bridge';

const ipc = vi.hoisted(() => {
  // A tiny emitter (the hoisted block runs before any import).
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const emitter = {
    on(channel: string, listener: (...args: unknown[]) => void) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((other) => other !== listener),
      );
    },
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener(...args);
    },
    listenerCount: (channel: string) => (listeners.get(channel) ?? []).length,
  };
  return {
    emitter,
    exposed: {} as Record<string, unknown>,
    sent: [] as [string, unknown][],
    invoked: [] as [string, unknown][],
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => {
      ipc.exposed[name] = api;
    },
  },
  ipcRenderer: {
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      ipc.emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      ipc.emitter.removeListener(channel, listener),
    send: (channel: string, value: unknown) => ipc.sent.push([channel, value]),
    invoke: async (channel: string, value: unknown) => {
      ipc.invoked.push([channel, value]);
      return (value as string[]).map((file) => ({
        handle: 'fh-x',
        name: file.split('/').pop(),
        kind: 'file',
      }));
    },
  },
  webUtils: {
    getPathForFile: (file: { path?: string }) => file.path ?? '',
  },
}));

const { bridge } = await import('./index');
const event = {};

describe('preload', () => {
  beforeEach(() => {
    ipc.sent.length = 0;
    ipc.invoked.length = 0;
  });

  it('exposes only the bridge: named functions, no ipcRenderer', () => {
    const exposed = ipc.exposed.rankscope as HostBridge;
    expect(exposed).toBe(bridge);
    expect(Object.keys(exposed).sort()).toEqual([
      'droppedFiles',
      'onMenuCommand',
      'onReply',
      'send',
    ]);
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('sends envelopes on the request channel and hands replies to listeners until disposed', () => {
    bridge.send({ id: 1, method: 'info', args: [] });
    expect(ipc.sent).toEqual([['rankscope:request', { id: 1, method: 'info', args: [] }]]);
    const replies: unknown[] = [];
    const stop = bridge.onReply((reply) => replies.push(reply));
    ipc.emitter.emit('rankscope:reply', event, { id: 1, result: 2 });
    stop();
    ipc.emitter.emit('rankscope:reply', event, { id: 2, result: 3 });
    expect(replies).toEqual([{ id: 1, result: 2 }]);
    expect(ipc.emitter.listenerCount('rankscope:reply')).toBe(0);
  });

  it('onMenuCommand returns a disposer, and each command fires once per live listener', () => {
    const seen: string[] = [];
    const first = bridge.onMenuCommand((command) => seen.push(`first:${command}`));
    // A page effect that re-runs disposes its old listener before adding the new one.
    first();
    const second = bridge.onMenuCommand((command) => seen.push(`second:${command}`));
    ipc.emitter.emit('rankscope:menu', event, 'save');
    ipc.emitter.emit('rankscope:menu', event, { not: 'a command' });
    expect(seen).toEqual(['second:save']);
    second();
    ipc.emitter.emit('rankscope:menu', event, 'open');
    expect(seen).toEqual(['second:save']);
  });

  it('reads dropped files’ places from the drop, and refuses files a script made', async () => {
    const dropped = [{ name: 'a.csv', path: '/home/ada/a.csv' }] as unknown as File[];
    await expect(bridge.droppedFiles(dropped)).resolves.toEqual([
      { handle: 'fh-x', name: 'a.csv', kind: 'file' },
    ]);
    expect(ipc.invoked).toEqual([['rankscope:dropped', ['/home/ada/a.csv']]]);
    const made = [{ name: 'forged.csv' }] as unknown as File[];
    await expect(bridge.droppedFiles(made)).rejects.toThrow(/no place on disk/);
    expect(ipc.invoked).toHaveLength(1);
  });
});
