import type { Database } from "./database";

/**
 * A read cache that is never stale: each entry remembers the database's change stamp from before it
 * was loaded and is used only while the stamp is unchanged, i.e. while no row anywhere has been
 * written since. It serves the reads every request makes (the session, the caller's units) from
 * memory on the embedded SQLite, where this process sees every write. On PostgreSQL there is no
 * stamp (other nodes write unseen), so every read goes to the database — a logout on one node still
 * takes effect on the next request to any node.
 *
 * Callers must read the stamp BEFORE loading: a write that lands between the two then leaves an
 * entry under a stamp that is already old, which is a miss, never a stale hit.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, V>();
  private entriesStamp: string | undefined;

  constructor(
    private readonly database: Pick<Database, "changeStamp">,
    private readonly max = 10_000,
  ) {}

  /** The current stamp, or undefined when this database cannot be cached. */
  stamp(): string | undefined {
    return this.database.changeStamp?.();
  }

  get(key: string, stamp: string): V | undefined {
    if (stamp !== this.entriesStamp) return undefined;
    return this.entries.get(key);
  }

  set(key: string, stamp: string, value: V): void {
    // A newer stamp makes every entry held so far unusable: drop them rather than let them pile up.
    if (stamp !== this.entriesStamp) {
      this.entries.clear();
      this.entriesStamp = stamp;
    }
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, value);
  }

  /** Load through the cache: `load` runs on a miss (or always, when the database has no stamp). */
  async through(key: string, load: () => Promise<V>): Promise<V> {
    const stamp = this.stamp();
    if (stamp === undefined) return load();
    const hit = this.get(key, stamp);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(key, stamp, value);
    return value;
  }
}
