#!/usr/bin/env node
// Entry of the `leasehold` command. The CLI is TypeScript run by Node's type stripping, which
// needs Node >= 22.18; on an older OS Node, re-run with the Node 24 the project installs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const bundled = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bundled)) {
    console.error(`leasehold: Node ${process.versions.node} is too old (need 24); run \`npm install\` in the Leasehold folder, or install Node 24.`);
    process.exit(1);
  }
  const result = spawnSync(bundled, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
