import type { CarriedFollowUp, FollowUp, MeetingDetail, MeetingSummary, RatesWire } from "../../contract";

export const people = [
  { id: "u1", name: "Pegawai KPKNL Bekasi", email: "pegawai@zona.demo" },
  { id: "u2", name: "Petugas Layanan", email: "layanan@zona.demo" },
  { id: "u3", name: "Kepala KPKNL Bekasi", email: "kepala.bekasi@zona.demo" },
];

export function followUp(id: string, partial: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    unitId: "bekasi",
    meeting: { id: "m2", title: "Rapat MODEL 16 November", date: "2026-11-16", kind: "weekly" },
    text: `Tindak lanjut ${id}`,
    owner: people[0]!,
    dueDate: "2026-11-30",
    status: "open",
    completedOn: null,
    completionNote: null,
    dropReason: null,
    closedInMeetingId: null,
    carryCount: 0,
    overdue: false,
    canUpdateStatus: true,
    createdAt: "2026-11-16T03:00:00.000Z",
    updatedAt: "2026-11-16T03:00:00.000Z",
    ...partial,
  };
}

export const summaries: MeetingSummary[] = [
  {
    id: "m2",
    unitId: "bekasi",
    kind: "weekly",
    date: "2026-11-16",
    title: "Rapat MODEL 16 November",
    chair: people[2]!,
    participantCount: 9,
    followUps: { total: 2, open: 1, carried: 3 },
    hasMinutes: true,
  },
  {
    id: "m1",
    unitId: "bekasi",
    kind: "quarterly",
    date: "2026-10-07",
    title: "Dialog Kinerja Organisasi Triwulan III",
    chair: people[2]!,
    participantCount: 12,
    followUps: { total: 2, open: 0, carried: 0 },
    hasMinutes: false,
  },
];

export function meetingDetail(partial: Partial<MeetingDetail> = {}): MeetingDetail {
  const carried: CarriedFollowUp = {
    ...followUp("c1", {
      text: "Rekap jawaban pengaduan WA-CARE",
      meeting: {
        id: "m1",
        title: "Dialog Kinerja Organisasi Triwulan III",
        date: "2026-10-07",
        kind: "quarterly",
      },
      dueDate: "2026-10-20",
      overdue: true,
      carryCount: 3,
    }),
    carryNumber: 3,
  };
  return {
    id: "m2",
    unit: { id: "bekasi", code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
    kind: "weekly",
    date: "2026-11-16",
    title: "Rapat MODEL 16 November",
    chair: people[2]!,
    participants: people,
    agenda: ["Tindak lanjut rapat sebelumnya", "Antrean permohonan ALASCA"],
    minutes: "Rapat dipimpin Kepala Kantor.",
    decisions: ["Percepat penyelesaian salinan risalah"],
    files: [{ id: "f1", originalName: "notulen.pdf", mime: "application/pdf", sizeBytes: 1200 }],
    followUps: [
      followUp("n1", { text: "Susun daftar permohonan yang melewati SLA" }),
      followUp("n2", {
        text: "Perbarui papan informasi",
        owner: people[1]!,
        status: "done",
        completedOn: "2026-11-20",
        dueDate: "2026-11-18",
        canUpdateStatus: false,
      }),
    ],
    carriedOver: [carried],
    evidence: ["pemenuhan.mp.pemantauan-evaluasi.b"],
    canManage: true,
    version: 1,
    createdAt: "2026-11-16T03:00:00.000Z",
    updatedAt: "2026-11-16T03:00:00.000Z",
    ...partial,
  };
}

export const rates: RatesWire = {
  granularity: "month",
  today: "2026-11-27",
  periods: [
    {
      period: "2026-10",
      from: "2026-10-01",
      to: "2026-10-31",
      doneOnTime: 3,
      doneLate: 1,
      openOverdue: 1,
      openNotDue: 0,
      dropped: 1,
      counted: 5,
      completionRate: 0.8,
      onTimeRate: 0.6,
    },
    {
      period: "2026-11",
      from: "2026-11-01",
      to: "2026-11-30",
      doneOnTime: 0,
      doneLate: 0,
      openOverdue: 0,
      openNotDue: 0,
      dropped: 0,
      counted: 0,
      completionRate: null,
      onTimeRate: null,
    },
  ],
};

export const rubric = {
  id: "permenpanrb-90-2021",
  components: [
    {
      key: "pemenuhan",
      name: "Pemenuhan",
      areas: [
        {
          key: "pemenuhan.mp",
          name: "Manajemen Perubahan",
          subpillars: [
            {
              key: "pemenuhan.mp.pemantauan-evaluasi",
              name: "Pemantauan dan Evaluasi",
              questions: [
                {
                  key: "pemenuhan.mp.pemantauan-evaluasi.b",
                  text: "Terdapat monitoring dan evaluasi terhadap pembangunan Zona Integritas",
                },
                {
                  key: "pemenuhan.mp.pemantauan-evaluasi.c",
                  text: "Hasil Monitoring dan Evaluasi telah ditindaklanjuti",
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};
