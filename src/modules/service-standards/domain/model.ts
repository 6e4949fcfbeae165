/**
 * Service standards (standar pelayanan) as PermenPAN-RB 15/2014 and UU 25/2009 Pasal 21 define them:
 * fourteen components, six of which are shown to the public (the "service delivery" side) and
 * eight kept by the office (the "management" side). Pure: no I/O.
 */

export const STD_PERMISSIONS = {
  /** Edit services, standards and their versions, the pledge, SOPs, facilities; publish. */
  manage: "standards.manage",
  /** See the staff screens (every employee: front-line staff must know the standards). */
  read: "standards.read",
} as const;

/** The six components published to service users (komponen service delivery). */
export const PUBLIC_COMPONENTS = [
  "requirements",
  "procedure",
  "time",
  "cost",
  "products",
  "complaints",
] as const;
/** The eight components the office keeps for itself (komponen manufacturing). */
export const INTERNAL_COMPONENTS = [
  "legalBasis",
  "facilities",
  "competence",
  "supervision",
  "staffCount",
  "serviceGuarantee",
  "securityGuarantee",
  "evaluation",
] as const;
export type PublicComponent = (typeof PUBLIC_COMPONENTS)[number];
export type InternalComponent = (typeof INTERNAL_COMPONENTS)[number];
export type Component = PublicComponent | InternalComponent;
export const COMPONENTS: readonly Component[] = [...PUBLIC_COMPONENTS, ...INTERNAL_COMPONENTS];

/** Units a completion time is stated in. Working days/hours follow the office's calendar. */
export const TIME_UNITS = ["working_days", "working_hours", "minutes", "days"] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/**
 * Cost of a service: free ("tidak dipungut biaya"), a fixed tariff in integer rupiah, or a rate
 * that depends on the case (e.g. bea lelang as a percentage of the price, PP 62/2020) stated in words.
 */
export const COST_KINDS = ["free", "fixed", "variable"] as const;
export type CostKind = (typeof COST_KINDS)[number];

export interface StandardTime {
  value: number;
  unit: TimeUnit;
  note: string;
}

export interface StandardCost {
  kind: CostKind;
  /** Integer rupiah; set only for "fixed". */
  amountIdr: number | null;
  /** How a variable cost is computed, or any remark. */
  note: string;
  /** The regulation that sets the tariff or frees the service (e.g. "PP 62/2020 tentang PNBP"). */
  legalBasis: string;
}

/** A standard's content: the 14 components. Empty strings/lists mean "not filled in yet". */
export interface StandardContent {
  requirements: string[];
  procedure: string[];
  time: StandardTime | null;
  cost: StandardCost | null;
  products: string[];
  complaints: string;
  legalBasis: string[];
  facilities: string;
  competence: string;
  supervision: string;
  staffCount: number | null;
  serviceGuarantee: string;
  securityGuarantee: string;
  evaluation: string;
}

export const EMPTY_CONTENT: StandardContent = {
  requirements: [],
  procedure: [],
  time: null,
  cost: null,
  products: [],
  complaints: "",
  legalBasis: [],
  facilities: "",
  competence: "",
  supervision: "",
  staffCount: null,
  serviceGuarantee: "",
  securityGuarantee: "",
  evaluation: "",
};

/** The public half of a standard: what the portal shows. */
export type PublicStandard = Pick<StandardContent, PublicComponent>;

export function publicPart(c: StandardContent): PublicStandard {
  return {
    requirements: c.requirements,
    procedure: c.procedure,
    time: c.time,
    cost: c.cost,
    products: c.products,
    complaints: c.complaints,
  };
}

/** Facility kinds a KPKNL typically offers (sarana prasarana pelayanan, incl. for people with disabilities). */
export const FACILITY_KINDS = [
  "priority_parking",
  "disability_toilet",
  "nursing_room",
  "prayer_room",
  "honesty_canteen",
  "e_auction_corner",
  "waiting_room",
  "children_play_area",
  "wheelchair",
  "guiding_block",
  "information_kiosk",
  "other",
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Accessibility flags a facility can carry. */
export const ACCESSIBILITY_FLAGS = [
  "wheelchair_accessible",
  "ramp",
  "handrail",
  "braille",
  "priority_for_elderly",
  "priority_for_pregnant",
  "step_free",
] as const;
export type AccessibilityFlag = (typeof ACCESSIBILITY_FLAGS)[number];

/** The name the LKE worksheet sees for records of this module. */
export const EVIDENCE_MODULE = "service-standards";
export const EVIDENCE_TYPES = { service: "service", pledge: "pledge", facilities: "facilities" } as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

/** LKE 90/2021 questions these records usually prove (suggested first in the picker). */
export const SUGGESTED_QUESTION_KEYS = [
  "pemenuhan.pp.standar-pelayanan.a",
  "pemenuhan.pp.standar-pelayanan.b",
  "pemenuhan.pp.standar-pelayanan.c",
  "pemenuhan.pp.standar-pelayanan.d",
  "pemenuhan.pp.budaya-pelayanan-prima.b",
  "pemenuhan.pp.budaya-pelayanan-prima.e",
] as const;
