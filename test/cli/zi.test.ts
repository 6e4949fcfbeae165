/**
 * `zona rubric list|show` and `zona compute lke`, driven end to end through the real CLI
 * (`node bin/zona.mjs …`). These commands need no database; each test writes its answer files into
 * its own temporary directory. docs/cli.md describes the same contract.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(REPO, "bin", "zona.mjs");
const SLOW = 120_000;
const LKE = "permenpanrb-90-2021";
const ANSWER_TYPES = ["yes_no", "abc", "abcd", "abcde", "counts", "survey_index"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const dir = mkdtempSync(join(tmpdir(), "zona-cli-zi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A clean environment (no DATABASE_URL, LANG… from the developer): the commands must not need one. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  const e: Record<string, string> = { TZ: "UTC", ...extra };
  for (const k of ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT"])
    if (process.env[k]) e[k] = process.env[k]!;
  return e;
}

function zona(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: env(extraEnv) });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

let fileNo = 0;
/** Write an answer file (an object is serialised; a string is written as is) and return its path. */
function answerFile(content: unknown): string {
  const path = join(dir, `answers-${++fileNo}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function expectOk(r: Run) {
  expect(r.code, `exit code; stderr:\n${r.stderr}`).toBe(0);
  expect(r.stderr).toBe("");
}

/** A refusal: exit 2, nothing on stdout, one `error: …` line on stderr. */
function expectRefused(r: Run, ...patterns: RegExp[]) {
  expect(r.code, `expected exit 2; stdout:\n${r.stdout}`).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  for (const p of patterns) expect(r.stderr).toMatch(p);
}

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);

interface Tree {
  id: string;
  title: string;
  components: Array<{
    key: string;
    name: string;
    weight: number;
    areas: Array<{
      key: string;
      name: string;
      weight: number;
      subpillars: Array<{
        key: string;
        name: string;
        weight: number;
        questions: Array<{ key: string; text: string; answerType: string }>;
      }>;
    }>;
  }>;
}

interface Computed {
  total: number;
  pengungkit: number;
  pemenuhan: number | null;
  reform: number | null;
  hasil: number;
  areas: Array<{ key: string; name: string; weight: number; score: number }>;
  readiness: Record<
    "WBK" | "WBBM",
    {
      pass: boolean;
      gates: Array<{ key: string; threshold: number | boolean; value: number | boolean; pass: boolean }>;
    }
  >;
}

describe("zona rubric", () => {
  it(
    "list: the three editions, as JSON and as text",
    async () => {
      const [json, text] = await Promise.all([zona(["rubric", "list", "--json"]), zona(["rubric", "list"])]);
      expectOk(json);
      const list = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
      expect(list.map((r) => [r.id, r.regulation, r.status, r.questions])).toEqual([
        [LKE, "PermenPAN-RB 90/2021", "complete", 113],
        ["permenpanrb-10-2019", "PermenPAN-RB 10/2019", "partial", 0],
        ["permenpanrb-52-2014", "PermenPAN-RB 52/2014", "partial", 0],
      ]);
      for (const r of list) {
        expect(typeof r.title).toBe("string");
        expect(Object.keys(r).sort()).toEqual(
          [
            "id",
            "title",
            "regulation",
            "status",
            "questions",
            ...(r.effectiveFrom ? ["effectiveFrom"] : []),
          ].sort(),
        );
      }
      expectOk(text);
      const lines = text.stdout.trim().split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^permenpanrb-90-2021\s+PermenPAN-RB 90\/2021\s+lengkap\s+113 pertanyaan/);
    },
    SLOW,
  );

  it(
    "show --json: the tree with keys, names, weights and answer types",
    async () => {
      const r = await zona(["rubric", "show", LKE, "--json"]);
      expectOk(r);
      const tree = JSON.parse(r.stdout) as Tree;
      expect(Object.keys(tree)).toEqual(["id", "title", "components"]);
      expect(tree.id).toBe(LKE);
      expect(tree.components.map((c) => [c.key, c.weight])).toEqual([
        ["pemenuhan", 30],
        ["reform", 30],
        ["hasil", 40],
      ]);
      const questions = tree.components.flatMap((c) =>
        c.areas.flatMap((a) => a.subpillars.flatMap((s) => s.questions)),
      );
      expect(questions).toHaveLength(113);
      for (const c of tree.components) {
        expect(Object.keys(c)).toEqual(["key", "name", "weight", "areas"]);
        for (const a of c.areas) {
          expect(Object.keys(a)).toEqual(["key", "name", "weight", "subpillars"]);
          for (const s of a.subpillars) {
            expect(Object.keys(s)).toEqual(["key", "name", "weight", "questions"]);
            for (const q of s.questions) {
              expect(Object.keys(q)).toEqual(["key", "text", "answerType"]);
              expect(ANSWER_TYPES).toContain(q.answerType);
            }
          }
        }
      }
      const tim = tree.components[0]!.areas[0]!.subpillars[0]!;
      expect([tim.key, tim.weight, tim.questions.map((q) => q.answerType)]).toEqual([
        "pemenuhan.mp.tim-kerja",
        0.5,
        ["yes_no", "abc"],
      ]);
    },
    SLOW,
  );

  it(
    "show: a readable indented tree; unknown id refused",
    async () => {
      const [text, partial, unknown] = await Promise.all([
        zona(["rubric", "show", LKE]),
        zona(["rubric", "show", "permenpanrb-52-2014"]),
        zona(["rubric", "show", "permenpanrb-1-2000"]),
      ]);
      expectOk(text);
      expect(text.stdout).toMatch(/^pemenuhan {2}Pemenuhan {2}\[bobot 30\]$/m);
      expect(text.stdout).toMatch(/^ {2}pemenuhan\.mp {2}Manajemen Perubahan {2}\[bobot 4\]$/m);
      expect(text.stdout).toMatch(
        /^ {4}pemenuhan\.mp\.tim-kerja {2}Penyusunan Tim Kerja {2}\[bobot 0\.5; 2 pertanyaan\]$/m,
      );
      expect(text.stdout).toMatch(
        /^ {6}pemenuhan\.mp\.tim-kerja\.a {2}\(yes_no\) {2}Unit kerja telah membentuk tim/m,
      );
      expect(text.stdout).toMatch(/^ {6}hasil\.pelayanan-prima\.ipkp\.a {2}\(survey_index\)/m);
      expectOk(partial);
      expect(partial.stdout).toMatch(/^ {2}pengungkit\.sdm {2}.+\[bobot 15\]$/m);
      expect(partial.stdout).toMatch(/parsial/);
      expectRefused(
        unknown,
        /Unknown rubric 'permenpanrb-1-2000'/,
        /permenpanrb-90-2021/,
        /\(ZI_RUBRIC_NOT_FOUND\)$/m,
      );
    },
    SLOW,
  );
});

describe("zona compute lke", () => {
  // Hand-checked (rules-1 §1.7–§1.9):
  //   tim-kerja (0.5 over 2): Ya 0.25 + B 0.125                          = 0.375  → pemenuhan.mp
  //   komitmen-pimpinan (1, one question): {value: 0.4}                  = 0.4    → reform.mp
  //   capaian-kinerja unit (2, one question): 6 of 8 targets = 0.75 × 2  = 1.5    → reform.ak
  //   IPAK 3.60 → 15.75; capaian kinerja B → 0.75 × 5 = 3.75             = 19.5   → hasil.bersih-akuntabel
  //   IPKP 3.20 → 14                                                      = 14     → hasil.pelayanan-prima
  //   pemenuhan 0.375, reform 1.9, pengungkit 2.275, hasil 33.5, total 35.775
  const sample = {
    answers: {
      "pemenuhan.mp.tim-kerja.a": "ya",
      "pemenuhan.mp.tim-kerja.b": "B",
      "reform.mp.komitmen-pimpinan.a": { value: 0.4 },
      "reform.ak.capaian-kinerja.a": { counts: [8, 6] },
      "hasil.bersih-akuntabel.ipak.a": 3.6,
      "hasil.bersih-akuntabel.capaian-kinerja.a": "B",
      "hasil.pelayanan-prima.ipkp.a": 3.2,
    },
  };

  it(
    "--json: totals, areas and readiness, unrounded",
    async () => {
      const r = await zona(["compute", "lke", "--rubric", LKE, "--input", answerFile(sample), "--json"]);
      expectOk(r);
      const c = JSON.parse(r.stdout) as Computed;
      expect(Object.keys(c)).toEqual([
        "total",
        "pengungkit",
        "pemenuhan",
        "reform",
        "hasil",
        "areas",
        "readiness",
      ]);
      close(c.total, 35.775);
      close(c.pengungkit, 2.275);
      close(c.pemenuhan!, 0.375);
      close(c.reform!, 1.9);
      close(c.hasil, 33.5);
      expect(c.areas).toHaveLength(14);
      const area = (k: string) => c.areas.find((a) => a.key === k)!;
      expect(area("pemenuhan.mp")).toEqual({
        key: "pemenuhan.mp",
        name: "Manajemen Perubahan",
        weight: 4,
        score: 0.375,
      });
      close(area("reform.ak").score, 1.5);
      close(area("hasil.bersih-akuntabel").score, 19.5);
      close(area("hasil.pelayanan-prima").score, 14);

      const gate = (p: "WBK" | "WBBM", k: string) => c.readiness[p].gates.find((g) => g.key === k)!;
      expect(c.readiness.WBK.pass).toBe(false);
      expect(gate("WBK", "total")).toEqual({ key: "total", threshold: 75, value: 35.775, pass: false });
      // Area gates in points: 60% × 4 = 2.4 needed, 0.375 reached.
      expect(gate("WBK", "area:pemenuhan.mp")).toEqual({
        key: "area:pemenuhan.mp",
        threshold: 2.4,
        value: 0.375,
        pass: false,
      });
      expect(gate("WBBM", "area:pemenuhan.tt")).toMatchObject({ threshold: 2.625, value: 0 });
      expect(gate("WBK", "hasil.ipak")).toEqual({
        key: "hasil.ipak",
        threshold: 15.75,
        value: 15.75,
        pass: true,
      });
      expect(gate("WBK", "hasil.ipkp")).toMatchObject({ threshold: 14, value: 14, pass: true });
      expect(gate("WBBM", "hasil.ipkp")).toMatchObject({ threshold: 15.75, value: 14, pass: false });
      expect(gate("WBBM", "hasil.bersih-akuntabel")).toMatchObject({
        threshold: 19.5,
        value: 19.5,
        pass: true,
      });
      expect(gate("WBBM", "prior-wbk")).toEqual({
        key: "prior-wbk",
        threshold: true,
        value: false,
        pass: false,
      });
      expect(c.readiness.WBK.gates.some((g) => g.key === "prior-wbk")).toBe(false);
    },
    SLOW,
  );

  it(
    "text: an Indonesian summary rounded to two decimals, ✓/✗ per gate, unconfirmed gates marked",
    async () => {
      const r = await zona(["compute", "lke", "--rubric", LKE, "--input", answerFile(sample)]);
      expectOk(r);
      const out = r.stdout;
      expect(out).toMatch(/^Nilai total: 35,78 \/ 100$/m); // 35.775 rounded half up
      expect(out).toMatch(
        /^ {2}Pengungkit: 2,28 \/ 60,00 \(Pemenuhan 0,38 \/ 30,00, Reform 1,90 \/ 30,00\)$/m,
      );
      expect(out).toMatch(/^ {2}Hasil: 33,50 \/ 40,00$/m);
      expect(out).toMatch(/^ {2}pemenuhan\.mp\s+0,38 \/ 4,00 {2}Manajemen Perubahan$/m);
      expect(out).toMatch(/^ {2}WBK: BELUM MEMENUHI SYARAT$/m);
      expect(out).toMatch(
        /^ {4}✗ Nilai total \(pengungkit \+ hasil\): 35,78 < 75,00 \[belum terkonfirmasi\]$/m,
      );
      expect(out).toMatch(
        /^ {4}✓ Indeks Persepsi Anti Korupsi \(IPAK\): 15,75 ≥ 15,75 \(indeks survei 3,60\)$/m,
      );
      expect(out).toMatch(
        /^ {4}✗ Area pemenuhan\.tt Penataan Tatalaksana: 0,00 < 2,63 \(75% × bobot 3,50\)$/m,
      );
      expect(out).toMatch(/^ {4}✗ Telah mendapat predikat Menuju WBK: belum \[belum terkonfirmasi\]$/m);
      // confirmed gates carry no mark
      expect(out).not.toMatch(/IPAK.*belum terkonfirmasi/);
    },
    SLOW,
  );

  it(
    "a full worksheet scores 100; WBBM needs --prior-wbk or priorWbk in the file",
    async () => {
      const show = await zona(["rubric", "show", LKE, "--json"]);
      expectOk(show);
      const tree = JSON.parse(show.stdout) as Tree;
      const answers: Record<string, unknown> = {};
      const best: Record<string, unknown> = {
        yes_no: "Ya",
        abc: "a",
        abcd: "A",
        abcde: "A",
        survey_index: 4,
      };
      for (const c of tree.components)
        for (const a of c.areas)
          for (const s of a.subpillars)
            for (const q of s.questions)
              answers[q.key] = q.answerType === "counts" ? { value: 1 } : best[q.answerType];
      const [plain, flag, inFile] = await Promise.all([
        zona(["compute", "lke", "--rubric", LKE, "--input", answerFile({ answers }), "--json"]),
        zona([
          "compute",
          "lke",
          "--rubric",
          LKE,
          "--input",
          answerFile({ answers }),
          "--json",
          "--prior-wbk",
        ]),
        zona([
          "compute",
          "lke",
          "--rubric",
          LKE,
          "--input",
          answerFile({ answers, priorWbk: true }),
          "--json",
        ]),
      ]);
      for (const r of [plain, flag, inFile]) expectOk(r);
      const p = JSON.parse(plain.stdout) as Computed;
      expect([p.total, p.pengungkit, p.pemenuhan, p.reform, p.hasil]).toEqual([100, 60, 30, 30, 40]);
      for (const a of p.areas) expect(a.score, a.key).toBe(a.weight);
      expect(p.readiness.WBK.pass).toBe(true);
      expect(p.readiness.WBBM.pass).toBe(false);
      expect(p.readiness.WBBM.gates.filter((g) => !g.pass).map((g) => g.key)).toEqual(["prior-wbk"]);
      expect((JSON.parse(flag.stdout) as Computed).readiness.WBBM.pass).toBe(true);
      expect((JSON.parse(inFile.stdout) as Computed).readiness.WBBM.pass).toBe(true);
    },
    SLOW,
  );

  it(
    "an empty answer file on a partial rubric scores 0 (pemenuhan/reform null)",
    async () => {
      const r = await zona([
        "compute",
        "lke",
        "--rubric",
        "permenpanrb-52-2014",
        "--input",
        answerFile({ answers: {} }),
        "--json",
      ]);
      expectOk(r);
      const c = JSON.parse(r.stdout) as Computed;
      expect([c.total, c.pemenuhan, c.reform]).toEqual([0, null, null]);
      expect(c.areas.map((a) => [a.key, a.weight])).toEqual([
        ["pengungkit.mp", 5],
        ["pengungkit.tt", 5],
        ["pengungkit.sdm", 15],
        ["pengungkit.ak", 10],
        ["pengungkit.pw", 15],
        ["pengungkit.pp", 10],
        ["hasil.bersih-bebas-kkn", 20],
        ["hasil.pelayanan-publik", 20],
      ]);
    },
    SLOW,
  );

  it(
    "bad input: exit 2 with one line naming the question",
    async () => {
      const compute = (content: unknown, extraEnv?: Record<string, string>) =>
        zona(["compute", "lke", "--rubric", LKE, "--input", answerFile(content)], extraEnv);
      const [letter, unknownKey, tooMany, survey, value, shape, bahasa] = await Promise.all([
        compute({ answers: { "pemenuhan.mp.tim-kerja.b": "D" } }),
        compute({ answers: { "pemenuhan.mp.tim-kerja.z": "ya" } }),
        compute({ answers: { "reform.ak.capaian-kinerja.a": { counts: [6, 7] } } }),
        compute({ answers: { "hasil.pelayanan-prima.ipkp.a": 4.2 } }),
        compute({ answers: { "reform.mp.komitmen-pimpinan.a": { value: 1.5 } } }),
        compute({ answers: { "pemenuhan.mp.tim-kerja.a": true } }),
        compute({ answers: { "pemenuhan.mp.tim-kerja.b": "D" } }, { LANG: "id_ID.UTF-8" }),
      ]);
      expectRefused(letter, /'pemenuhan\.mp\.tim-kerja\.b'/, /"A", "B", "C"/, /\(ZI_ANSWER_INVALID\)$/m);
      expectRefused(unknownKey, /'pemenuhan\.mp\.tim-kerja\.z'/, /\(ZI_QUESTION_UNKNOWN\)$/m);
      expectRefused(
        tooMany,
        /'reform\.ak\.capaian-kinerja\.a'/,
        /\(7\).+\(6\)/,
        /\(ZI_COUNT_EXCEEDS_TOTAL\)$/m,
      );
      expectRefused(survey, /'hasil\.pelayanan-prima\.ipkp\.a'/, /between 1 and 4; got 4\.2/);
      expectRefused(value, /'reform\.mp\.komitmen-pimpinan\.a'/, /\(ZI_VALUE_OUT_OF_RANGE\)$/m);
      expectRefused(shape, /question 'pemenuhan\.mp\.tim-kerja\.a'/, /\(ZI_ANSWER_FILE_INVALID\)$/m);
      expectRefused(bahasa, /Jawaban "D" tidak sah untuk pertanyaan 'pemenuhan\.mp\.tim-kerja\.b'/);
    },
    SLOW,
  );

  it(
    "bad file: missing, not JSON, wrong shape; missing option; unknown rubric",
    async () => {
      const missing = join(dir, "no-such-file.json");
      const [noFile, notJson, noAnswers, noInput, badRubric] = await Promise.all([
        zona(["compute", "lke", "--rubric", LKE, "--input", missing]),
        zona(["compute", "lke", "--rubric", LKE, "--input", answerFile('{"answers": {')]),
        zona(["compute", "lke", "--rubric", LKE, "--input", answerFile({ jawaban: {} })]),
        zona(["compute", "lke", "--rubric", LKE]),
        zona(["compute", "lke", "--rubric", "lke-2030", "--input", answerFile({ answers: {} })]),
      ]);
      expectRefused(noFile, /cannot read .*no-such-file\.json \(ENOENT\)/, /\(ZI_ANSWER_FILE_INVALID\)$/m);
      expectRefused(notJson, /is not valid JSON/, /\(ZI_ANSWER_FILE_INVALID\)$/m);
      expectRefused(noAnswers, /answers/, /\(ZI_ANSWER_FILE_INVALID\)$/m);
      expect(noInput.code).toBe(2);
      expect(noInput.stderr).toMatch(/--input/);
      expectRefused(badRubric, /Unknown rubric 'lke-2030'/, /\(ZI_RUBRIC_NOT_FOUND\)$/m);
    },
    SLOW,
  );
});
