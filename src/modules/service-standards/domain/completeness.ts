/**
 * Which components of a standard are still missing, and the unit-level checklist the LKE asks
 * about (pemenuhan.pp.standar-pelayanan a–d): a standard set for every service type, declared in a
 * pledge (maklumat) and published.
 */
import {
  type Component,
  INTERNAL_COMPONENTS,
  type InternalComponent,
  PUBLIC_COMPONENTS,
  type PublicComponent,
  type StandardContent,
} from "./model";

const filled = (s: string) => s.trim().length > 0;
const filledList = (l: readonly string[]) => l.some(filled);

/** Is one component of the content filled in well enough to publish? */
export function componentFilled(c: StandardContent, k: Component): boolean {
  switch (k) {
    case "requirements":
      return filledList(c.requirements);
    case "procedure":
      return filledList(c.procedure);
    case "time":
      return c.time !== null && Number.isInteger(c.time.value) && c.time.value > 0;
    case "cost":
      if (!c.cost) return false;
      if (c.cost.kind === "fixed")
        return c.cost.amountIdr !== null && c.cost.amountIdr > 0 && filled(c.cost.legalBasis);
      if (c.cost.kind === "variable") return filled(c.cost.note) && filled(c.cost.legalBasis);
      return true;
    case "products":
      return filledList(c.products);
    case "complaints":
      return filled(c.complaints);
    case "legalBasis":
      return filledList(c.legalBasis);
    case "staffCount":
      return c.staffCount !== null && c.staffCount > 0;
    default:
      return filled(c[k]);
  }
}

export interface MissingComponents {
  public: PublicComponent[];
  internal: InternalComponent[];
}

export function missingComponents(c: StandardContent): MissingComponents {
  return {
    public: PUBLIC_COMPONENTS.filter((k) => !componentFilled(c, k)),
    internal: INTERNAL_COMPONENTS.filter((k) => !componentFilled(c, k)),
  };
}

export interface ServiceFacts {
  serviceId: string;
  active: boolean;
  /** Content of the version in force today, or null when none is. */
  current: StandardContent | null;
  /** Content of the newest draft, if any. */
  draft: StandardContent | null;
  currentHasDecreeFile: boolean;
  sopCount: number;
}

export type ServiceCheck =
  | "standard_in_force"
  | "public_components"
  | "internal_components"
  | "decree_file"
  | "sop";

export interface ServiceCompleteness {
  serviceId: string;
  /** Checks that fail, in a fixed order. */
  failing: ServiceCheck[];
  /** Components missing from the version in force (or, when none is, from the draft). */
  missing: MissingComponents;
  complete: boolean;
}

export function serviceCompleteness(f: ServiceFacts): ServiceCompleteness {
  const content = f.current ?? f.draft;
  const missing = content
    ? missingComponents(content)
    : { public: [...PUBLIC_COMPONENTS], internal: [...INTERNAL_COMPONENTS] };
  const failing: ServiceCheck[] = [];
  if (!f.current) failing.push("standard_in_force");
  if (missing.public.length) failing.push("public_components");
  if (missing.internal.length) failing.push("internal_components");
  if (f.current && !f.currentHasDecreeFile) failing.push("decree_file");
  if (f.sopCount === 0) failing.push("sop");
  return { serviceId: f.serviceId, failing, missing, complete: failing.length === 0 };
}

export interface UnitFacts {
  services: ServiceFacts[];
  pledgeInForce: boolean;
  pledgeHasFile: boolean;
  publishedFacilities: number;
  facilitiesWithPhotos: number;
  contactFilled: boolean;
}

export type UnitCheck =
  | "services_defined"
  | "all_services_standardised"
  | "pledge_in_force"
  | "pledge_file"
  | "facilities_published"
  | "facility_photos"
  | "contact";

export interface UnitCompleteness {
  services: ServiceCompleteness[];
  checks: Array<{ key: UnitCheck; ok: boolean }>;
  /** Active services with a standard in force / active services. */
  standardised: number;
  activeServices: number;
  complete: boolean;
}

export function unitCompleteness(u: UnitFacts): UnitCompleteness {
  const active = u.services.filter((s) => s.active);
  const services = active.map(serviceCompleteness);
  const standardised = active.filter((s) => s.current !== null).length;
  const checks: UnitCompleteness["checks"] = [
    { key: "services_defined", ok: active.length > 0 },
    { key: "all_services_standardised", ok: active.length > 0 && standardised === active.length },
    { key: "pledge_in_force", ok: u.pledgeInForce },
    { key: "pledge_file", ok: u.pledgeInForce && u.pledgeHasFile },
    { key: "facilities_published", ok: u.publishedFacilities > 0 },
    {
      key: "facility_photos",
      ok: u.publishedFacilities > 0 && u.facilitiesWithPhotos === u.publishedFacilities,
    },
    { key: "contact", ok: u.contactFilled },
  ];
  return {
    services,
    checks,
    standardised,
    activeServices: active.length,
    complete: checks.every((c) => c.ok) && services.every((s) => s.complete),
  };
}
