// Prints the gzip size of the JS the login and home pages load first (the entry, its static imports
// and the lazy chunks of the login page, the layout and the home page) against the 500 KB target,
// and fails when it is over. Usage: node scripts/bundle-size.mjs [dist]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET = 500 * 1024;
/** the routes the target is about: what an officer loads from the login page to the home page */
const INITIAL_ROUTES = ['src/pages/LoginPage.tsx', 'src/layout/PortalLayout.tsx', 'src/pages/HomePage.tsx'];

export function initialChunks(manifest) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit('index.html');
  for (const route of INITIAL_ROUTES) {
    if (!manifest[route]) throw new Error(`no chunk for ${route}: is it still a lazy route?`);
    visit(route);
  }
  return [...files].filter((f) => f.endsWith('.js'));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const files = initialChunks(manifest);
const allJs = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
let total = 0;
console.log(`portal initial JS, login + home route (${dist}):`);
for (const file of files) {
  const gz = gzipSync(readFileSync(join(dist, file))).length;
  total += gz;
  console.log(`  ${file.padEnd(48)} ${kb(gz).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(48)} ${kb(total).padStart(10)} gzip   (target ≤ ${kb(TARGET)})`);
console.log(`  ${new Set(allJs).size - files.length} more chunks load with the other pages`);
if (total > TARGET) {
  console.error(`the login + home route loads ${kb(total)} gzip, over the ${kb(TARGET)} target`);
  process.exit(1);
}
