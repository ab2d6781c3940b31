// A compute worker's part in thread teams: as a lent helper it serves the team until dismissed
// (blocking its own message loop, which the pool leaves alone meanwhile); as the job's worker it
// leads the team it was given for the length of one job.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { MemoryMessage } from '../../core/linalg/threads/team-protocol';
import { serveTeam, type HelperOptions } from '../../core/linalg/threads/team-helper';
import {
  AtomicsThreadTeam,
  setActiveTeam,
  type ThreadTeam,
} from '../../core/linalg/threads/thread-team';
import type { AssistMessage, TeamMessage } from '../services/thread-lending';

/**
 * A collector for this thread's heap: an idle helper otherwise keeps the job's (shared, often
 * hundreds of MB) memories alive until something else makes it collect.
 */
const collect = ((): (() => void) | undefined => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/** Serves as helper `message.part` until dismissed; `runPart` lets tests inject a fault. */
export function assist(message: AssistMessage, runPart?: HelperOptions['runPart']): void {
  const port = message.port;
  try {
    const attached = serveTeam({
      control: message.control,
      part: message.part,
      receiveMemory: () => receiveMessageOnPort(port)?.message as MemoryMessage | undefined,
      runPart,
    });
    if (attached > 0) collect?.();
  } finally {
    port.close();
  }
}

/** Runs `work` with the team from `message` active, and always gives the helpers back. */
export async function leadTeam<T>(
  message: TeamMessage | undefined,
  work: () => T | Promise<T>,
): Promise<T> {
  if (!message) return work();
  const ports: MessagePort[] = message.ports;
  const team: ThreadTeam = new AtomicsThreadTeam(
    message.control,
    ports.map((port) => ({ postMemory: (memory: MemoryMessage) => port.postMessage(memory) })),
  );
  setActiveTeam(team);
  try {
    return await work();
  } finally {
    setActiveTeam(undefined);
    team.dismiss();
    for (const port of ports) port.close();
  }
}
