import type { ActivityDetailWire, ActivityWire, AgentsWire, PlanWire, TeamWire } from "../../contract";
import { progressByArea } from "../../domain/activities";
import type { RubricTree } from "../api";

export const people = [
  { id: "u-kepala", name: "Kepala KPKNL Bekasi", email: "kepala@zona.test" },
  { id: "u-koord", name: "Koordinator Tim ZI", email: "koord@zona.test" },
  { id: "u1", name: "Rina Wulandari", email: "pegawai@zona.test" },
  { id: "u-layanan", name: "Petugas Layanan", email: "layanan@zona.test" },
];

export function activity(id: string, partial: Partial<ActivityWire> = {}): ActivityWire {
  return {
    id,
    unitId: "bekasi",
    areaKey: "pelayanan_publik",
    title: `Kegiatan ${id}`,
    target: "Target",
    output: "Laporan",
    picUserId: "u1",
    picName: "Rina Wulandari",
    startDate: "2026-10-01",
    dueDate: "2026-12-20",
    progress: 40,
    status: "berjalan",
    note: "",
    overdue: false,
    fileCount: 0,
    updatedAt: "2026-11-20T02:00:00.000Z",
    ...partial,
  };
}

export function plan(items: ActivityWire[], today = "2026-11-27"): PlanWire {
  return { today, items, areas: progressByArea(items, today) };
}

export function detail(a: ActivityWire, partial: Partial<ActivityDetailWire> = {}): ActivityDetailWire {
  return { ...a, files: [], questionKeys: [], canManage: false, canReport: true, ...partial };
}

export const rubric: RubricTree = {
  id: "permenpanrb-90-2021",
  title: "LKE 2021",
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
              key: "pemenuhan.mp.tim-kerja",
              name: "Penyusunan Tim Kerja",
              questions: [
                { key: "pemenuhan.mp.tim-kerja.a", sourceId: "P1A", text: "Unit kerja telah membentuk tim" },
                {
                  key: "pemenuhan.mp.tim-kerja.b",
                  sourceId: "P1B",
                  text: "Anggota tim dipilih melalui prosedur",
                },
              ],
            },
          ],
        },
        {
          key: "pemenuhan.pp",
          name: "Peningkatan Kualitas Pelayanan Publik",
          subpillars: [
            {
              key: "pemenuhan.pp.standar-pelayanan",
              name: "Standar Pelayanan",
              questions: [
                {
                  key: "pemenuhan.pp.standar-pelayanan.a",
                  sourceId: "P6A",
                  text: "Terdapat kebijakan standar pelayanan",
                },
                {
                  key: "pemenuhan.pp.standar-pelayanan.b",
                  sourceId: "P6B",
                  text: "Standar pelayanan telah dimaklumatkan",
                },
                {
                  key: "pemenuhan.pp.standar-pelayanan.c",
                  sourceId: "P6C",
                  text: "Terdapat SOP bagi pelaksanaan standar",
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const team: TeamWire = {
  decree: {
    id: "d2",
    unitId: "bekasi",
    number: "KEP-3/WKN.08/KNL.06/2026",
    date: "2026-01-06",
    file: { id: "f1", name: "sk-tim-zi.pdf", mime: "application/pdf", sizeBytes: 1000 },
    active: true,
    createdAt: "2026-01-06T02:00:00.000Z",
    replacedAt: null,
  },
  members: [
    {
      id: "m1",
      decreeId: "d2",
      userId: "u-kepala",
      name: "Kepala KPKNL Bekasi",
      role: "penanggung_jawab",
      areaKey: null,
    },
    {
      id: "m2",
      decreeId: "d2",
      userId: "u-koord",
      name: "Koordinator Tim ZI",
      role: "koordinator",
      areaKey: null,
    },
    {
      id: "m3",
      decreeId: "d2",
      userId: "u1",
      name: "Rina Wulandari",
      role: "ketua_area",
      areaKey: "pelayanan_publik",
    },
  ],
  decrees: [
    {
      id: "d2",
      unitId: "bekasi",
      number: "KEP-3/WKN.08/KNL.06/2026",
      date: "2026-01-06",
      file: null,
      active: true,
      createdAt: "2026-01-06T02:00:00.000Z",
      replacedAt: null,
      memberCount: 3,
    },
    {
      id: "d1",
      unitId: "bekasi",
      number: "KEP-12/WKN.08/KNL.06/2025",
      date: "2025-01-08",
      file: null,
      active: false,
      createdAt: "2025-01-08T02:00:00.000Z",
      replacedAt: "2026-01-06T02:00:00.000Z",
      memberCount: 9,
    },
  ],
};

export const agents: AgentsWire = {
  decree: { ...team.decree!, id: "ad1", number: "KEP-5/WKN.08/KNL.06/2026", file: null },
  canManage: false,
  decrees: [],
  agents: [
    {
      id: "a1",
      decreeId: "ad1",
      userId: "u1",
      name: "Rina Wulandari",
      changes: [
        {
          id: "c1",
          agentId: "a1",
          title: "Antrean layanan daring",
          description: "Nomor antrean lewat WhatsApp",
          plannedDate: "2026-03-01",
          realisedDate: "2026-04-15",
          integrated: true,
          integrationRef: "SOP Layanan Antrean Daring",
          integrationFile: null,
          questionKeys: ["pemenuhan.pp.standar-pelayanan.c"],
        },
        {
          id: "c2",
          agentId: "a1",
          title: "Video tutorial lelang",
          description: "",
          plannedDate: "2026-12-30",
          realisedDate: null,
          integrated: false,
          integrationRef: "",
          integrationFile: null,
          questionKeys: [],
        },
      ],
      roleModels: [
        { id: "r1", agentId: "a1", title: "Memimpin apel pagi", description: "", date: "2026-02-03" },
      ],
    },
    { id: "a2", decreeId: "ad1", userId: "u-layanan", name: "Petugas Layanan", changes: [], roleModels: [] },
  ],
};
