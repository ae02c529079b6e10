// A streamed download from the api child, measured: time to the first and to the last byte, the
// bytes, and the answering process's resident memory sampled from /proc/<pid>/status while the
// body streams (what an export holds in memory). Used by chapters that export large sheets.
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { rssMb } from './proc.mjs';

/**
 * GET `path` on 127.0.0.1:`port` with a bearer `token`, its body written to `toFile` (or counted
 * and dropped), while the RSS of process `pid` is read every `sampleMs`. Rejects on a status ≥ 400.
 * Returns { status, headers, bytes, firstByteMs, seconds, rss: { before, peak, after, growth, samples } }
 * (MB; growth = peak − before).
 */
export function streamedDownload({ port, path, token, pid, toFile, sampleMs = 100 }) {
  return new Promise((resolve, reject) => {
    const before = rssMb(pid);
    const samples = [before];
    const timer = setInterval(() => samples.push(rssMb(pid)), sampleMs);
    const started = performance.now();
    let firstByteMs = NaN;
    let bytes = 0;
    const fail = (error) => {
      clearInterval(timer);
      reject(error);
    };
    const req = http.get({ host: '127.0.0.1', port, path, headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
      if (res.statusCode >= 400) {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => fail(new Error(`GET ${path} → ${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`)));
        return;
      }
      const out = toFile ? createWriteStream(toFile) : null;
      res.on('data', (chunk) => {
        if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        if (out && !out.write(chunk)) {
          res.pause();
          out.once('drain', () => res.resume());
        }
      });
      res.on('error', fail);
      // an export failing half-way ends the body early: the download breaks off, never a short file taken as whole
      res.on('close', () => {
        if (!res.complete) fail(new Error(`GET ${path}: the download broke off after ${bytes} bytes`));
      });
      res.on('end', () => {
        const seconds = (performance.now() - started) / 1000;
        clearInterval(timer);
        const after = rssMb(pid);
        samples.push(after);
        const peak = Math.max(...samples.filter(Number.isFinite));
        const done = () => resolve({ status: res.statusCode, headers: res.headers, bytes, firstByteMs, seconds, rss: { before, peak, after, growth: peak - before, samples } });
        if (out) out.end(done);
        else done();
      });
    });
    req.on('error', fail);
  });
}
