import { codec } from "../db/codecs";
import type { Executor } from "../db/transaction";

/** One uploaded piece of evidence, as the rest of the code sees it. */
export interface StoredFile {
  id: string;
  /** The unit that owns the evidence; access follows its place in the tree. */
  unitId: string;
  sha256: string;
  sizeBytes: number;
  /** Sniffed from the bytes, never taken from the client. */
  mime: string;
  /** Canonical extension of the sniffed type (`jpg` for JPEG). */
  extension: string;
  /** The sanitised name the uploader gave, used for downloads. */
  originalName: string;
  uploadedBy: string | null;
  createdAt: string;
}

export function decodeFile(r: Record<string, unknown>): StoredFile {
  return {
    id: codec.text(r.id),
    unitId: codec.text(r.unit_id),
    sha256: codec.text(r.sha256),
    sizeBytes: codec.int(r.size_bytes),
    mime: codec.text(r.mime),
    extension: codec.text(r.extension),
    originalName: codec.text(r.original_name),
    uploadedBy: codec.textOrNull(r.uploaded_by),
    createdAt: codec.instant(r.created_at),
  };
}

export const filesRepo = {
  async get(db: Executor, id: string): Promise<StoredFile | undefined> {
    const r = await db.selectFrom("files").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? decodeFile(r) : undefined;
  },
  async insert(db: Executor, f: StoredFile): Promise<void> {
    await db
      .insertInto("files")
      .values({
        id: f.id,
        unit_id: f.unitId,
        sha256: f.sha256,
        size_bytes: f.sizeBytes,
        mime: f.mime,
        extension: f.extension,
        original_name: f.originalName,
        uploaded_by: f.uploadedBy,
        created_at: f.createdAt,
      })
      .execute();
  },
  /** How many rows reference these bytes (a blob may be deleted only when none do). */
  async countBySha256(db: Executor, sha256: string): Promise<number> {
    const r = await db
      .selectFrom("files")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("sha256", "=", sha256)
      .executeTakeFirstOrThrow();
    return codec.int(r.n);
  },
};
