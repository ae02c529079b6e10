// Reads the api child's .cpuprofile (--cpu-prof) and sums it up: the functions with the most self
// time and the share of time spent in each node_modules package (native functions counted for the
// script that called them), counting only the samples taken inside the given windows (the timed
// api rounds; not start-up or warm-up).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where a script url belongs: a node_modules package, the api, a workspace lib, Node itself. */
export function ownerOf(url, functionName) {
  if (!url) return /^\(.*\)$/.test(functionName) ? functionName : '(native / V8 builtins)';
  const parts = url.split('/node_modules/');
  if (parts.length > 1) {
    const rest = parts[parts.length - 1].split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node: (Node.js internals)';
  if (/\/apps\/api\/dist[^/]*\//.test(url)) return 'the api (apps/api/dist)';
  if (url.includes('/libs/')) return 'workspace libs (libs/*)';
  return url;
}

function shortUrl(url) {
  return url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/apps\/api\/dist[^/]*\/apps\/api\/src\//, 'api/');
}

/** The newest .cpuprofile in `dir`. */
export function newestProfile(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return null;
  return files.map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * windows: [{ fromUs, toUs }] on CLOCK_MONOTONIC (process.hrtime), the clock V8 stamps samples
 * with on Linux. If the profile's clock does not line up with it (checked against the child's
 * spawn time), every sample counts and `windowed` is false.
 */
export function summariseProfile(file, { windows, spawnedAtUs, top = 25 }) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const name = functionName || '(anonymous)';
    return url ? `${name}  ${shortUrl(url)}:${lineNumber + 1}` : name;
  };

  // a native function (no script url: writeBuffer, writev, JSON.stringify…) counts for the script
  // that called it, past Node's own internals (a socket write belongs to whoever wrote: express, pino…)
  const callerOf = new Map();
  const scriptCaller = (id) => {
    if (callerOf.has(id)) return callerOf.get(id);
    const node = nodes.get(id);
    const { url } = node.callFrame;
    const found = url && !url.startsWith('node:') ? node : parent.has(id) ? scriptCaller(parent.get(id)) : null;
    callerOf.set(id, found);
    return found;
  };
  const selfKeyOf = (node) => {
    if (node.callFrame.url || /^\(.*\)$/.test(node.callFrame.functionName)) return keyOf(node);
    const caller = scriptCaller(node.id);
    return caller ? `${keyOf(node)}  (native, called from ${keyOf(caller).replace(/ {2}/, ' ')})` : keyOf(node);
  };
  const ownerOfNode = (node) => {
    if (node.callFrame.url || /^\(.*\)$/.test(node.callFrame.functionName)) return ownerOf(node.callFrame.url, node.callFrame.functionName);
    const caller = scriptCaller(node.id);
    return caller ? ownerOf(caller.callFrame.url, '') : ownerOf('', node.callFrame.functionName);
  };

  const windowed = Math.abs(profile.startTime - spawnedAtUs) < 30e6;
  const inWindow = (t) => !windowed || windows.some((w) => t >= w.fromUs && t <= w.toUs);

  const self = new Map();
  const inclusive = new Map();
  const byOwner = new Map();
  let busyUs = 0;
  let idleUs = 0;
  let t = profile.startTime;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    if (!inWindow(t)) continue;
    // a sample stands for the time until the next one
    const us = i + 1 < samples.length ? Math.max(0, timeDeltas[i + 1]) : 0;
    const node = nodes.get(samples[i]);
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const key = selfKeyOf(node);
    self.set(key, (self.get(key) ?? 0) + us);
    const owner = ownerOfNode(node);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(nodes.get(id));
      if (seen.has(k) || k === '(root)') continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return {
    file,
    windowed,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    topSelf: sorted(self).slice(0, top).map(([key, us]) => ({ key, ms: us / 1000, share: us / busyUs })),
    // frames of the api's own code by inclusive time: where its request path spends, callees included
    topApiInclusive: sorted(inclusive)
      .filter(([key]) => key.includes('  api/'))
      .slice(0, 15)
      .map(([key, us]) => ({ key, ms: us / 1000, share: us / busyUs })),
    byOwner: sorted(byOwner).map(([owner, us]) => ({ owner, ms: us / 1000, share: us / busyUs })),
  };
}
