// Starts a benchmark helper thread from source: registers tsx's loader in this thread (workers do
// not inherit it), then runs team-helper.ts.
import { register } from 'tsx/esm/api';

register();
await import('./team-helper.ts');
