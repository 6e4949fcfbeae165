import type {
  GspSchedule,
  OccurrenceWire,
  ProgrammeListItem,
  ProgrammeWire,
  StaffMember,
} from "../../contract";

export const staff: StaffMember[] = [
  { userId: "u1", name: "Rina Wulandari", nip: null },
  { userId: "u2", name: "Budi Santoso", nip: null },
  { userId: "u3", name: "Sari Dewi", nip: null },
];

export function programme(partial: Partial<ProgrammeWire> = {}): ProgrammeWire {
  return {
    id: "p-repeat",
    unitId: "bekasi",
    code: "REPEAT",
    kind: "repeat",
    name: "REPEAT — Revitalisasi Pelayanan Terpadu",
    description: "Revitalisasi ruang pelayanan terpadu.",
    schedule: { kind: "monthly", day: 1 },
    ownerUserId: "u2",
    ownerName: "Budi Santoso",
    checklist: ["Fasilitas: ruang tunggu bersih", "Prosedur: SOP tersedia"],
    active: true,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    ...partial,
  };
}

export function listItem(partial: Partial<ProgrammeListItem> = {}): ProgrammeListItem {
  return {
    ...programme(partial),
    occurrencesThisMonth: 2,
    lastHeld: "2026-11-23",
    attendanceRateThisMonth: 81.8,
    ...partial,
  };
}

export function occurrence(partial: Partial<OccurrenceWire> = {}): OccurrenceWire {
  return {
    id: "o1",
    unitId: "bekasi",
    programmeId: "p-repeat",
    programmeName: "REPEAT — Revitalisasi Pelayanan Terpadu",
    date: "2026-12-01",
    topic: "Putaran Desember",
    speakerUserId: null,
    speakerName: null,
    notes: "Dua temuan",
    files: [],
    checklist: [],
    attendance: [],
    expected: 3,
    present: 2,
    rate: 66.7,
    evidence: [],
    createdAt: "2026-12-01T03:00:00.000Z",
    updatedAt: "2026-12-01T03:00:00.000Z",
    ...partial,
  };
}

export function schedule(partial: Partial<GspSchedule> = {}): GspSchedule {
  return {
    unitId: "bekasi",
    from: "2026-12-01",
    to: "2026-12-31",
    today: "2026-12-02",
    roster: [
      { userId: "u1", name: "Rina Wulandari", nip: null, excluded: false },
      { userId: "u2", name: "Budi Santoso", nip: null, excluded: false },
      { userId: "u3", name: "Sari Dewi", nip: null, excluded: true },
    ],
    turns: [
      { date: "2026-12-01", userId: "u2", name: "Budi Santoso", topic: "Etika pelayanan", round: 1 },
      { date: "2026-12-02", userId: "u1", name: "Rina Wulandari", topic: null, round: 1 },
      { date: "2026-12-03", userId: "u2", name: "Budi Santoso", topic: null, round: 2 },
    ],
    gaps: [{ date: "2026-12-04", pending: [] }],
    holidays: [{ date: "2026-12-25", name: "Hari Raya Natal" }],
    leaves: [
      {
        id: "l1",
        unitId: "bekasi",
        userId: "u1",
        userName: "Rina Wulandari",
        from: "2026-12-03",
        to: "2026-12-04",
        kind: "cuti",
        note: "",
        createdAt: "2026-11-30T00:00:00.000Z",
      },
    ],
    counts: [
      { userId: "u1", name: "Rina Wulandari", turns: 5 },
      { userId: "u2", name: "Budi Santoso", turns: 6 },
    ],
    ...partial,
  };
}
