// A helper thread for benchmarks run outside the app: serves one thread team (core/linalg/threads)
// until dismissed, then ends. The app's own helpers are compute-pool workers (thread-lending.ts).
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { serveTeam } from '../linalg/threads/team-helper';
import type { MemoryMessage } from '../linalg/threads/team-protocol';

const { control, port, part } = workerData as {
  control: SharedArrayBuffer;
  port: MessagePort;
  part: number;
};
serveTeam({
  control,
  part,
  receiveMemory: () => receiveMessageOnPort(port)?.message as MemoryMessage | undefined,
});
port.close();
