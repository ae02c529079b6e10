// Prints the weapp build's package sizes against WeChat's limits (2 MB main package and each
// subpackage, 20 MB in all) and fails when one is over. Usage: node scripts/package-sizes.mjs [dist/weapp]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const MB = 1024 * 1024;
const LIMITS = { package: 2 * MB, total: 20 * MB };

export function packageSizes(root) {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sizes = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) };
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else {
        const rel = relative(root, path).split(sep).join('/');
        const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
        sizes[owner] += stat.size;
      }
    }
  };
  walk(root);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  return { sizes, total };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const root = resolve(process.argv[2] ?? new URL('../dist/weapp', import.meta.url).pathname);
const { sizes, total } = packageSizes(root);
const over = [];
console.log(`weapp package sizes (${root}):`);
for (const [name, size] of Object.entries(sizes)) {
  const label = name === 'main' ? 'main package' : `subpackage ${name}`;
  console.log(`  ${label.padEnd(34)} ${kb(size).padStart(10)}   (limit 2048 KB)`);
  if (size > LIMITS.package) over.push(label);
}
console.log(`  ${'total'.padEnd(34)} ${kb(total).padStart(10)}   (limit 20480 KB)`);
if (total > LIMITS.total) over.push('total');
if (over.length) {
  console.error(`over WeChat's limit: ${over.join(', ')}`);
  process.exit(1);
}
