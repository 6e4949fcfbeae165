// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PublicResults, ResultsWire } from "../../contract";
import { builtInKind, SKM_KIND_ID } from "../../domain/kinds";
import { renderSurveys } from "../test/harness";

const skm = builtInKind(SKM_KIND_ID)!;
const nrr = [3.2, 3.0, 2.8, 4.0, 3.1, 3.3, 3.5, 2.9, 2.7];
const index = (o: Partial<ResultsWire["overall"]> = {}): ResultsWire["overall"] => ({
  respondents: 10,
  weight: "1/9",
  elements: skm.elements.map((e, i) => ({
    code: e.code,
    nrr: nrr[i]!,
    nrrRounded: nrr[i]!.toFixed(3),
    weighted: nrr[i]! / 9,
    ikm: (nrr[i]! * 25).toFixed(2),
  })),
  index: 19 / 6,
  indexRounded: "3.1667",
  ikm: 79.17,
  grade: "B",
  performance: { id: "Baik", en: "Good" },
  points: 13.85,
  ...o,
});
const period = {
  id: "p1",
  unit: { id: "bekasi", code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
  kindId: SKM_KIND_ID,
  kind: "skm" as const,
  kindTitle: skm.title,
  result: "ikm" as const,
  title: "SKM — Triwulan I 2026",
  periodType: "quarter" as const,
  year: 2026,
  part: 1,
  startsOn: "2026-01-01",
  endsOn: "2026-03-31",
  serviceTypes: ["Lelang"],
  population: 420,
  requiredSample: 201,
  responses: 10,
  status: "closed" as const,
  code: "abcd2345",
  onePerDevice: true,
  rateMax: 20,
  rateWindowMinutes: 60,
  published: false,
  version: 3,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const results: ResultsWire = {
  period,
  kind: skm,
  overall: index(),
  byService: [{ key: "Lelang", ...index() }],
  byProfile: { sex: [] },
  comments: [{ date: "2026-02-03", serviceType: "Lelang", text: "Antrean lambat" }],
  followUps: [],
  serviceRequests: { ratings: 12, average: 3.4167, satisfiedPercent: 83.3, scaleMax: 4 },
};

describe("period results page", () => {
  it("shows IKM, grade, sample progress, the chart lowest first, comments; plans a follow-up for the weakest element", async () => {
    const { calls } = renderSurveys(
      "/survei/p1",
      {
        "GET /api/surveys/periods/p1/results": { body: results },
        "POST /api/surveys/periods/p1/followups": ({ body }) => ({
          status: 201,
          body: {
            id: "f1",
            periodId: "p1",
            status: "planned",
            note: "",
            createdAt: "",
            updatedAt: "",
            ...(body as object),
          },
        }),
      },
      { permissions: ["survey.read", "survey.manage"] },
    );
    expect(await screen.findByText("79.17")).toBeInTheDocument();
    expect(screen.getByText("Mutu B — Baik")).toBeInTheDocument();
    expect(screen.getByText("10 / 201")).toBeInTheDocument();
    const chart = screen.getByRole("img", { name: "Nilai rata-rata per unsur, terendah lebih dulu" });
    const labels = [...chart.querySelectorAll("g > text:first-child")].map((t) => t.textContent);
    expect(labels[0]).toMatch(/^U9 /);
    expect(labels[1]).toMatch(/^U3 /);
    expect(screen.getByText("Antrean lambat")).toBeInTheDocument();
    // ALASCA's ratings for the same unit and dates, next to the SKM
    expect(screen.getByText("Penilaian layanan pascalelang (ALASCA)")).toBeInTheDocument();
    expect(
      screen.getByText("12 penilaian pada periode ini: rata-rata 3.42 dari 4, 83.3% puas atau sangat puas."),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Tindakan/), "Balas pengaduan dalam 1 hari");
    await userEvent.type(screen.getByLabelText(/Penanggung jawab/), "Seksi HI");
    await userEvent.type(screen.getByLabelText(/Target selesai/), "2026-05-31");
    await userEvent.click(screen.getByRole("button", { name: "Tambah" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      elementCode: "U9",
      action: "Balas pengaduan dalam 1 hari",
      owner: "Seksi HI",
      dueDate: "2026-05-31",
    });
  });

  it("staff without survey.manage see no manage buttons", async () => {
    renderSurveys(
      "/survei/p1",
      { "GET /api/surveys/periods/p1/results": { body: results } },
      { permissions: ["survey.read"] },
    );
    expect(await screen.findByText("79.17")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Buka survei" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Tambah" })).toBeNull();
  });
});

describe("public results", () => {
  it("shows the latest IKM with its grade, the trend and the table", async () => {
    const p = (part: number, ikm: number, grade: "A" | "B"): PublicResults["periods"][number] => ({
      code: `c${part}`,
      title: `SKM Q${part}`,
      kind: "skm",
      result: "ikm",
      periodType: "quarter",
      year: 2026,
      part,
      startsOn: "2026-01-01",
      endsOn: "2026-03-31",
      respondents: 90 + part,
      ikm,
      index: ikm / 25,
      grade,
      elements: [],
      followUps:
        part === 2
          ? [{ elementCode: "U9", action: "Balas pengaduan", dueDate: "2026-07-31", status: "done" }]
          : [],
    });
    renderSurveys(
      "/hasil-survei/KPKNL-BEKASI",
      {
        "GET /api/public/surveys/units/KPKNL-BEKASI/results": {
          body: {
            unit: { code: "KPKNL-BEKASI", name: "KPKNL Bekasi" },
            periods: [p(1, 86.1, "B"), p(2, 88.4, "A")],
          },
        },
      },
      { permissions: [], unit: null },
    );
    expect(
      await screen.findByText("Triwulan II 2026: IKM 88.40, mutu A, dari 92 responden."),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", {
        name: /Tren IKM per periode: Triwulan I 2026 86.10; Triwulan II 2026 88.40/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Hasil per periode" })).toBeInTheDocument();
    expect(screen.getByText(/Balas pengaduan/)).toBeInTheDocument();
  });
});
