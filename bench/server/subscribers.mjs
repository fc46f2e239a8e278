// SSE subscribers in a process of their own, so that reading thousands of streams neither shares
// the server's event loop nor the parent's. Driven over IPC by bench/server.mjs:
//   argv: <events URL> <count>   → { type: 'ready', open } once every stream sent its preamble
//   { type: 'arm' }              → { type: 'armed' }; the next bytes on each stream are the event
//                                  → { type: 'received', count, first, last } (hrtime ns, as strings;
//                                    CLOCK_MONOTONIC, shared by every process on the machine)
//   { type: 'close' }            → closes every stream and exits
import { request } from 'node:http';

const [url, countText] = process.argv.slice(2);
const COUNT = Number(countText);
const OPEN_CONCURRENCY = 100;
const ROUND_TIMEOUT_MS = 5_000;
const OPEN_TIMEOUT_MS = 30_000;

const streams = [];
let armed = false;
let arrivals = [];
let roundTimer = null;

function report() {
  clearTimeout(roundTimer);
  armed = false;
  const sorted = arrivals.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  process.send({ type: 'received', count: sorted.length, first: String(sorted[0] ?? 0n), last: String(sorted.at(-1) ?? 0n) });
}

function open() {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`subscribe: HTTP ${response.statusCode}`));
        response.resume();
        return;
      }
      const stream = { response, received: false, req };
      response.on('data', () => {
        if (!armed || stream.received) return;
        stream.received = true;
        arrivals.push(process.hrtime.bigint());
        if (arrivals.length === streams.length) report();
      });
      response.once('data', () => resolve(stream));
      response.on('error', () => undefined);
      streams.push(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

async function openAll() {
  let next = 0;
  const worker = async () => {
    while (next < COUNT) {
      next += 1;
      await open();
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, COUNT) }, worker));
}

function closeAll() {
  for (const { req } of streams) req.destroy();
  process.exit(0);
}

process.on('message', (message) => {
  if (message.type === 'arm') {
    arrivals = [];
    for (const stream of streams) stream.received = false;
    armed = true;
    roundTimer = setTimeout(report, ROUND_TIMEOUT_MS);
    process.send({ type: 'armed' });
  } else if (message.type === 'close') closeAll();
});
process.on('disconnect', closeAll);

const openTimer = setTimeout(() => {
  process.send({ type: 'error', message: `only ${streams.length} of ${COUNT} streams opened in ${OPEN_TIMEOUT_MS} ms` });
}, OPEN_TIMEOUT_MS);
openAll().then(
  () => {
    clearTimeout(openTimer);
    process.send({ type: 'ready', open: streams.length });
  },
  (error) => {
    clearTimeout(openTimer);
    process.send({ type: 'error', message: String(error?.message ?? error) });
  },
);
