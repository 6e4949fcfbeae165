import type { ErrorCatalogue } from "../../../kernel/http/errors";

export const complaintErrors: ErrorCatalogue = {
  CMP_NOT_FOUND: {
    status: 404,
    id: "Pengaduan '{id}' tidak ditemukan.",
    en: "Complaint '{id}' was not found.",
  },
  CMP_UNIT_NOT_FOUND: {
    status: 404,
    id: "Unit dengan kode '{code}' tidak ditemukan.",
    en: "No unit has the code '{code}'.",
  },
  CMP_TRACK_NOT_FOUND: {
    status: 404,
    id: "Kode pelacakan atau kode rahasia tidak cocok. Periksa kembali keduanya.",
    en: "The tracking code or the secret does not match. Check both.",
  },
  CMP_TRANSITION_REFUSED: {
    status: 409,
    id: "Langkah '{command}' tidak dapat dilakukan pada status '{status}'; hanya dari: {allowedFrom}.",
    en: "Step '{command}' cannot run at status '{status}'; only from: {allowedFrom}.",
  },
  CMP_VERSION_CONFLICT: {
    status: 409,
    id: "Pengaduan ini telah diubah orang lain; muat ulang lalu ulangi.",
    en: "This complaint was changed by someone else; reload and try again.",
  },
  CMP_ASSIGNEE_INVALID: {
    status: 400,
    id: "Pegawai '{id}' bukan petugas penanganan pengaduan di unit ini.",
    en: "User '{id}' is not a complaint handler at this unit.",
  },
  CMP_REPLY_CLOSED: {
    status: 409,
    id: "Pengaduan berstatus '{status}' tidak menerima tambahan keterangan lagi.",
    en: "A complaint with status '{status}' no longer takes more information.",
  },
  CMP_RATING_NOT_OPEN: {
    status: 409,
    id: "Penilaian hanya dapat diberikan setelah pengaduan dijawab.",
    en: "A rating can be given only after the complaint is answered.",
  },
  CMP_RATING_EXISTS: {
    status: 409,
    id: "Penilaian untuk pengaduan ini sudah diberikan.",
    en: "This complaint has already been rated.",
  },
  CMP_ATTACHMENT_TOO_LARGE: {
    status: 413,
    id: "Lampiran terlalu besar; paling besar {limitMb} MB per berkas.",
    en: "The attachment is too large; at most {limitMb} MB per file.",
  },
  CMP_ATTACHMENT_LIMIT: {
    status: 409,
    id: "Pengaduan ini sudah memiliki {max} lampiran (batas).",
    en: "This complaint already has {max} attachments (the limit).",
  },
  CMP_ATTACHMENT_MISSING: {
    status: 400,
    id: "Kirim bagian '{part}' (kode, kode rahasia, lalu berkas).",
    en: "Send the '{part}' part (code, secret, then the file).",
  },
  CMP_FILE_OTHER_UNIT: {
    status: 400,
    id: "Berkas '{id}' milik unit lain.",
    en: "File '{id}' belongs to another unit.",
  },
  CMP_RULE_SET_UNKNOWN: {
    status: 400,
    id: "Ketentuan waktu '{id}' tidak dikenal.",
    en: "Rule set '{id}' is unknown.",
  },
  CMP_RULE_RANGE: {
    status: 400,
    id: "Angka '{key}' harus bilangan bulat antara {min} dan {max} hari kerja.",
    en: "'{key}' must be a whole number from {min} to {max} working days.",
  },
  CMP_RULE_AT_LEAST: {
    status: 400,
    id: "Angka '{key}' tidak boleh kurang dari '{other}' ({limit} hari kerja).",
    en: "'{key}' may not be less than '{other}' ({limit} working days).",
  },
  CMP_RULE_AT_MOST: {
    status: 400,
    id: "Angka '{key}' tidak boleh lebih dari '{other}' ({limit} hari kerja).",
    en: "'{key}' may not be more than '{other}' ({limit} working days).",
  },
  CMP_RULE_BELOW: {
    status: 400,
    id: "Pengingat '{key}' harus kurang dari batas tersingkat '{other}' ({limit} hari kerja).",
    en: "The reminder '{key}' must be less than the shortest limit '{other}' ({limit} working days).",
  },
  CMP_RECEIVED_AT_INVALID: {
    status: 400,
    id: "Waktu diterima ('{field}') tidak boleh di masa depan atau lebih dari {days} hari yang lalu.",
    en: "The time received ('{field}') may not be in the future or more than {days} days ago.",
  },
};
