#!/usr/bin/env node
// The `rankscope` command: runs the TypeScript CLI straight from source through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv);
