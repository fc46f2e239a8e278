// The ceiling for one answer: a bare node:http server that sends the very bytes (status, headers,
// body) the Plein server answered a request with, recorded by the parent, to every request.
// What the Plein server reaches as a share of this is the cost of being a server rather than
// a recording. argv: <JSON file of { status, headers: [name, value][], body: base64 }>.
// Tells its parent the port over IPC and exits when the parent goes away.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const answer = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(answer.body, 'base64');
const headers = answer.headers.flat();
const server = createServer((_request, response) => {
  response.writeHead(answer.status, headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: server.address().port }));
process.on('disconnect', () => process.exit(0));
