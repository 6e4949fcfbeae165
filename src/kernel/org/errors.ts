import type { ErrorCatalogue } from "../http/errors";

export const orgErrors: ErrorCatalogue = {
  ORG_UNIT_NOT_FOUND: { status: 404, id: "Unit kerja tidak ditemukan.", en: "Work unit not found." },
  ORG_PARENT_NOT_FOUND: { status: 404, id: "Unit induk tidak ditemukan.", en: "Parent unit not found." },
  ORG_CODE_TAKEN: {
    status: 409,
    id: "Kode unit {code} sudah dipakai unit lain.",
    en: "Unit code {code} is already used by another unit.",
  },
  ORG_MOVE_CYCLE: {
    status: 422,
    id: "Unit {code} tidak dapat dipindahkan ke bawah {parent}, karena {parent} berada di dalam {code}.",
    en: "Unit {code} cannot be moved under {parent}, because {parent} lies within {code}.",
  },
};
