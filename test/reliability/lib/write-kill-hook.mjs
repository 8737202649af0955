// Loaded with `node --import` into a `leasehold` process: the first large file write writes half
// of its bytes and then the process SIGKILLs itself, the worst moment for a kill to land.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const THRESHOLD = 4096;
const original = fs.writeFileSync;
fs.writeFileSync = function writeHalfThenDie(file, data, options) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (bytes && bytes.length >= THRESHOLD) {
    original.call(fs, file, bytes.subarray(0, Math.floor(bytes.length / 2)), options);
    process.kill(process.pid, 'SIGKILL');
  }
  return original.call(fs, file, data, options);
};
syncBuiltinESMExports();
