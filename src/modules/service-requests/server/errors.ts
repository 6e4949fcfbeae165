import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** Error codes of the service-requests module, with Indonesian and English messages. */
export const serviceRequestErrors: ErrorCatalogue = {
  SR_UNIT_NOT_FOUND: {
    status: 404,
    id: "Unit kerja {code} tidak ditemukan.",
    en: "Work unit {code} not found.",
  },
  SR_SERVICE_NOT_FOUND: {
    status: 404,
    id: "Layanan {code} tidak ditemukan atau tidak aktif.",
    en: "Service {code} not found or not active.",
  },
  SR_SERVICE_CODE_TAKEN: {
    status: 409,
    id: "Kode layanan {code} sudah dipakai di unit ini.",
    en: "Service code {code} is already used at this unit.",
  },
  SR_SERVICE_INVALID: {
    status: 422,
    id: "Definisi layanan tidak valid: {reason}.",
    en: "Invalid service definition: {reason}.",
  },
  SR_SERVICE_IN_USE: {
    status: 409,
    id: "Layanan sudah memiliki {count} permohonan; nonaktifkan saja, jangan dihapus.",
    en: "The service has {count} requests; deactivate it instead of deleting it.",
  },
  SR_STARTER_UNKNOWN: {
    status: 400,
    id: "Entri awal {key} tidak dikenal.",
    en: "Unknown starting entry {key}.",
  },
  SR_VERSION_CONFLICT: {
    status: 409,
    id: "Data sudah diubah orang lain (versi {current}); muat ulang lalu coba lagi.",
    en: "Someone else changed it (version {current}); reload and try again.",
  },
  SR_FIELD_REQUIRED: { status: 422, id: "Isian {field} wajib diisi.", en: "The field {field} is required." },
  SR_FIELD_INVALID: {
    status: 422,
    id: "Isian {field} tidak valid ({reason}).",
    en: "The field {field} is invalid ({reason}).",
  },
  SR_FIELD_UNKNOWN: {
    status: 422,
    id: "Isian {field} tidak ada pada layanan ini.",
    en: "The field {field} does not belong to this service.",
  },
  SR_DOCUMENT_REQUIRED: {
    status: 422,
    id: "Dokumen persyaratan {requirement} wajib diunggah.",
    en: "The required document {requirement} must be uploaded.",
  },
  SR_DOCUMENT_TYPE: {
    status: 415,
    id: "Dokumen {requirement} harus berjenis {allowed}.",
    en: "The document {requirement} must be of type {allowed}.",
  },
  SR_DOCUMENT_UNKNOWN: {
    status: 422,
    id: "Persyaratan {requirement} tidak ada pada layanan ini.",
    en: "The requirement {requirement} does not belong to this service.",
  },
  SR_DOCUMENT_ONE_ONLY: {
    status: 422,
    id: "Persyaratan {requirement} hanya menerima satu berkas.",
    en: "The requirement {requirement} takes a single file.",
  },
  SR_UPLOAD_INVALID: {
    status: 422,
    id: "Unggahan {uploadId} tidak dikenal, sudah dipakai, atau bukan untuk unit ini; unggah ulang.",
    en: "Upload {uploadId} is unknown, already used or for another unit; upload it again.",
  },
  SR_UPLOAD_MISSING: {
    status: 400,
    id: "Bagian '{part}' tidak ada pada unggahan.",
    en: "The part '{part}' is missing from the upload.",
  },
  SR_PAYMENT_REQUIRED: {
    status: 409,
    id: "Pelunasan lelang {auctionRef} belum tercatat. Kutipan risalah lelang/kuitansi hanya diberikan setelah pelunasan; hubungi bendahara penerimaan bila Anda sudah membayar.",
    en: "Full payment for auction {auctionRef} is not recorded. The extract/receipt is released only after full payment; contact the receiving treasurer if you have paid.",
  },
  SR_BPHTB_PROOF_REQUIRED: {
    status: 422,
    id: "Objek lelang {auctionRef} berupa tanah dan/atau bangunan: lampirkan Surat Setoran BPHTB (aslinya diperlihatkan saat pengambilan).",
    en: "The object of auction {auctionRef} is land and/or buildings: attach the BPHTB payment slip (show the original on collection).",
  },
  SR_NOT_FOUND: { status: 404, id: "Permohonan tidak ditemukan.", en: "Request not found." },
  SR_TRACK_NOT_FOUND: {
    status: 404,
    id: "Nomor permohonan atau kode rahasia tidak cocok.",
    en: "Request number or secret does not match.",
  },
  SR_TRANSITION_INVALID: {
    status: 409,
    id: "Langkah '{command}' tidak dapat dilakukan pada permohonan berstatus '{state}'.",
    en: "The step '{command}' is not possible for a request in state '{state}'.",
  },
  SR_ASSIGNEE_INVALID: {
    status: 422,
    id: "Pengguna {id} tidak dapat menangani permohonan di unit ini.",
    en: "User {id} cannot handle requests at this unit.",
  },
  SR_REQUESTED_KEYS_INVALID: {
    status: 422,
    id: "Persyaratan {key} tidak ada pada layanan ini.",
    en: "The requirement {key} does not belong to this service.",
  },
  SR_RATING_NOT_ALLOWED: {
    status: 409,
    id: "Penilaian hanya dapat diberikan sekali setelah permohonan selesai.",
    en: "A rating can be given once, after the request is completed.",
  },
  SR_FILE_NOT_FOUND: {
    status: 404,
    id: "Berkas tidak ditemukan pada permohonan ini.",
    en: "File not found on this request.",
  },
  SR_DOCUMENT_NOT_FOUND: {
    status: 404,
    id: "Dokumen {code} tidak ditemukan: dokumen ini tidak diterbitkan oleh Zona.",
    en: "Document {code} not found: it was not issued through Zona.",
  },
  SR_OTP_INVALID: {
    status: 400,
    id: "Kode sekali pakai salah atau kedaluwarsa; minta kode baru.",
    en: "The one-time code is wrong or expired; ask for a new one.",
  },
  SR_OTP_TOO_MANY: {
    status: 429,
    id: "Terlalu banyak permintaan kode untuk alamat ini; coba lagi dalam {minutes} menit.",
    en: "Too many code requests for this address; try again in {minutes} minutes.",
  },
  SR_REQUESTER_UNAUTHENTICATED: {
    status: 401,
    id: "Masuk dulu dengan kode sekali pakai yang dikirim ke e-mail atau WhatsApp Anda.",
    en: "Sign in first with the one-time code sent to your e-mail or WhatsApp.",
  },
  SR_PHONE_INVALID: {
    status: 422,
    id: "Nomor HP ({field}) harus nomor seluler Indonesia, mis. 0812 3456 7890 atau +62 812 3456 7890.",
    en: "The phone number ({field}) must be an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890.",
  },
  SR_PAYMENT_NOT_FOUND: {
    status: 404,
    id: "Catatan pembayaran {id} tidak ditemukan.",
    en: "Payment record {id} not found.",
  },
  SR_PERIOD_INVALID: {
    status: 400,
    id: "Periode tidak valid: {from} sampai {to}.",
    en: "Invalid period: {from} to {to}.",
  },
};
