// Builds the H5 app once when its output is missing (root `npm start`, `npm run test:browser`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const index = new URL('../dist/h5/index.html', import.meta.url);

if (existsSync(index)) {
  console.log(`H5 build present: ${fileURLToPath(index)}`);
} else {
  console.log('No H5 build yet: building the mini-program for H5 (served by the api at /m/) …');
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: appDir, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
