// Hosts that cannot offer a HostApi method (files in the in-page host, say) reject with a
// HostError named 'Unsupported' whose message tells the person where it does work.
import { HostError } from '../../../core/protocol/errors';
import type { HostApi } from '../../../core/protocol/host-api';
import { hostMethodNames } from '../../../core/protocol/host-methods';

export function unsupportedError(method: string, where: string): HostError {
  return new HostError({ name: 'Unsupported', message: `${method} is not available ${where}.` });
}

/** A HostApi whose every method rejects as unsupported; hosts override what they offer. */
export function unsupportedHost(where: string): HostApi {
  const host: Record<string, (...args: unknown[]) => Promise<never>> = {};
  for (const method of hostMethodNames) {
    host[method] = () => Promise.reject(unsupportedError(method, where));
  }
  return host as unknown as HostApi;
}
