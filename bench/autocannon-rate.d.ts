// The parts of autocannon's options the proof loads use beyond bench/autocannon.d.ts: a fixed
// overall request rate, and a per-request hook (each request gets its own X-Forwarded-For).
declare module "autocannon" {
  interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: RequestSpec, context: Record<string, unknown>) => RequestSpec;
  }
  interface Options {
    /** Requests per second over all connections. */
    overallRate?: number;
    requests?: RequestSpec[];
  }
}
