import type { Category, Status } from "../domain/workflow";

export const STATUS_LABELS: Record<Status, string> = {
  received: "Diterima",
  verified: "Terverifikasi",
  assigned: "Didisposisikan",
  in_progress: "Dalam proses",
  answered: "Dijawab",
  closed: "Selesai",
  rejected: "Ditolak",
  forwarded: "Diteruskan",
};

export const CATEGORY_LABELS: Record<Category, string> = {
  pengaduan: "Pengaduan",
  aspirasi: "Aspirasi",
  permintaan_informasi: "Permintaan informasi",
};
