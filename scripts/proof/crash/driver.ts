/**
 * The crash proof's driver: a child process of its own (so the killer's timing is independent of
 * the load), talking to the killer over the IPC channel.
 *
 *   killer → driver  { type: "start", baseUrl, targets, kinds }  submit those kinds until "stop"
 *                    { type: "stop" }                   finish the requests in flight, then answer
 *   driver → killer  { type: "ack", kind, id }          a 2xx, sent as soon as it arrives
 *                    { type: "stopped", tally }         after the cycle's last ack (IPC keeps order)
 *
 * Concurrency (DRIVER_CONCURRENCY, default 4) loops pick a submitter at random and submit; a failed
 * connection (the server was killed) is neither an ack nor a refusal and ends nothing: the loop
 * pauses briefly and tries again until "stop".
 */

import { pick, rng } from "./rng";
import { type Outcome, SUBMITTERS, type Targets } from "./submitters";

type Message = { type: "start"; baseUrl: string; targets: Targets; kinds: string[] } | { type: "stop" };

export interface Tally {
  /** kind → status → count (status 0: no answer — connection refused or reset). */
  [kind: string]: Record<string, number>;
}

const send = (m: unknown) =>
  new Promise<void>((ok, fail) => process.send!(m, undefined, {}, (err) => (err ? fail(err) : ok())));

if (!process.send) throw new Error("driver.ts runs as a child process with an IPC channel");

const concurrency = Number(process.env.DRIVER_CONCURRENCY ?? 4);
const seed = Number(process.env.DRIVER_SEED ?? 1);
const runTag = process.env.DRIVER_TAG ?? "run";
const random = rng(seed);
const cache = new Map<string, unknown>();
let serial = 0;
let running: { stop: boolean; loops: Promise<void>[]; tally: Tally } | null = null;

function address(): string {
  const o = () => 1 + Math.floor(random() * 254);
  return `10.${o()}.${o()}.${o()}`;
}

async function loop(
  baseUrl: string,
  targets: Targets,
  submitters: typeof SUBMITTERS,
  state: NonNullable<typeof running>,
) {
  while (!state.stop) {
    const s = pick(random, submitters);
    const marker = `crash-proof ${runTag}-${++serial}`;
    let outcome: Outcome;
    try {
      outcome = await s.submit({ baseUrl, targets, marker, address: address(), random, cache });
    } catch {
      outcome = { status: 0, body: "" };
    }
    const status = "ack" in outcome ? "2xx" : String(outcome.status);
    const byKind = state.tally[s.kind] ?? {};
    byKind[status] = (byKind[status] ?? 0) + 1;
    state.tally[s.kind] = byKind;
    if ("ack" in outcome) await send({ type: "ack", kind: s.kind, id: outcome.ack });
    else if (outcome.status === 0) await new Promise((r) => setTimeout(r, 25));
    else if (byKind[status] === 1)
      // the first refusal of each kind and status, for the reader of the run (counted in the tally)
      process.stderr.write(`driver: ${s.kind} answered ${outcome.status}: ${outcome.body}\n`);
  }
}

process.on("message", (m: Message) => {
  if (m.type === "start") {
    if (running) throw new Error("driver: start while running");
    const state = { stop: false, loops: [] as Promise<void>[], tally: {} as Tally };
    running = state;
    const submitters = SUBMITTERS.filter((s) => m.kinds.includes(s.kind));
    for (let i = 0; i < concurrency; i++) state.loops.push(loop(m.baseUrl, m.targets, submitters, state));
  } else if (m.type === "stop") {
    const state = running;
    if (!state) {
      void send({ type: "stopped", tally: {} });
      return;
    }
    state.stop = true;
    void Promise.all(state.loops).then(async () => {
      running = null;
      await send({ type: "stopped", tally: state.tally });
    });
  }
});
process.on("disconnect", () => process.exit(0));
