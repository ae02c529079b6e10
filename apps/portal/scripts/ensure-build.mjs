// Builds the portal once when its output is missing (root `npm start`, `npm run test:browser`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const index = new URL('../dist/index.html', import.meta.url);

if (existsSync(index)) {
  console.log(`portal build present: ${fileURLToPath(index)}`);
} else {
  console.log('No portal build yet: building it (served by the api at /portal/) …');
  const result = spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
