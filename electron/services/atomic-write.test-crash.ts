// Child process for atomic-write.test.ts: starts an atomic write and is killed (SIGKILL, no
// cleanup of any kind) after the temporary file is written and before the rename.
import { writeFileAtomic } from './atomic-write';

const target = process.argv[2];
await writeFileAtomic(target, 'new contents never renamed', {
  beforeRename: () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
