// Binds the HostApi contract to the services: one handler per method, the sender frame checked,
// the payload validated by the compute service's schemas.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { serializeError } from '../../core/protocol/errors';
import type { ComputeService } from '../services/compute-service';
import { ipcChannels } from '../preload/channels';
import { isTrustedUrl } from './security';

function assertTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): void {
  const url = event.senderFrame?.url ?? '';
  if (!isTrustedUrl(url, devServerUrl)) throw new Error(`IPC refused from an untrusted frame (${url || 'unknown'}).`);
}

/** Errors cross as { ok: false, error } so their name survives Electron's IPC. */
type Envelope = { ok: true; value: unknown } | { ok: false; error: ReturnType<typeof serializeError> };

async function wrap(run: () => unknown): Promise<Envelope> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

export function bindIpc(service: ComputeService, devServerUrl?: string): void {
  ipcMain.handle(ipcChannels.info, (event) =>
    wrap(() => {
      assertTrustedSender(event, devServerUrl);
      return service.info();
    }),
  );
  ipcMain.handle(ipcChannels.compute, (event, call: unknown) =>
    wrap(() => {
      assertTrustedSender(event, devServerUrl);
      const jobId = (call as { jobId?: unknown } | null)?.jobId;
      return service.compute(call, (progress) => {
        if (!event.sender.isDestroyed()) event.sender.send(ipcChannels.progress, { jobId, progress });
      });
    }),
  );
  ipcMain.handle(ipcChannels.cancel, (event, call: unknown) =>
    wrap(() => {
      assertTrustedSender(event, devServerUrl);
      service.cancel(call);
      return null;
    }),
  );
}
