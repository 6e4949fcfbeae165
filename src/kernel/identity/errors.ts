import type { ErrorCatalogue } from "../http/errors";

export const identityErrors: ErrorCatalogue = {
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    id: "E-mail atau kata sandi salah.",
    en: "Wrong e-mail or password.",
  },
  AUTH_LOCKED: {
    status: 423,
    id: "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.",
    en: "The account is temporarily locked after too many failed attempts. Try again in {minutes} minutes.",
  },
  AUTH_TOTP_REQUIRED: {
    status: 401,
    id: "Masukkan kode 6 digit dari aplikasi autentikator Anda.",
    en: "Enter the 6-digit code from your authenticator app.",
  },
  AUTH_TOTP_INVALID: {
    status: 401,
    id: "Kode autentikator salah atau kedaluwarsa.",
    en: "The authenticator code is wrong or expired.",
  },
  AUTH_TOTP_NOT_SET_UP: {
    status: 409,
    id: "Mulai pengaturan autentikator terlebih dahulu.",
    en: "Start the authenticator setup first.",
  },
  AUTH_RESET_INVALID: {
    status: 400,
    id: "Tautan atur ulang kata sandi tidak berlaku atau sudah dipakai. Minta tautan baru.",
    en: "The password reset link is invalid or already used. Ask for a new one.",
  },
  IDENTITY_WEAK_PASSWORD: {
    status: 422,
    id: "Kata sandi terlalu lemah ({reason}). Gunakan minimal 10 karakter yang tidak memuat alamat e-mail.",
    en: "The password is too weak ({reason}). Use at least 10 characters not containing your e-mail address.",
  },
  IDENTITY_EMAIL_TAKEN: {
    status: 409,
    id: "Alamat e-mail {email} sudah terdaftar.",
    en: "The e-mail address {email} is already registered.",
  },
  IDENTITY_NIP_TAKEN: {
    status: 409,
    id: "NIP {nip} sudah terdaftar.",
    en: "NIP {nip} is already registered.",
  },
  IDENTITY_USER_NOT_FOUND: { status: 404, id: "Pengguna tidak ditemukan.", en: "User not found." },
  IDENTITY_ROLE_NOT_FOUND: { status: 404, id: "Peran {key} tidak dikenal.", en: "Unknown role {key}." },
  IDENTITY_ROLE_BUILTIN: {
    status: 409,
    id: "Peran bawaan {key} tidak dapat diubah di sini; buat peran baru.",
    en: "Built-in role {key} cannot be changed here; create a new role.",
  },
  IDENTITY_UNKNOWN_PERMISSION: {
    status: 422,
    id: "Hak akses tidak dikenal: {permissions}.",
    en: "Unknown permissions: {permissions}.",
  },
  IDENTITY_ROLE_ESCALATION: {
    status: 403,
    id: "Anda tidak dapat memberikan peran {key} karena tidak memiliki hak: {permissions}.",
    en: "You cannot grant role {key} because you lack: {permissions}.",
  },
  IDENTITY_ASSIGNMENT_EXISTS: {
    status: 409,
    id: "Pengguna sudah memiliki peran ini di unit tersebut.",
    en: "The user already has this role at that unit.",
  },
  IDENTITY_ASSIGNMENT_NOT_FOUND: {
    status: 404,
    id: "Penugasan peran tidak ditemukan.",
    en: "Role assignment not found.",
  },
  IDENTITY_TOKEN_SCOPE: {
    status: 403,
    id: "Token tidak dapat diberi hak yang tidak Anda miliki: {permissions}.",
    en: "A token cannot get permissions you do not hold: {permissions}.",
  },
  IDENTITY_TOKEN_NOT_FOUND: { status: 404, id: "Token tidak ditemukan.", en: "Token not found." },
};
