import type { ServerModule } from "../module";
import { filesErrors } from "./errors";
import { FILES_PERMISSIONS } from "./file.service";
import { filesRoutes } from "./files.routes";
import { filesMigrations } from "./migrations";

export {
  assertKey,
  contentKey,
  type FileDriver,
  FileMissingError,
  hashOfContentKey,
  type PutInfo,
} from "./driver";
export { filesErrors } from "./errors";
export {
  createDriver,
  type Download,
  FILES_PERMISSIONS,
  FileService,
  type FileServiceOptions,
  type FilesConfig,
  limitMb,
  type UploadInput,
} from "./file.service";
export { decodeFile, filesRepo, type StoredFile } from "./files.repo";
export { downloadHeaders, type FileMeta, fileMetaSchema, filesRoutes, toFileMeta } from "./files.routes";
export { LocalDriver } from "./local-driver";
export { filesMigrations } from "./migrations";
export { asciiFallback, contentDisposition, extensionOf, rfc5987, sanitizeFilename } from "./names";
export { S3Driver, type S3DriverOptions } from "./s3-driver";
export { signV4 } from "./sigv4";
export {
  ALLOWED_LABELS,
  ALLOWED_TYPES,
  type AllowedType,
  allowedTypeOf,
  checkType,
  type Sniffed,
  sniffBuffer,
  sniffFile,
} from "./sniff";

/** The evidence store as a kernel part: table, permissions, error codes and routes. */
export const filesModule: ServerModule = {
  name: "files",
  migrations: filesMigrations,
  permissions: [
    { key: FILES_PERMISSIONS.upload, id: "Unggah data dukung", en: "Upload evidence" },
    { key: FILES_PERMISSIONS.read, id: "Lihat dan unduh data dukung", en: "View and download evidence" },
  ],
  errors: filesErrors,
  routes: filesRoutes,
};
