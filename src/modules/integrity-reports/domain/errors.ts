import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** The module's error codes, each with a message a person can act on (id + en). */
export const integrityErrors: ErrorCatalogue = {
  WBS_UNIT_NOT_FOUND: {
    status: 404,
    id: "Kanal WBS untuk unit '{code}' tidak ditemukan. Periksa alamat halaman.",
    en: "No whistle-blowing channel for unit '{code}'. Check the page address.",
  },
  WBS_POW_INVALID: {
    status: 400,
    id: "Pemeriksaan keamanan halaman gagal atau kedaluwarsa. Muat ulang halaman lalu kirim kembali.",
    en: "The page's security check failed or expired. Reload the page and send again.",
  },
  WBS_POW_REUSED: {
    status: 409,
    id: "Pemeriksaan keamanan ini sudah dipakai. Kirim kembali agar halaman membuat yang baru.",
    en: "This security check was already used. Send again so the page makes a new one.",
  },
  WBS_ACCESS_DENIED: {
    status: 403,
    id: "Kode laporan atau kata sandi laporan tidak cocok.",
    en: "The report code or report secret does not match.",
  },
  WBS_TOO_MANY_ATTEMPTS: {
    status: 429,
    id: "Terlalu banyak percobaan untuk kode ini. Coba lagi dalam {minutes} menit.",
    en: "Too many attempts for this code. Try again in {minutes} minutes.",
  },
  WBS_REPORT_NOT_FOUND: {
    status: 404,
    id: "Laporan WBS '{id}' tidak ditemukan.",
    en: "Whistle-blowing report '{id}' was not found.",
  },
  WBS_BAD_TRANSITION: {
    status: 409,
    id: "Status laporan tidak dapat diubah dari '{from}' ke '{to}'.",
    en: "The report's status cannot change from '{from}' to '{to}'.",
  },
  WBS_REPORT_CLOSED: {
    status: 409,
    id: "Laporan ini sudah ditutup; tambahan informasi tidak lagi diterima. Buat laporan baru bila perlu.",
    en: "This report is closed; no more information is accepted. File a new report if needed.",
  },
  WBS_ATTACHMENT_LIMIT: {
    status: 409,
    id: "Satu laporan paling banyak {max} lampiran.",
    en: "A report takes at most {max} attachments.",
  },
  WBS_ATTACHMENT_TOO_LARGE: {
    status: 413,
    id: "Lampiran paling besar {limitMb} MB.",
    en: "An attachment may be at most {limitMb} MB.",
  },
  WBS_ATTACHMENT_INVALID: {
    status: 400,
    id: "Lampiran bukan berkas base64 yang sah.",
    en: "The attachment is not valid base64.",
  },
  WBS_ATTACHMENT_NOT_FOUND: {
    status: 404,
    id: "Lampiran '{id}' tidak ditemukan.",
    en: "Attachment '{id}' was not found.",
  },
  GRAT_NOT_FOUND: {
    status: 404,
    id: "Laporan gratifikasi '{id}' tidak ditemukan.",
    en: "Gratification report '{id}' was not found.",
  },
  GRAT_DATE_IN_FUTURE: {
    status: 400,
    id: "Tanggal '{field}' ({date}) tidak boleh setelah hari ini ({today}).",
    en: "Date '{field}' ({date}) cannot be after today ({today}).",
  },
  GRAT_DATE_INVALID: {
    status: 400,
    id: "Tanggal '{field}' harus tanggal yang benar (TTTT-BB-HH).",
    en: "Date '{field}' must be a real date (YYYY-MM-DD).",
  },
  GRAT_BAD_STATE: {
    status: 409,
    id: "Laporan gratifikasi berstatus '{status}'; langkah '{step}' tidak dapat dilakukan.",
    en: "The gratification report is '{status}'; step '{step}' is not possible.",
  },
  GRAT_KPK_REFERENCE_REQUIRED: {
    status: 400,
    id: "Isi nomor/referensi pelaporan ke KPK (mis. nomor dari Gratifikasi Online).",
    en: "Fill in the KPK reporting reference (e.g. the Gratifikasi Online number).",
  },
  GRAT_NOT_OWN: {
    status: 403,
    id: "Anda hanya dapat melihat laporan gratifikasi Anda sendiri.",
    en: "You can only see your own gratification reports.",
  },
  GRAT_CAMPAIGN_NOT_FOUND: {
    status: 404,
    id: "Kampanye '{id}' tidak ditemukan.",
    en: "Campaign '{id}' was not found.",
  },
  GRAT_FILE_NOT_FOUND: {
    status: 400,
    id: "Berkas '{id}' tidak ditemukan atau bukan milik unit ini.",
    en: "File '{id}' was not found or does not belong to this unit.",
  },
  COI_NOT_FOUND: {
    status: 404,
    id: "Deklarasi benturan kepentingan '{id}' tidak ditemukan.",
    en: "Conflict-of-interest declaration '{id}' was not found.",
  },
  COI_DETAILS_REQUIRED: {
    status: 400,
    id: "Uraikan potensi benturan kepentingan yang Anda miliki.",
    en: "Describe the potential conflict of interest you have.",
  },
  COI_ACTIVITY_REQUIRED: {
    status: 400,
    id: "Deklarasi ad hoc harus menyebut nama dan tanggal kegiatan.",
    en: "An ad-hoc declaration must name the activity and its date.",
  },
  COI_ANNUAL_EXISTS: {
    status: 409,
    id: "Anda sudah menyampaikan deklarasi tahunan {year} untuk unit ini.",
    en: "You already submitted the {year} annual declaration for this unit.",
  },
  COI_NOT_STAFF: {
    status: 403,
    id: "Anda bukan pegawai unit ini.",
    en: "You are not staff of this unit.",
  },
  COI_FUNCTION_NOT_FOUND: {
    status: 404,
    id: "Pemetaan fungsi '{id}' tidak ditemukan.",
    en: "Function mapping '{id}' was not found.",
  },
  INTEGRITY_RECORD_TYPE: {
    status: 400,
    id: "Jenis rekaman '{type}' tidak dapat dijadikan bukti.",
    en: "Record type '{type}' cannot be linked as evidence.",
  },
};
