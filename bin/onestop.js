#!/usr/bin/env node
// The `onestop` command. The sources are TypeScript run through tsx's loader, so a checkout
// works with no build step (`npx onestop <command>`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
