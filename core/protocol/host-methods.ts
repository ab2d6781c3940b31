// The names of HostApi's methods as data, so every transport (Electron IPC, the web host's
// socket) can carry any of them through one generic call and refuse anything else.
import type { HostApi } from './host-api';

export const hostMethodNames = [
  'info',
  'compute',
  'cancel',
  'pickPath',
  'openProject',
  'saveProject',
  'checkExternalChange',
  'recentProjects',
  'writeBackup',
  'clearBackup',
  'listBackups',
  'restoreBackup',
  'discardBackup',
  'importMatrix',
  'readMatrix',
  'keepMatrix',
  'analyzeWeights',
] as const satisfies readonly (keyof HostApi)[];

export type HostMethodName = (typeof hostMethodNames)[number];

// Every method of HostApi is listed above (compile-time check).
type Missing = Exclude<keyof HostApi, HostMethodName | 'onMenuCommand'>;
const _allListed: Missing extends never ? true : Missing = true;
void _allListed;

/** Methods that report progress and can be cancelled by their jobId. */
export const progressMethods: readonly HostMethodName[] = ['compute', 'analyzeWeights'];

export function isHostMethod(name: unknown): name is HostMethodName {
  return typeof name === 'string' && (hostMethodNames as readonly string[]).includes(name);
}
