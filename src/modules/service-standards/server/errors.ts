import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** Error codes of the service-standards module (Indonesian first, English second). */
export const stdErrors: ErrorCatalogue = {
  STD_SERVICE_NOT_FOUND: {
    status: 404,
    id: "Jenis layanan '{id}' tidak ditemukan.",
    en: "Service '{id}' was not found.",
  },
  STD_SERVICE_CODE_TAKEN: {
    status: 409,
    id: "Kode layanan '{code}' sudah dipakai layanan lain di unit ini.",
    en: "Service code '{code}' is already used by another service of this unit.",
  },
  STD_VERSION_NOT_FOUND: {
    status: 404,
    id: "Versi standar pelayanan '{id}' tidak ditemukan.",
    en: "Service standard version '{id}' was not found.",
  },
  STD_DRAFT_EXISTS: {
    status: 409,
    id: "Layanan ini sudah memiliki draf versi {number}; lanjutkan atau hapus draf itu terlebih dahulu.",
    en: "This service already has a draft (version {number}); continue or delete that draft first.",
  },
  STD_VERSION_NOT_DRAFT: {
    status: 409,
    id: "Versi {number} sudah ditetapkan dan tidak dapat diubah atau dihapus; buat versi baru.",
    en: "Version {number} is published and cannot be changed or deleted; create a new version.",
  },
  STD_DECREE_MISSING: {
    status: 409,
    id: "Belum dapat ditetapkan: isikan {field} (nomor keputusan, tanggal keputusan dan tanggal berlaku).",
    en: "Cannot publish yet: fill in {field} (decree number, decree date and effective date).",
  },
  STD_DECREE_AFTER_EFFECTIVE: {
    status: 400,
    id: "Tanggal keputusan ({decreeDate}) tidak boleh setelah tanggal berlaku ({effectiveDate}).",
    en: "The decree date ({decreeDate}) cannot be after the effective date ({effectiveDate}).",
  },
  STD_EFFECTIVE_NOT_AFTER: {
    status: 409,
    id: "Tanggal berlaku {effectiveDate} harus setelah tanggal berlaku versi yang sudah ditetapkan ({latest}).",
    en: "The effective date {effectiveDate} must be after that of the published versions ({latest}).",
  },
  STD_VERSION_INCOMPLETE: {
    status: 409,
    id: "Komponen standar pelayanan untuk publik belum lengkap: {missing}.",
    en: "The public components of the standard are incomplete: {missing}.",
  },
  STD_SOP_NOT_FOUND: { status: 404, id: "SOP '{id}' tidak ditemukan.", en: "SOP '{id}' was not found." },
  STD_PLEDGE_NOT_FOUND: {
    status: 404,
    id: "Maklumat pelayanan '{id}' tidak ditemukan.",
    en: "Service pledge '{id}' was not found.",
  },
  STD_PLEDGE_NOT_DRAFT: {
    status: 409,
    id: "Maklumat yang sudah diterbitkan tidak dapat diubah atau dihapus; buat maklumat baru.",
    en: "A published pledge cannot be changed or deleted; create a new one.",
  },
  STD_FACILITY_NOT_FOUND: {
    status: 404,
    id: "Sarana prasarana '{id}' tidak ditemukan.",
    en: "Facility '{id}' was not found.",
  },
  STD_PHOTO_EXISTS: {
    status: 409,
    id: "Foto ini sudah terpasang pada sarana tersebut.",
    en: "This photo is already attached to the facility.",
  },
  STD_PHOTO_NOT_FOUND: {
    status: 404,
    id: "Foto '{id}' tidak ditemukan.",
    en: "Photo '{id}' was not found.",
  },
  STD_PHOTO_LIMIT: {
    status: 409,
    id: "Satu sarana paling banyak {max} foto.",
    en: "A facility can have at most {max} photos.",
  },
  STD_FILE_NOT_FOUND: {
    status: 404,
    id: "Berkas '{id}' tidak ditemukan; unggah ulang berkasnya.",
    en: "File '{id}' was not found; upload it again.",
  },
  STD_FILE_OTHER_UNIT: {
    status: 400,
    id: "Berkas '{name}' milik unit lain; unggah berkas untuk unit ini.",
    en: "File '{name}' belongs to another unit; upload it for this unit.",
  },
  STD_FILE_WRONG_TYPE: {
    status: 400,
    id: "Berkas '{name}' bertipe {mime}; yang diterima: {allowed}.",
    en: "File '{name}' is {mime}; accepted: {allowed}.",
  },
  STD_UNIT_NOT_FOUND: {
    status: 404,
    id: "Unit layanan dengan kode '{code}' tidak ditemukan.",
    en: "No service office has the code '{code}'.",
  },
  STD_RECORD_REQUIRED: {
    status: 400,
    id: "Sebutkan id {type} yang dijadikan data dukung.",
    en: "Give the id of the {type} to use as evidence.",
  },
};
