/** The request workflow (pure): which command may run from which state, and where it leads. */
import { SR_TRANSITIONS, type SrActorCommand, type SrState } from "./model";

export type TransitionCheck =
  | { ok: true; to: SrState }
  | { ok: false; code: "SR_TRANSITION_INVALID"; params: { command: string; state: SrState } };

/** The state after `command` from `state`, or why not (→ 409 with a clear message). */
export function nextState(state: SrState, command: SrActorCommand): TransitionCheck {
  const t = SR_TRANSITIONS[command];
  if (!t.from.includes(state))
    return { ok: false, code: "SR_TRANSITION_INVALID", params: { command, state } };
  return { ok: true, to: t.to ?? state };
}

/** Staff actions that count as the first response to the requester. */
export const FIRST_RESPONSE_COMMANDS: readonly SrActorCommand[] = [
  "accept",
  "request_documents",
  "reject",
  "complete",
];
