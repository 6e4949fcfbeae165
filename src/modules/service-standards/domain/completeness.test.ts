import { describe, expect, it } from "vitest";
import { componentFilled, missingComponents, serviceCompleteness, unitCompleteness } from "./completeness";
import { EMPTY_CONTENT, INTERNAL_COMPONENTS, PUBLIC_COMPONENTS, type StandardContent } from "./model";

const full: StandardContent = {
  requirements: ["Surat permohonan"],
  procedure: ["Ajukan", "Proses"],
  time: { value: 5, unit: "working_days", note: "" },
  cost: { kind: "free", amountIdr: null, note: "", legalBasis: "" },
  products: ["Surat"],
  complaints: "SP4N-LAPOR!",
  legalBasis: ["PMK 122/2023"],
  facilities: "Ruang layanan",
  competence: "Bersertifikat",
  supervision: "Atasan langsung",
  staffCount: 3,
  serviceGuarantee: "Sesuai standar",
  securityGuarantee: "Bebas pungli",
  evaluation: "Triwulanan",
};

describe("missingComponents", () => {
  it("an empty standard misses all 14 components", () => {
    const m = missingComponents(EMPTY_CONTENT);
    expect(m.public).toEqual([...PUBLIC_COMPONENTS]);
    expect(m.internal).toEqual([...INTERNAL_COMPONENTS]);
  });
  it("a full standard misses nothing", () => {
    expect(missingComponents(full)).toEqual({ public: [], internal: [] });
  });
  it("blank strings and lists of blanks do not count", () => {
    const m = missingComponents({ ...full, requirements: ["  "], complaints: " \n", staffCount: 0 });
    expect(m.public).toEqual(["requirements", "complaints"]);
    expect(m.internal).toEqual(["staffCount"]);
  });
  it.each([
    [{ kind: "free", amountIdr: null, note: "", legalBasis: "" }, true],
    [{ kind: "fixed", amountIdr: 50_000, note: "", legalBasis: "PP 62/2020" }, true],
    [{ kind: "fixed", amountIdr: 50_000, note: "", legalBasis: "" }, false],
    [{ kind: "fixed", amountIdr: null, note: "", legalBasis: "PP 62/2020" }, false],
    [{ kind: "variable", amountIdr: null, note: "0,5% dari harga lelang", legalBasis: "PP 62/2020" }, true],
    [{ kind: "variable", amountIdr: null, note: "", legalBasis: "PP 62/2020" }, false],
  ] as const)("cost %j filled: %s", (cost, ok) => {
    expect(componentFilled({ ...full, cost: { ...cost } }, "cost")).toBe(ok);
  });
});

describe("serviceCompleteness", () => {
  const facts = {
    serviceId: "s",
    active: true,
    current: full,
    draft: null,
    currentHasDecreeFile: true,
    sopCount: 1,
  };
  it("complete when in force, all components, decree file and an SOP", () => {
    expect(serviceCompleteness(facts)).toMatchObject({ failing: [], complete: true });
  });
  it("without a version in force, judges the draft's components", () => {
    const c = serviceCompleteness({ ...facts, current: null, draft: { ...full, products: [] }, sopCount: 0 });
    expect(c.failing).toEqual(["standard_in_force", "public_components", "sop"]);
    expect(c.missing.public).toEqual(["products"]);
  });
  it("nothing at all: every component missing", () => {
    const c = serviceCompleteness({ ...facts, current: null, currentHasDecreeFile: false });
    expect(c.missing.public).toHaveLength(6);
    expect(c.missing.internal).toHaveLength(8);
    expect(c.failing).not.toContain("decree_file");
  });
  it("flags a version in force without its scanned decree", () => {
    expect(serviceCompleteness({ ...facts, currentHasDecreeFile: false }).failing).toEqual(["decree_file"]);
  });
});

describe("unitCompleteness", () => {
  const service = (id: string, current: StandardContent | null, active = true) => ({
    serviceId: id,
    active,
    current,
    draft: null,
    currentHasDecreeFile: true,
    sopCount: 1,
  });
  const base = {
    services: [service("a", full), service("b", full)],
    pledgeInForce: true,
    pledgeHasFile: true,
    publishedFacilities: 2,
    facilitiesWithPhotos: 2,
    contactFilled: true,
  };
  it("complete office", () => {
    const u = unitCompleteness(base);
    expect(u.complete).toBe(true);
    expect(u).toMatchObject({ standardised: 2, activeServices: 2 });
  });
  it("one service without a standard fails 'all services standardised'; inactive services are ignored", () => {
    const u = unitCompleteness({
      ...base,
      services: [service("a", full), service("b", null), service("c", null, false)],
    });
    expect(u.checks.find((c) => c.key === "all_services_standardised")?.ok).toBe(false);
    expect(u.services.map((s) => s.serviceId)).toEqual(["a", "b"]);
    expect(u.standardised).toBe(1);
    expect(u.complete).toBe(false);
  });
  it("no services, no pledge, no facilities", () => {
    const u = unitCompleteness({
      services: [],
      pledgeInForce: false,
      pledgeHasFile: true,
      publishedFacilities: 0,
      facilitiesWithPhotos: 0,
      contactFilled: false,
    });
    expect(u.checks.filter((c) => c.ok)).toEqual([]);
  });
  it("a facility without a photo fails the photo check", () => {
    const u = unitCompleteness({ ...base, facilitiesWithPhotos: 1 });
    expect(u.checks.filter((c) => !c.ok).map((c) => c.key)).toEqual(["facility_photos"]);
  });
});
