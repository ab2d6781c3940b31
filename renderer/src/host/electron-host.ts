// The Electron host: the preload's window.rankscope bridge, method for method. Errors crossing
// the context bridge may lose their name or gain Electron's "Error invoking remote method" prefix,
// so they are turned back into HostError here to keep isCancelled() and error names working.
import { HostError } from '../../../core/protocol/errors';
import type { HostApi } from '../../../core/protocol/host-api';
import { hostMethodNames } from '../../../core/protocol/host-methods';
import { unsupportedError } from './unsupported';

const remotePrefix = /^Error invoking remote method '[^']*': (?:Error: )?/;

export function reviveIpcError(error: unknown): unknown {
  if (error instanceof HostError || !(error instanceof Error)) return error;
  const message = error.message.replace(remotePrefix, '');
  const named = /^([A-Z][A-Za-z]*Error): (.*)$/s.exec(message);
  if (named) return new HostError({ name: named[1], message: named[2] });
  return new HostError({ name: error.name, message });
}

type Method = (...args: unknown[]) => Promise<unknown>;

export function createElectronHost(bridge: HostApi): HostApi {
  const source = bridge as unknown as Record<string, Method | undefined>;
  const host: Record<string, Method> = {};
  for (const method of hostMethodNames) {
    host[method] = (...args) => {
      const target = source[method];
      // An older preload may lack a newer method: say so rather than throw a TypeError.
      if (typeof target !== 'function') {
        return Promise.reject(unsupportedError(method, 'in this version of the app'));
      }
      return target(...args).catch((error: unknown) => {
        throw reviveIpcError(error);
      });
    };
  }
  return host as unknown as HostApi;
}
