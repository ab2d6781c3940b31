// The host's side of every transport: reads an untrusted message as a request, validates its
// arguments with the method's schema, runs the handler, and answers with progress, then one
// result or one error (serialized here, once). Nothing a message holds can make it throw.
import { readRequest, type HostReply } from './envelope';
import { serializeError } from './errors';
import { hostMethodArguments, type HostHandlers, type HostMethodName } from './host-methods';

type AnyHandler = (args: unknown[], call: { progress(event: unknown): void }) => unknown;

/** Answers one message; resolves once its result or error has been sent. */
export async function serveRequest(
  handlers: HostHandlers,
  message: unknown,
  reply: (message: HostReply) => void,
): Promise<void> {
  const reading = readRequest(message);
  if (!reading.ok) {
    reply({ id: reading.id, error: reading.error });
    return;
  }
  const { id, method, args } = reading.request;
  const parsed = hostMethodArguments[method].safeParse(args);
  if (!parsed.success) {
    reply({ id, error: argumentsError(method, parsed.error.issues[0]) });
    return;
  }
  let settled = false;
  try {
    const handler = handlers[method] as unknown as AnyHandler;
    const result = await handler(parsed.data as unknown[], {
      progress(event) {
        if (!settled) reply({ id, progress: event as never });
      },
    });
    settled = true;
    reply({ id, result: result ?? null });
  } catch (error) {
    settled = true;
    reply({ id, error: serializeError(error) });
  }
}

function argumentsError(
  method: HostMethodName,
  issue: { path: PropertyKey[]; message: string } | undefined,
) {
  const [position, ...rest] = issue?.path ?? [];
  const where =
    position === undefined
      ? ''
      : ` (argument ${Number(position) + 1}${rest.length ? `, at ${rest.map(String).join('.')}` : ''})`;
  return {
    name: 'InvalidRequest',
    message: `The arguments of ${method} are invalid${where}: ${issue?.message ?? 'unknown problem'}.`,
  };
}
