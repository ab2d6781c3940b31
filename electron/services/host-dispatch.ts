// Dispatches a HostApi call arriving over any transport to the services: the method name is
// checked against the contract's list, the arguments validated by the service that takes them.
import { HostError } from '../../core/protocol/errors';
import { pickPathRequestSchema, type PickPathRequest } from '../../core/protocol/files';
import { isHostMethod } from '../../core/protocol/host-methods';
import type { ProgressEvent } from '../../core/protocol/host-api';
import type { ComputeService } from './compute-service';
import type { DocumentService } from './document-service';

/** Native dialogs, where the host has them (Electron). */
export type PathPicker = (request: PickPathRequest) => Promise<string[] | null>;

export interface HostCall {
  method: unknown;
  args: unknown;
  jobId?: string;
}

export class HostMethods {
  private readonly controllers = new Map<string, AbortController>();

  constructor(
    private readonly compute: ComputeService,
    private readonly documents: DocumentService,
    private readonly pickPath: PathPicker | null,
  ) {}

  async call(
    { method, args, jobId }: HostCall,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<unknown> {
    if (!isHostMethod(method))
      throw new HostError({
        name: 'InvalidRequest',
        message: `There is no host method named "${String(method)}".`,
      });
    if (!Array.isArray(args) || args.length > 4)
      throw new HostError({
        name: 'InvalidRequest',
        message: `The arguments of ${method} must be a short list.`,
      });
    const [first, second] = args as unknown[];
    switch (method) {
      case 'info':
        return this.compute.info();
      case 'compute':
        return this.compute.compute({ job: first, request: second, jobId }, onProgress);
      case 'cancel':
        this.compute.cancel({ jobId: first });
        if (typeof first === 'string') this.controllers.get(first)?.abort();
        return null;
      case 'pickPath': {
        if (!this.pickPath)
          throw new HostError({
            name: 'Unsupported',
            message: 'This host has no file dialogs; type a path instead.',
          });
        const parsed = pickPathRequestSchema.safeParse(first);
        if (!parsed.success)
          throw new HostError({
            name: 'InvalidRequest',
            message: 'The dialog request is invalid.',
          });
        return this.pickPath(parsed.data);
      }
      case 'openProject':
        return this.documents.openProject(first);
      case 'saveProject':
        return this.documents.saveProject(first);
      case 'checkExternalChange':
        return this.documents.checkExternalChange(first);
      case 'recentProjects':
        return this.documents.recentProjects();
      case 'writeBackup':
        this.documents.writeBackup(first);
        return null;
      case 'clearBackup':
        return this.documents.clearBackup(first);
      case 'listBackups':
        return this.documents.listBackups();
      case 'restoreBackup':
        return this.documents.restoreBackup(first);
      case 'discardBackup':
        return this.documents.discardBackup(first);
      case 'importMatrix':
        return this.documents.importMatrix(first);
      case 'readMatrix':
        return this.documents.readMatrix(first);
      case 'keepMatrix':
        return this.documents.keepMatrix(first);
      case 'analyzeWeights': {
        const controller = new AbortController();
        const id = jobId ?? `weights-${Date.now()}`;
        this.controllers.set(id, controller);
        try {
          return await this.documents.analyzeWeights(first, onProgress, controller.signal);
        } finally {
          this.controllers.delete(id);
        }
      }
    }
  }
}
