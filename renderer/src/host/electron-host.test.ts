import { describe, it, expect } from 'vitest';
import { HostError, isCancelled } from '../../../core/protocol/errors';
import type { HostApi } from '../../../core/protocol/host-api';
import { createElectronHost, reviveIpcError } from './electron-host';

describe('Electron IPC errors', () => {
  it('recovers the error name from an IPC rejection so cancels are recognised', () => {
    const error = reviveIpcError(
      new Error("Error invoking remote method 'compute': CancelledError: The job was cancelled."),
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).name).toBe('CancelledError');
    expect((error as HostError).message).toBe('The job was cancelled.');
    expect(isCancelled(error)).toBe(true);
  });
  it('keeps an unnamed message readable', () => {
    const error = reviveIpcError(
      new Error("Error invoking remote method 'compute': Error: bad input"),
    );
    expect((error as Error).message).toBe('bad input');
    expect(isCancelled(error)).toBe(false);
  });
  it('passes HostErrors through unchanged', () => {
    const original = new HostError({ name: 'EntryError', message: 'row 1, column 1: empty entry' });
    expect(reviveIpcError(original)).toBe(original);
  });
  it('passes every method through to the bridge and says so when one is missing', async () => {
    const bridge = {
      info: async () => ({ host: 'electron', cores: 8 }),
      recentProjects: async () => [{ path: '/a.rankscope', fileName: 'a.rankscope', openedAt: 1 }],
      cancel: async () => {
        const error = new Error('No job "x".');
        error.name = 'UnknownJobError';
        throw error;
      },
    } as unknown as HostApi;
    const host = createElectronHost(bridge);
    await expect(host.info()).resolves.toMatchObject({ cores: 8 });
    await expect(host.recentProjects()).resolves.toHaveLength(1);
    await expect(host.cancel('x')).rejects.toMatchObject({ name: 'UnknownJobError' });
    await expect(host.listBackups()).rejects.toMatchObject({ name: 'Unsupported' });
  });
});
