// @vitest-environment jsdom
import "../test/setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toNumber } from "../../../../kernel/math/fraction";
import { formatNumber } from "../../../../ui/format";
import type { Answer } from "../../domain/answers";
import { scoreAnswers } from "../../domain/scoring";
import { answersWhere, bestAnswer, detailOf, entries, rubric, worksheetOf } from "../test/fixtures";
import { envelope, type Handler, type MockResponse, renderZi } from "../test/harness";

const WRITE = ["zi.cycle.read", "zi.worksheet.write"];
const mp = entries.filter((e) => e.area.key === "pemenuhan.mp");
const first = mp[0]!.question; // Ya/Tidak: "Unit kerja telah membentuk tim …"
const second = mp[1]!.question;
// The unit has answered every question of the rubric except the first two of Manajemen Perubahan.
const savedUnit = answersWhere((key, i) =>
  key === first.key || key === second.key ? undefined : i % 3 === 0 ? bestAnswer(key) : null,
);
for (const k of Object.keys(savedUnit)) if (savedUnit[k] === null) delete savedUnit[k];

const total = (answers: Record<string, Answer>) =>
  formatNumber(toNumber(scoreAnswers(rubric, answers).total), "id", { decimals: 2 });

function routes(
  extra: Record<string, Handler | MockResponse> = {},
  opts: Parameters<typeof worksheetOf>[0] = {},
) {
  return {
    "GET /api/zi/cycles/c1": { body: detailOf({ answers: { unit: savedUnit } }) },
    "GET /api/zi/cycles/c1/worksheet": { body: worksheetOf({ answers: { unit: savedUnit }, ...opts }) },
    ...extra,
  };
}

function row(code: string) {
  return screen.getByRole("group", { name: `Pertanyaan ${code}` });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("worksheet page", () => {
  it("shows the questions of the first area with their options, and the saved total", async () => {
    renderZi("/zi/siklus/c1/lke", routes(), { permissions: WRITE });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Lembar Kerja Evaluasi" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Manajemen Perubahan" })).toBeInTheDocument();
    const groups = screen.getAllByRole("group", { name: /^Pertanyaan / });
    expect(groups).toHaveLength(mp.length);
    const r = row(first.sourceId!);
    expect(within(r).getByText(first.text)).toBeInTheDocument();
    expect(within(r).getByRole("radio", { name: /^Ya, jika Tim telah dibentuk/ })).toBeInTheDocument();
    expect(within(r).getByRole("radio", { name: /^Tidak/ })).toBeInTheDocument();
    expect(screen.getByTestId("preview-total")).toHaveTextContent(total(savedUnit));
  });

  it("moves the live total as an answer is clicked, then saves only the changed answer", async () => {
    const { calls } = renderZi(
      "/zi/siklus/c1/lke",
      routes({
        "PUT /api/zi/cycles/c1/answers/unit": ({ body }) => {
          const answers = (body as { answers: { key: string; answer: Answer }[] }).answers;
          const next = { ...savedUnit, ...Object.fromEntries(answers.map((a) => [a.key, a.answer])) };
          return {
            body: { saved: answers.length, score: { total: toNumber(scoreAnswers(rubric, next).total) } },
          };
        },
      }),
      { permissions: WRITE },
    );
    const user = userEvent.setup();
    const r = await screen.findByRole("group", { name: `Pertanyaan ${first.sourceId}` });
    await user.click(within(r).getByRole("radio", { name: /^Ya, jika Tim telah dibentuk/ }));

    const expected = total({ ...savedUnit, [first.key]: "ya" });
    expect(expected).not.toBe(total(savedUnit));
    expect(screen.getByTestId("preview-total")).toHaveTextContent(expected);
    expect(screen.getByText("1 perubahan belum disimpan")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe("/api/zi/cycles/c1/answers/unit");
    expect(put.body).toEqual({ answers: [{ key: first.key, answer: "ya", note: "" }] });
    expect(put.headers.get("x-csrf-token")).toBe("csrf-zi");
    expect(await screen.findByText(/^Tersimpan \d{2}\.\d{2} WIB$/)).toBeInTheDocument();
    expect(screen.queryByText(/belum disimpan/)).not.toBeInTheDocument();
    expect(screen.getByTestId("preview-total")).toHaveTextContent(expected);
  });

  it("sends counts in the question's order and a survey index with its source", async () => {
    const counts = entries.find((e) => e.question.answerType === "counts")!;
    const survey = entries.find((e) => e.question.answerType === "survey_index")!;
    const { calls } = renderZi(
      `/zi/siklus/c1/lke?q=${counts.question.key}`,
      routes({ "PUT /api/zi/cycles/c1/answers/unit": { body: { saved: 1, score: {} } } }),
      { permissions: WRITE },
    );
    const r = await screen.findByRole("group", { name: `Pertanyaan ${counts.question.sourceId}` });
    const defs = counts.question.counts!;
    fireEvent.change(within(r).getByLabelText(defs[0]!.label), { target: { value: "4" } });
    fireEvent.change(within(r).getByLabelText(defs[1]!.label), { target: { value: "3" } });
    const expected = total({ ...savedUnit, [counts.question.key]: { counts: [4, 3] } });
    await waitFor(() => expect(screen.getByTestId("preview-total")).toHaveTextContent(expected));

    fireEvent.keyDown(window, { key: "s", ctrlKey: true });
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      answers: [{ key: counts.question.key, answer: { counts: [4, 3] }, note: "" }],
    });
    expect(survey.question.scale?.max).toBe(4);
  });

  it("shows a server refusal next to the question it names", async () => {
    renderZi(
      "/zi/siklus/c1/lke",
      routes({
        "PUT /api/zi/cycles/c1/answers/unit": {
          status: 400,
          body: envelope(
            "ZI_ANSWER_INVALID",
            `Jawaban "x" tidak sah untuk pertanyaan '${second.key}' (jenis ${second.answerType}).`,
            { question: second.key },
          ),
        },
      }),
      { permissions: WRITE },
    );
    const user = userEvent.setup();
    const r2 = await screen.findByRole("group", { name: `Pertanyaan ${second.sourceId}` });
    await user.click(within(r2).getAllByRole("radio")[0]!);
    await user.click(screen.getByRole("button", { name: "Simpan" }));
    const message = `Jawaban "x" tidak sah untuk pertanyaan '${second.key}' (jenis ${second.answerType}).`;
    await waitFor(() =>
      expect(within(row(second.sourceId!)).getAllByText(message).length).toBeGreaterThan(0),
    );
    expect(within(row(first.sourceId!)).queryByText(message)).not.toBeInTheDocument();
    // Typed work is kept for another try.
    expect(screen.getByText("1 perubahan belum disimpan")).toBeInTheDocument();
  });

  it("answers from the keyboard: j moves to the next question, 1 picks the first option", async () => {
    renderZi("/zi/siklus/c1/lke", routes(), { permissions: WRITE });
    const r1 = await screen.findByRole("group", { name: `Pertanyaan ${first.sourceId}` });
    r1.focus();
    fireEvent.keyDown(r1, { key: "j" });
    const r2 = row(second.sourceId!);
    await waitFor(() => expect(r2).toHaveFocus());
    fireEvent.keyDown(r2, { key: "1" });
    const firstOption = second.options[0]!;
    await waitFor(() => expect(within(r2).getAllByRole("radio")[0]).toBeChecked());
    expect(screen.getByTestId("preview-total")).toHaveTextContent(
      total({ ...savedUnit, [second.key]: second.answerType === "yes_no" ? "ya" : firstOption.code }),
    );
  });

  it("gives the TPI evaluator their own column beside the unit's, with a review filter", async () => {
    const tpiAnswers: Record<string, Answer> = {};
    // The evaluator agrees with the unit on the 3rd question of the area and has not answered the rest.
    const agreed = mp.find((e) => e.question.key in savedUnit)!;
    tpiAnswers[agreed.question.key] = savedUnit[agreed.question.key]!;
    renderZi(
      "/zi/siklus/c1/lke",
      {
        "GET /api/zi/cycles/c1": {
          body: detailOf({
            cycle: { stage: "tpi_review" },
            answers: { unit: savedUnit, tpi: tpiAnswers },
            editable: ["tpi"],
            leadingColumn: "tpi",
          }),
        },
        "GET /api/zi/cycles/c1/worksheet": {
          body: worksheetOf({
            stage: "tpi_review",
            answers: { unit: savedUnit, tpi: tpiAnswers },
            editable: ["tpi"],
            canLinkEvidence: false,
          }),
        },
      },
      { permissions: ["zi.cycle.read", "zi.tpi.evaluate"] },
    );
    expect(await screen.findByText("Anda mengisi kolom Tim Penilai Internal (TPI)")).toBeInTheDocument();
    const r = row(agreed.question.sourceId!);
    expect(
      within(r).getByRole("radiogroup", { name: `Jawaban TPI untuk ${agreed.question.sourceId}` }),
    ).toBeInTheDocument();
    // The unit's answer is shown read-only beside it.
    expect(r.querySelector('[data-column="unit"]')).toHaveTextContent(/poin/);
    expect(screen.getAllByRole("group", { name: /^Pertanyaan / })).toHaveLength(mp.length);

    await userEvent.setup().click(screen.getByRole("switch", { name: /Tinjau/ }));
    const shown = screen.getAllByRole("group", { name: /^Pertanyaan / });
    expect(shown).toHaveLength(mp.length - 1);
    expect(
      screen.queryByRole("group", { name: `Pertanyaan ${agreed.question.sourceId}` }),
    ).not.toBeInTheDocument();
  });

  it("shows the row-by-row report of a refused import", async () => {
    renderZi(
      "/zi/siklus/c1/lke",
      routes({
        "POST /api/zi/cycles/c1/import/unit": {
          status: 400,
          body: envelope("ZI_IMPORT_INVALID", "Berkas impor berisi kesalahan; tidak ada yang diterapkan.", {
            errors: [
              { row: 12, question: second.key, column: "Jawaban", message: "Jawaban 'F' tidak dikenal" },
            ],
          }),
        },
      }),
      { permissions: WRITE },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Impor XLSX" }));
    const dialog = await screen.findByRole("dialog");
    const file = new File(["x"], "lke.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, file);
    await user.click(within(dialog).getByRole("button", { name: "Impor" }));
    expect(await within(dialog).findByText("Impor ditolak: 1 baris bermasalah")).toBeInTheDocument();
    expect(within(dialog).getByText("Jawaban 'F' tidak dikenal")).toBeInTheDocument();
    expect(within(dialog).getByText(second.key)).toBeInTheDocument();
  });

  it("uploads evidence for a question (unitId first, then the file) and links a file of the cycle to another", async () => {
    const sk = { id: "f1", name: "SK Tim ZI.pdf", mime: "application/pdf", sizeBytes: 20480 };
    const { calls } = renderZi(
      "/zi/siklus/c1/lke",
      routes(
        {
          "POST /api/files": {
            status: 201,
            body: {
              id: "f2",
              unitId: "bekasi",
              sizeBytes: 3,
              mime: "application/pdf",
              extension: "pdf",
              originalName: "notulen.pdf",
              createdAt: "2026-03-02T01:00:00.000Z",
            },
          },
          "POST /api/zi/cycles/c1/evidence": { status: 201, body: { linked: 1 } },
        },
        { evidence: { [first.key]: [sk] } },
      ),
      { permissions: WRITE },
    );
    const user = userEvent.setup();
    const r1 = await screen.findByRole("group", { name: `Pertanyaan ${first.sourceId}` });
    expect(within(r1).getByRole("link", { name: "Unduh SK Tim ZI.pdf" })).toHaveAttribute(
      "href",
      "/api/files/f1/download",
    );
    const r2 = row(second.sourceId!);
    expect(within(r2).getByText("Belum ada data dukung")).toBeInTheDocument();

    await user.upload(
      r2.querySelector('input[type="file"]') as HTMLInputElement,
      new File(["pdf"], "notulen.pdf", { type: "application/pdf" }),
    );
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/zi/cycles/c1/evidence")).toHaveLength(1));
    const upload = calls.find((c) => c.path === "/api/files")!;
    const form = upload.body as FormData;
    expect([...form.keys()]).toEqual(["unitId", "file"]);
    expect(form.get("unitId")).toBe("bekasi");
    expect(upload.headers.get("x-csrf-token")).toBe("csrf-zi");
    expect(calls.find((c) => c.path === "/api/zi/cycles/c1/evidence")!.body).toEqual({
      fileId: "f2",
      questionKeys: [second.key],
    });

    await user.click(within(r2).getByRole("combobox", { name: "Tautkan berkas yang sudah diunggah" }));
    await user.click(await screen.findByRole("option", { name: "SK Tim ZI.pdf" }));
    await user.click(within(r2).getByRole("button", { name: "Tautkan" }));
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/zi/cycles/c1/evidence")).toHaveLength(2));
    expect(calls.filter((c) => c.path === "/api/zi/cycles/c1/evidence")[1]!.body).toEqual({
      fileId: "f1",
      questionKeys: [second.key],
    });
  });
});
