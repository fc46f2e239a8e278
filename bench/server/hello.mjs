// The baseline: the smallest useful node:http server, in its own process like the Plein server.
// Tells its parent the port over IPC and exits when the parent goes away.
import { createServer } from 'node:http';

const body = Buffer.from('hello world');
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: server.address().port }));
process.on('disconnect', () => process.exit(0));
