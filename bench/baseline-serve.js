// The floor any Node collector on this machine pays per request, and so the bar `cdp serve`'s latency
// is read against: node:http, the body read whole, JSON.parse, `receivedAt` set, the line appended
// to a file with one synchronous write, then {"success":true}. No checking, no routes, no limits, no
// terminal output. Listens on 127.0.0.1 only and says where on stderr, as `cdp serve` does.
//
//   node bench/baseline-serve.js <out.ndjson>
import { openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';

const fd = openSync(process.argv[2], 'a');
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    message.receivedAt = new Date().toISOString();
    writeSync(fd, `${JSON.stringify(message)}\n`);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end('{"success":true}');
  });
});
server.listen(0, '127.0.0.1', () => process.stderr.write(`baseline: listening on http://127.0.0.1:${server.address().port} \n`));
process.on('SIGTERM', () => process.exit(0));
