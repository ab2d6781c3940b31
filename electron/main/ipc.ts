// Binds the bridge's channels to host sessions, one per window: every message's sender frame is
// checked against the app's exact origin (an untrusted one is ignored and logged), requests go to
// the window's session (serve-request.ts validates them), replies go back to that window only.
// A window that closes or reloads ends its session: its handles, uploads and jobs go with it.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { bridgeChannels } from '../../core/protocol/bridge';
import { hostError } from '../../core/protocol/errors';
import type { HandleInfo } from '../../core/protocol/files';
import type { HostServices } from '../services/host-handlers';
import { HostSession } from '../services/host-session';
import { isTrustedUrl } from './security';

const droppedSchema = z.array(z.string().min(1).max(4096)).min(1).max(100);

export class WindowSessions {
  private readonly sessions = new Map<number, HostSession>();

  constructor(
    private readonly services: HostServices,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** The session of a window's page, made on its first message. */
  for(contents: WebContents): HostSession {
    const existing = this.sessions.get(contents.id);
    if (existing) return existing;
    const session = new HostSession(this.services, (reply) => {
      if (!contents.isDestroyed()) contents.send(bridgeChannels.reply, reply);
    });
    this.sessions.set(contents.id, session);
    const end = () => this.end(contents.id, session);
    contents.once('destroyed', end);
    // A reload is a new page: what the old one was given ends with it.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) end();
    });
    return session;
  }

  private end(id: number, session: HostSession): void {
    if (this.sessions.get(id) !== session) return;
    this.sessions.delete(id);
    void session.close().catch((error: unknown) => this.log(`[ipc] ${(error as Error).message}`));
  }

  get size(): number {
    return this.sessions.size;
  }
}

function senderUrl(event: IpcMainEvent | IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '';
  } catch {
    return '';
  }
}

export function bindIpc(
  sessions: WindowSessions,
  devServerUrl: string | undefined,
  log: (line: string) => void = () => {},
): void {
  ipcMain.on(bridgeChannels.request, (event, message: unknown) => {
    const url = senderUrl(event);
    if (!isTrustedUrl(url, devServerUrl)) {
      log(`[ipc] ignored a request from an untrusted frame (${url || 'unknown'})`);
      return;
    }
    void sessions.for(event.sender).receive(message);
  });

  ipcMain.handle(bridgeChannels.dropped, async (event, paths: unknown): Promise<HandleInfo[]> => {
    const url = senderUrl(event);
    if (!isTrustedUrl(url, devServerUrl))
      throw hostError('Untrusted', `Refused from an untrusted frame (${url || 'unknown'}).`);
    const parsed = droppedSchema.safeParse(paths);
    if (!parsed.success) throw hostError('InvalidRequest', 'The dropped files could not be read.');
    const { handles } = sessions.for(event.sender).scope;
    const issued: HandleInfo[] = [];
    for (const file of parsed.data) {
      const info = await stat(file).catch(() => null);
      if (!info) continue;
      const kind = info.isDirectory() ? 'folder' : 'file';
      if (kind === 'file' && !info.isFile()) continue;
      issued.push(
        handles.issue(file, {
          kind,
          read: true,
          write: kind === 'file' && /\.rankscope$/i.test(file),
          origin: 'drop',
          size: kind === 'file' ? info.size : undefined,
        }),
      );
    }
    return issued;
  });
}
