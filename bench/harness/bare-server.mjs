// The bare answerer: a plain Node http server with a mysql2 pool, no framework. Per request it
// calls the chapter's handler, which runs the same SQL as the api and answers the same JSON.
// Started by the harness as a child process:
//   BENCH_DATABASE_URL, BENCH_HANDLER_MODULE (file URL), BENCH_HANDLER_EXPORT, BENCH_CONNECTIONS
// It prints {"port": n} on its first stdout line once it listens.
import http from 'node:http';
import { fromApi, loadApi } from './api-dist.mjs';

const mysql = fromApi('mysql2/promise');
// the pool the api's TypeORM data source opens (database/data-source-options.ts)
const pool = mysql.createPool({
  uri: process.env.BENCH_DATABASE_URL,
  connectionLimit: Number(process.env.BENCH_CONNECTIONS ?? 20),
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});

const chapter = await import(process.env.BENCH_HANDLER_MODULE);
const createHandler = chapter[process.env.BENCH_HANDLER_EXPORT];
if (typeof createHandler !== 'function') throw new Error(`${process.env.BENCH_HANDLER_MODULE} exports no function ${process.env.BENCH_HANDLER_EXPORT}`);
/** (url: URL) → the answer (JSON text, or a value to stringify as Express's res.json does) */
const handle = await createHandler({ pool, loadApi, fromApi });

const server = http.createServer((req, res) => {
  Promise.resolve()
    .then(() => handle(new URL(req.url, 'http://bench.local')))
    .then(
      (answer) => {
        const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      },
      (error) => {
        const body = JSON.stringify({ message: String(error?.stack ?? error) });
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      },
    );
});
// Node's default 5 s would drop idle keep-alive sockets between the harness's rounds
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));

const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
