// The baseline for `npm run bench`: the least a Node HTTP server can do for one JSON answer.
// Runs as its own process (like Zona) so neither server shares an event loop with autocannon.
// Prints "listening <port>" once it accepts connections.
import { createServer } from "node:http";

const body = JSON.stringify({ status: "ok" });
const server = createServer((_req, res) => {
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`listening ${typeof addr === "object" && addr ? addr.port : 0}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
