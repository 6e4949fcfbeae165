import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** The integrity pact's error codes, each with a message a person can act on (id + en). */
export const pactErrors: ErrorCatalogue = {
  PACT_ROUND_NOT_FOUND: {
    status: 404,
    id: "Putaran pakta integritas '{id}' tidak ditemukan.",
    en: "Integrity pact round '{id}' was not found.",
  },
  PACT_ROUND_OPEN_EXISTS: {
    status: 409,
    id: "{unit} masih memiliki putaran pakta integritas yang terbuka ('{title}'). Tutup putaran itu lebih dahulu.",
    en: "{unit} still has an open integrity pact round ('{title}'). Close it first.",
  },
  PACT_ROUND_CLOSED: {
    status: 409,
    id: "Putaran pakta integritas ini sudah ditutup; penandatanganan dan pengingat tidak lagi dapat dilakukan.",
    en: "This integrity pact round is closed; it can no longer be signed or reminded.",
  },
  PACT_ROUND_ALREADY_CLOSED: {
    status: 409,
    id: "Putaran pakta integritas ini sudah ditutup.",
    en: "This integrity pact round is already closed.",
  },
  PACT_ROUND_NOT_STARTED: {
    status: 409,
    id: "Putaran pakta integritas ini baru dibuka pada {opensOn}.",
    en: "This integrity pact round opens on {opensOn}.",
  },
  PACT_NOT_UNIT_STAFF: {
    status: 403,
    id: "Anda bukan pegawai unit kerja putaran ini, sehingga tidak dapat menandatangani pakta integritasnya.",
    en: "You are not staff of this round's work unit, so you cannot sign its integrity pact.",
  },
  PACT_STATEMENT_REQUIRED: {
    status: 400,
    id: 'Centang pernyataan "Saya telah membaca dan menyetujui…" sebelum menandatangani.',
    en: 'Tick the statement "I have read and agree…" before signing.',
  },
  PACT_TEXT_MISMATCH: {
    status: 409,
    id: "Naskah yang Anda baca berbeda dengan naskah putaran ini (sidik {expected}…). Muat ulang halaman, baca naskahnya, lalu tanda tangani kembali.",
    en: "The text you read differs from this round's text (fingerprint {expected}…). Reload the page, read it, and sign again.",
  },
  PACT_SIGNATURE_NOT_FOUND: {
    status: 404,
    id: "Pegawai ini belum menandatangani pakta integritas putaran ini.",
    en: "This employee has not signed this round's integrity pact.",
  },
  PACT_TITLE_INVALID: {
    status: 400,
    id: "Judul putaran harus {min}–{max} karakter.",
    en: "The round's title must be {min}–{max} characters.",
  },
  PACT_TEXT_LENGTH: {
    status: 400,
    id: "Naskah pakta harus {min}–{max} karakter; tercatat {length}.",
    en: "The pact text must be {min}–{max} characters; got {length}.",
  },
  PACT_DATE_INVALID: {
    status: 400,
    id: "Tanggal '{field}' harus tanggal yang benar (TTTT-BB-HH).",
    en: "Date '{field}' must be a real date (YYYY-MM-DD).",
  },
  PACT_CLOSES_BEFORE_OPENS: {
    status: 400,
    id: "Tanggal penutupan ({closesOn}) tidak boleh sebelum tanggal pembukaan ({opensOn}).",
    en: "The closing date ({closesOn}) cannot be before the opening date ({opensOn}).",
  },
  PACT_CLOSES_IN_PAST: {
    status: 400,
    id: "Tanggal penutupan ({closesOn}) sudah lewat (hari ini {today}).",
    en: "The closing date ({closesOn}) has passed (today is {today}).",
  },
};
