// Handlers for what a host does not offer (the in-page host has no files): each rejects with a
// HostError named 'Unsupported' whose message tells the person where it does work.
import { HostError } from '../../../core/protocol/errors';
import { hostMethodNames, type HostHandlers } from '../../../core/protocol/host-methods';

export function unsupportedError(method: string, where: string): HostError {
  return new HostError({ name: 'Unsupported', message: `${method} is not available ${where}.` });
}

/** Handlers whose every method rejects as unsupported; a host overrides what it offers. */
export function unsupportedHandlers(where: string): HostHandlers {
  const handlers: Record<string, () => Promise<never>> = {};
  for (const method of hostMethodNames)
    handlers[method] = () => Promise.reject(unsupportedError(method, where));
  return handlers as unknown as HostHandlers;
}
