/**
 * Errors. Domain code throws `DomainError(code, params)` and never knows HTTP; each module registers
 * a catalogue mapping its codes to a status and a message in Indonesian and English. One handler
 * (see error-handler.ts) turns any error into one envelope:
 *   { "error": { "code", "message", "params", "issues", "requestId" } }
 */
export type Lang = "id" | "en";

export interface ErrorSpec {
  status: number;
  id: string;
  en: string;
}

export type ErrorCatalogue = Record<string, ErrorSpec>;

export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, unknown> = {},
    public readonly issues: ErrorIssue[] = [],
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export interface ErrorIssue {
  path: string;
  message: string;
}

/** Throw a DomainError; typed `never` so it composes: `(await repo.get(id)) ?? fail("X_NOT_FOUND")`. */
export function fail(code: string, params: Record<string, unknown> = {}): never {
  throw new DomainError(code, params);
}

const catalogue = new Map<string, ErrorSpec>();

export function registerErrors(errors: ErrorCatalogue): void {
  for (const [code, spec] of Object.entries(errors)) {
    const existing = catalogue.get(code);
    if (existing && existing !== spec && JSON.stringify(existing) !== JSON.stringify(spec)) {
      throw new Error(`error code registered twice with different meaning: ${code}`);
    }
    catalogue.set(code, spec);
  }
}

export function errorSpec(code: string): ErrorSpec | undefined {
  return catalogue.get(code);
}

export function renderMessage(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** The kernel's own codes: those every route can produce. */
export const kernelErrors: ErrorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    id: "Data yang dikirim tidak valid. Periksa isian yang ditandai.",
    en: "The submitted data is not valid. Check the marked fields.",
  },
  MALFORMED_JSON: {
    status: 400,
    id: "Isi permintaan bukan JSON yang benar.",
    en: "The request body is not valid JSON.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    id: "Jenis isi permintaan tidak didukung: {contentType}.",
    en: "Unsupported request content type: {contentType}.",
  },
  BODY_TOO_LARGE: {
    status: 413,
    id: "Ukuran permintaan melebihi batas.",
    en: "The request is larger than allowed.",
  },
  UNAUTHENTICATED: {
    status: 401,
    id: "Silakan masuk terlebih dahulu.",
    en: "Please sign in first.",
  },
  SESSION_EXPIRED: {
    status: 401,
    id: "Sesi Anda telah berakhir. Silakan masuk kembali.",
    en: "Your session has expired. Please sign in again.",
  },
  FORBIDDEN: {
    status: 403,
    id: "Anda tidak memiliki hak akses untuk tindakan ini.",
    en: "You do not have permission for this action.",
  },
  OUT_OF_SCOPE: {
    status: 403,
    id: "Data ini berada di luar unit kerja yang menjadi kewenangan Anda.",
    en: "This data belongs to a work unit outside your scope.",
  },
  CSRF_FAILED: {
    status: 403,
    id: "Permintaan ditolak karena token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.",
    en: "Request refused: the security (CSRF) token does not match. Reload the page and try again.",
  },
  NOT_FOUND: {
    status: 404,
    id: "Data atau alamat yang diminta tidak ditemukan.",
    en: "The requested item or address was not found.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    id: "Metode ini tidak diizinkan.",
    en: "This method is not allowed.",
  },
  CONFLICT: {
    status: 409,
    id: "Data telah diubah oleh orang lain. Muat ulang lalu coba lagi.",
    en: "The data was changed by someone else. Reload and try again.",
  },
  RATE_LIMITED: {
    status: 429,
    id: "Terlalu banyak permintaan. Coba lagi dalam {retryAfter} detik.",
    en: "Too many requests. Try again in {retryAfter} seconds.",
  },
  INTERNAL: {
    status: 500,
    id: "Terjadi kesalahan pada sistem. Kesalahan telah dicatat; silakan coba lagi.",
    en: "Something went wrong on our side. It has been logged; please try again.",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    id: "Layanan belum siap.",
    en: "The service is not ready.",
  },
};

registerErrors(kernelErrors);
