// Binds the HostApi contract to the services: one handler for the generic call channel, the
// sender frame checked, the method checked against the contract, the payload validated by the
// service that takes it.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { serializeError } from '../../core/protocol/errors';
import type { HostMethods } from '../services/host-dispatch';
import { ipcChannels } from '../preload/channels';
import { isTrustedUrl } from './security';

function assertTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): void {
  const url = event.senderFrame?.url ?? '';
  if (!isTrustedUrl(url, devServerUrl))
    throw new Error(`IPC refused from an untrusted frame (${url || 'unknown'}).`);
}

export function bindIpc(methods: HostMethods, devServerUrl?: string): void {
  ipcMain.handle(ipcChannels.call, async (event, payload: unknown) => {
    try {
      assertTrustedSender(event, devServerUrl);
      const call = (payload ?? {}) as { method?: unknown; args?: unknown; jobId?: unknown };
      const jobId =
        typeof call.jobId === 'string' && call.jobId.length <= 128 ? call.jobId : undefined;
      const value = await methods.call(
        { method: call.method, args: call.args, jobId },
        (progress) => {
          if (!event.sender.isDestroyed())
            event.sender.send(ipcChannels.progress, { jobId, progress });
        },
      );
      // Errors cross as { ok: false, error } so their name survives Electron's IPC.
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: serializeError(error) };
    }
  });
}
