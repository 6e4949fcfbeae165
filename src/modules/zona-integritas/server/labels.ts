import type { Stage } from "../domain/stages";

/** Stage names as the regulation and the offices say them. */
export const STAGE_LABELS: Record<Stage, { id: string; en: string }> = {
  pencanangan: { id: "Pencanangan", en: "Declaration" },
  pembangunan: { id: "Pembangunan", en: "Building" },
  penilaian_mandiri: { id: "Penilaian mandiri", en: "Self-assessment" },
  tpi_review: { id: "Evaluasi TPI", en: "Internal (TPI) review" },
  pengusulan: { id: "Pengusulan ke TPN", en: "Proposed to TPN" },
  tpn_pra_evaluasi: { id: "TPN: pra-evaluasi", en: "TPN: pre-evaluation" },
  tpn_desk: { id: "TPN: evaluasi desk", en: "TPN: desk evaluation" },
  tpn_lapangan: { id: "TPN: evaluasi lapangan", en: "TPN: field evaluation" },
  penetapan: { id: "Penetapan", en: "Decision" },
  monitoring: { id: "Monitoring", en: "Monitoring" },
};
