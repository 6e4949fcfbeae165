import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** Change-management codes: each message names the record or field so a person can fix it. */
export const cmErrors: ErrorCatalogue = {
  CM_DUE_BEFORE_START: {
    status: 400,
    id: "Tanggal target selesai ({dueDate}) tidak boleh sebelum tanggal mulai ({startDate}).",
    en: "The due date ({dueDate}) cannot be before the start date ({startDate}).",
  },
  CM_PROGRESS_RANGE: {
    status: 400,
    id: "Progres harus bilangan bulat 0–100; diterima {progress}.",
    en: "Progress must be a whole number from 0 to 100; got {progress}.",
  },
  CM_AREA_REQUIRED: {
    status: 400,
    id: "Anggota dengan peran '{role}' harus diberi area pengungkit.",
    en: "A member with role '{role}' needs a lever area.",
  },
  CM_MEMBER_DUPLICATE: {
    status: 400,
    id: "Pegawai '{userId}' tercantum lebih dari sekali dalam tim.",
    en: "Employee '{userId}' is listed more than once in the team.",
  },
  CM_TEAM_ONE_RESPONSIBLE: {
    status: 400,
    id: "Tim hanya boleh memiliki satu penanggung jawab.",
    en: "The team can have only one person responsible (penanggung jawab).",
  },
  CM_TEAM_ONE_LEAD: {
    status: 400,
    id: "Area '{area}' hanya boleh memiliki satu ketua area.",
    en: "Area '{area}' can have only one area lead.",
  },
  CM_PERSON_NOT_IN_UNIT: {
    status: 400,
    id: "Pengguna '{userId}' bukan pegawai unit ini.",
    en: "User '{userId}' is not an employee of this unit.",
  },
  CM_NO_DECREE: {
    status: 409,
    id: "Unit ini belum memiliki SK {kind}; catat SK-nya terlebih dahulu.",
    en: "This unit has no {kind} decree yet; record the decree first.",
  },
  CM_ALREADY_MEMBER: {
    status: 409,
    id: "Pegawai '{name}' sudah menjadi anggota tim.",
    en: "'{name}' is already a member of the team.",
  },
  CM_DECREE_NOT_FOUND: {
    status: 404,
    id: "SK '{id}' tidak ditemukan.",
    en: "Decree '{id}' was not found.",
  },
  CM_MEMBER_NOT_FOUND: {
    status: 404,
    id: "Anggota tim '{id}' tidak ditemukan pada SK yang berlaku.",
    en: "Team member '{id}' was not found in the current decree.",
  },
  CM_ACTIVITY_NOT_FOUND: {
    status: 404,
    id: "Kegiatan '{id}' tidak ditemukan.",
    en: "Activity '{id}' was not found.",
  },
  CM_OWNER_PROGRESS_ONLY: {
    status: 403,
    id: "Penanggung jawab kegiatan hanya dapat memperbarui progres, status, dan catatan; ubahan lain: {fields}.",
    en: "The person in charge may update only progress, status and note; other fields: {fields}.",
  },
  CM_FILE_NOT_FOUND: { status: 404, id: "Berkas '{id}' tidak ditemukan.", en: "File '{id}' was not found." },
  CM_FILE_OTHER_UNIT: {
    status: 400,
    id: "Berkas '{id}' milik unit lain; unggah berkas untuk unit ini.",
    en: "File '{id}' belongs to another unit; upload it for this unit.",
  },
  CM_AGENT_NOT_FOUND: {
    status: 404,
    id: "Agen perubahan '{id}' tidak ditemukan.",
    en: "Change agent '{id}' was not found.",
  },
  CM_AGENT_NOT_CURRENT: {
    status: 409,
    id: "'{name}' tidak lagi tercantum dalam SK agen perubahan yang berlaku.",
    en: "'{name}' is no longer on the current change-agent decree.",
  },
  CM_CHANGE_NOT_FOUND: {
    status: 404,
    id: "Perubahan '{id}' tidak ditemukan.",
    en: "Change '{id}' was not found.",
  },
  CM_ROLE_MODEL_NOT_FOUND: {
    status: 404,
    id: "Kegiatan role model '{id}' tidak ditemukan.",
    en: "Role-model activity '{id}' was not found.",
  },
  CM_INTEGRATION_NEEDS_REALISATION: {
    status: 400,
    id: "Perubahan baru dapat dinyatakan terintegrasi setelah direalisasikan (isi tanggal realisasi).",
    en: "A change can be marked integrated only once realised (enter the realised date).",
  },
  CM_INTEGRATION_REF_REQUIRED: {
    status: 400,
    id: "Sebutkan SOP atau keputusan yang mengintegrasikan perubahan ke dalam sistem manajemen.",
    en: "Name the SOP or decision that integrates the change into the management system.",
  },
  CM_CHANGE_FORBIDDEN: {
    status: 403,
    id: "Hanya pengelola ZI atau agen perubahan yang bersangkutan yang dapat mencatat perubahan ini.",
    en: "Only a ZI manager or the change agent concerned can record this.",
  },
};
