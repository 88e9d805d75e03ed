#!/usr/bin/env node
// The `fieldtune` command. TypeScript runs through tsx's loader, so `npm ci` alone is enough: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
