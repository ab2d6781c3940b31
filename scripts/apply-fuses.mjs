// `npm run fuses -- path/to/packaged/Rankscope[.exe|.app]`: sets Electron's fuses on a packaged
// binary (electron/build/fuses.ts says which and why), then prints them.
import { register } from 'tsx/esm/api';

register();
const { applyFuses, readFuses } = await import('../electron/build/fuses.ts');
const binary = process.argv[2];
if (!binary) {
  console.error('usage: npm run fuses -- path/to/packaged/Rankscope');
  process.exit(2);
}
await applyFuses(binary);
console.log(JSON.stringify(await readFuses(binary), null, 2));
