// Latency statistics and the closed-loop load every path is measured with.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latencySummary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean: sorted.length ? sum / sorted.length : NaN };
}

/**
 * `clients` loops, each calling `once(n)` back to back until `seconds` have passed (a closed loop:
 * a client sends its next request when its previous answer is in). Returns every latency (ms),
 * the shape index each request had, and the elapsed wall time.
 */
export async function closedLoop({ clients, seconds, once, shapeOf, maxRequests = 1_000_000 }) {
  const latencies = [];
  const shapes = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && latencies.length < maxRequests) {
        const n = next++;
        const t0 = performance.now();
        await once(n);
        latencies.push(performance.now() - t0);
        shapes.push(shapeOf(n));
      }
    }),
  );
  return { latencies, shapes, elapsedSeconds: (performance.now() - started) / 1000 };
}

/**
 * One HTTP request on a keep-alive agent; resolves with the body text, rejects on status ≥ 400.
 * A request sent on a kept-alive socket that the server closed meanwhile is sent once more on a new
 * one (Node's documented race: `req.reusedSocket` and ECONNRESET); any other failure rejects.
 */
export function httpRequest(agent, port, method, path, options = {}) {
  return sendOnce(agent, port, method, path, options).catch((error) => {
    if (error.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up')) return sendOnce(agent, port, method, path, options);
    throw error;
  });
}

function sendOnce(agent, port, method, path, { token, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const req = http.request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode >= 400) reject(new Error(`${method} ${path} → ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(text);
      });
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
