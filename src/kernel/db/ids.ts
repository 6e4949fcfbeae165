import { uuidv7 } from "uuidv7";

/** App-made ids: UUIDv7 text — time-ordered (index-friendly) and identical on both dialects. */
export function newId(): string {
  return uuidv7();
}
