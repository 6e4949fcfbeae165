import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** Fastify's own default, which it no longer applies once it is given a server factory. */
const KEEP_ALIVE_MS = 72_000;

/**
 * The HTTP server behind Fastify, answering the liveness probe itself: `GET /api/health` (exactly
 * that path) gets the route's status and body and a fresh request id without passing through
 * routing, hooks and serialisation. Load balancers ask every few seconds on every node; the answer
 * says only that this process's event loop is turning, which is all liveness means.
 *
 * It carries the headers that matter for a 15-byte JSON body that no browser renders — type,
 * length, `nosniff`, `no-store` — not the document headers (CSP, frame and opener policies) every
 * other answer carries: measured here, those ~750 bytes alone halve the throughput of a bare
 * node:http server (bench/README.md). Everything else, including `/api/health?…` and HEAD, goes to
 * Fastify with the full set; that route stays the documented one (and is what `inject` tests reach).
 */
export function livenessServerFactory() {
  const body = JSON.stringify({ status: "ok" });
  // A flat [name, value, …] array: Node writes it in order without walking object keys.
  const fixed = [
    "content-type",
    "application/json; charset=utf-8",
    "content-length",
    String(Buffer.byteLength(body)),
    "x-content-type-options",
    "nosniff",
    "cache-control",
    "no-store",
  ];
  return (handler: (req: IncomingMessage, res: ServerResponse) => void): Server => {
    const server = createServer((req, res) => {
      if (req.url === "/api/health" && req.method === "GET") {
        res.writeHead(200, [...fixed, "x-request-id", randomUUID()]);
        res.end(body);
        return;
      }
      handler(req, res);
    });
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    return server;
  };
}
