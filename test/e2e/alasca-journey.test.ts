import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/server/runtime";
import { browserAvailability, ensureWebBuilt, launch, startZona } from "./browser";

const availability = browserAvailability();
if (!availability.run) console.log(availability.reason);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "id-ID" };
// A one-page PDF is enough for the requirement checks (type sniffed from the bytes).
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n" +
    "trailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n",
);

async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target),
  }));
}

/** A staff member's API session (cookie + CSRF token) for the back-office steps. */
async function staffApi(ctx: BrowserContext, url: string, email: string) {
  const page = await ctx.newPage();
  await page.goto(`${url}/masuk`);
  await page.getByLabel("Alamat e-mail").fill(email);
  await page.getByLabel(/^Kata sandi/).fill("Demo-Zona-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.getByRole("navigation", { name: "Navigasi utama" }).waitFor();
  const req: APIRequestContext = page.request;
  const me = await (await req.get(`${url}/api/me`)).json();
  const headers = { "x-csrf-token": me.csrfToken as string };
  return {
    get: async (path: string) => (await req.get(`${url}${path}`)).json(),
    post: async (path: string, data: unknown) => {
      const r = await req.post(`${url}${path}`, { data, headers });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
  };
}

describe.runIf(availability.run)(
  "ALASCA: an auction winner asks for the kutipan on a phone (browser)",
  () => {
    let zona: Running;
    let browser: Browser;

    beforeAll(async () => {
      ensureWebBuilt();
      zona = await startZona();
      browser = await launch();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await zona?.close();
    });

    it("asks for a kutipan risalah lelang, uploads documents, tracks it hour by hour, sees it completed and verifies the PDF", async () => {
      const desk = await browser.newContext({ locale: "id-ID" });
      const treasurer = await staffApi(desk, zona.url, "bendahara@zona.demo");
      const units = (await treasurer.get("/api/me/units")).items as Array<{ id: string; code: string }>;
      const bekasi = units.find((u) => u.code === "KPKNL-BEKASI")!;
      // The treasurer has recorded full payment of this lot (the kutipan is released only after it).
      const auctionRef = "231/07/2026";
      await treasurer.post("/api/requests/payments", {
        unitId: bekasi.id,
        auctionRef,
        buyerName: "Dewi Lestari",
        objectDescription: "Toyota Avanza 2019, B 1234 XYZ",
        amount: 128_500_000,
        paidInFull: true,
        paidAt: "2026-07-20",
        landOrBuilding: false,
      });

      const phone = await (await browser.newContext(PHONE)).newPage();
      const pageErrors: string[] = [];
      phone.on("pageerror", (e) => pageErrors.push(e.message));

      // 1. the unit's post-auction services; pick the kutipan
      await phone.goto(`${zona.url}/layanan-lelang/KPKNL-BEKASI`);
      await phone.getByRole("link", { name: "Ajukan permohonan Kutipan Risalah Lelang" }).click();
      await phone.getByRole("button", { name: "Lanjut sebagai tamu" }).click();
      expect(await violations(phone)).toEqual([]);

      // 2. the form: fields and documents
      await phone.getByLabel("Nama lengkap").fill("Dewi Lestari");
      await phone.getByLabel("E-mail").fill("dewi.lestari@contoh.id");
      await phone.getByLabel("Nomor risalah lelang").fill(auctionRef);
      await phone.getByLabel("Tanggal lelang").fill("2026-07-15");
      await phone.getByLabel("Uraian objek").fill("Toyota Avanza 2019, B 1234 XYZ");
      await phone.getByLabel("NIK pembeli").fill("3275014502850002");
      await phone.getByLabel("Jenis objek lelang").selectOption("vehicle");
      for (const key of ["identity_card", "payment_receipt"]) {
        await phone
          .locator(`[data-err="documents.${key}"] input[type=file]`)
          .setInputFiles({ name: `${key}.pdf`, mimeType: "application/pdf", buffer: PDF });
      }
      await expect.poll(() => phone.getByText("· terunggah").count(), { timeout: 20_000 }).toBe(2);
      await phone.getByRole("button", { name: "Kirim permohonan" }).click();

      // 3. the receipt: number and secret, shown once
      await phone.getByRole("heading", { name: "Permohonan terkirim" }).waitFor();
      const number = ((await phone.getByTestId("receipt-number").textContent()) ?? "").trim();
      const secret = ((await phone.getByTestId("receipt-secret").textContent()) ?? "").trim();
      expect(number).toMatch(/^ALC-/);
      expect(secret.length).toBeGreaterThanOrEqual(16);

      // 4. tracking: the working-time clock
      await phone.getByRole("link", { name: "Lacak permohonan ini" }).click();
      await expect
        .poll(async () => ((await phone.getByTestId("sla-remaining").textContent()) ?? "").trim(), {
          timeout: 20_000,
        })
        .toMatch(/^sisa waktu .*kerja/);
      expect(await violations(phone)).toEqual([]);

      // 5. the service officer accepts and completes it, producing the PDF
      const officer = await staffApi(desk, zona.url, "layanan@zona.demo");
      const inbox = (await officer.get(`/api/requests?unitId=${bekasi.id}`)).items as Array<{
        id: string;
        number: string;
      }>;
      const mine = inbox.find((i) => i.number === number);
      expect(mine, "the request is in the office's inbox").toBeTruthy();
      let detail = await officer.get(`/api/requests/${mine!.id}`);
      expect(detail.state).toBe("submitted");
      await officer.post(`/api/requests/${mine!.id}/transition`, {
        command: "accept",
        version: detail.version,
      });
      detail = await officer.get(`/api/requests/${mine!.id}`);
      await officer.post(`/api/requests/${mine!.id}/transition`, {
        command: "complete",
        version: detail.version,
      });

      // 6. the requester sees it completed, downloads and verifies the document
      await phone.goto(`${zona.url}/lacak-layanan`);
      await phone.getByLabel("Nomor permohonan").fill(number);
      await phone.getByLabel("Kode rahasia").fill(secret);
      await phone.getByRole("button", { name: "Lacak" }).click();
      await phone.getByText("Dokumen Anda sudah terbit").waitFor();
      const download = phone.waitForEvent("download");
      await phone.getByRole("button", { name: "Unduh dokumen (PDF)" }).click();
      const file = await download;
      const saved = await file.path();
      expect(saved).toBeTruthy();
      const { readFileSync } = await import("node:fs");
      const bytes = readFileSync(saved!);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

      await phone.getByRole("link", { name: "Periksa keaslian dokumen" }).click();
      await phone.waitForURL(/\/verifikasi\//);
      const { createHash } = await import("node:crypto");
      const hash = createHash("sha256").update(bytes).digest("hex");
      await expect.poll(() => phone.getByText(hash).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => phone.getByText("Dewi Lestari").count()).toBe(0); // no personal data
      expect(await violations(phone)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  },
);
