// Lets a worker thread run a TypeScript entry straight from source (tests, `npm run rankscope`):
// registers tsx's loader inside the thread, then imports workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
