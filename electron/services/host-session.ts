// One window's or one connection's session with the host: its own file handles, uploads and
// jobs, the limit on requests it may have in flight, and the one place its messages are served
// (serve-request.ts). Closing the session cancels its jobs, ends its handles and removes its
// uploads: nothing it was given outlives it.
import { randomBytes } from 'node:crypto';
import type { HostReply } from '../../core/protocol/envelope';
import { serveRequest } from '../../core/protocol/serve-request';
import { FileHandles } from './file-handles';
import { createHostHandlers, type HostScope, type HostServices } from './host-handlers';
import { Uploads } from './uploads';

export class HostSession {
  readonly scope: HostScope;
  private readonly handlers;
  private inFlight = 0;
  private closed = false;

  constructor(
    private readonly services: HostServices,
    private readonly reply: (message: HostReply) => void,
  ) {
    const handles = new FileHandles({
      shownPathOf: services.root ? (file) => services.root!.shownPathOf(file) : undefined,
    });
    this.scope = {
      id: `s${randomBytes(9).toString('base64url')}`,
      handles,
      uploads: new Uploads(handles, services.compute.limits),
      controllers: new Map(),
    };
    this.handlers = createHostHandlers(services, this.scope);
  }

  /** Serves one untrusted message; never throws, always answers (unless the session closed). */
  async receive(message: unknown): Promise<void> {
    if (this.closed) return;
    const limit = this.services.compute.limits.queuedRequests;
    if (this.inFlight >= limit) {
      const id = (message as { id?: unknown } | null)?.id;
      this.send({
        id: typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null,
        error: {
          name: 'TooManyRequests',
          message: `This window or connection already has ${limit} requests waiting or running; wait for some to finish.`,
        },
      });
      return;
    }
    this.inFlight++;
    try {
      await serveRequest(this.handlers, message, (reply) => this.send(reply));
    } finally {
      this.inFlight--;
    }
  }

  /** Answers a message that could not even be read (a frame that does not decode). */
  refuse(id: number | null, name: string, message: string): void {
    this.send({ id, error: { name, message } });
  }

  private send(message: HostReply): void {
    if (this.closed) return;
    try {
      this.reply(message);
    } catch {
      // The window or socket went away mid-reply: nobody is left to answer.
    }
  }

  get pending(): number {
    return this.inFlight;
  }

  /** The window closed or the connection dropped: cancel its jobs, end its files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const controller of this.scope.controllers.values()) controller.abort();
    this.services.compute.cancelScope(this.scope.id);
    await this.scope.uploads.dispose();
    await this.scope.handles.dispose();
  }
}
