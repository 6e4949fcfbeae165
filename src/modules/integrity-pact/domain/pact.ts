/**
 * The integrity pact's rules (pakta integritas, PermenPAN-RB 52/2014 as amended by 90/2021: at the
 * pencanangan every employee of the unit signs it). Pure: the clock arrives as an argument.
 *
 * Who must sign ("unit staff"): every active user holding a role AT the unit (not at a parent or a
 * child) whose role grants `pact.sign`. The built-in staff roles grant it; administrators and the
 * evaluators (TPI, TPN) do not — they are assigned to a unit to evaluate it, not to work in it.
 */
import { DomainError } from "../../../kernel/http/errors";
import { sha256Hex } from "./sha256";

export const PACT_PERMISSIONS = {
  read: "pact.read",
  manage: "pact.round.manage",
  sign: "pact.sign",
} as const;

/** Built-in roles that are staff of the unit they are assigned at (they sign the pact). */
export const STAFF_ROLES = [
  "head",
  "zi_coordinator",
  "zi_member",
  "change_agent",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "media_officer",
] as const;

export type RoundStatus = "scheduled" | "open" | "closed";

export const TITLE_MAX = 200;
export const BODY_MIN = 40;
export const BODY_MAX = 20_000;

/** What the signer ticks; stored with each signature, printed on its PDF. */
export const STATEMENT =
  "Saya telah membaca dan menyetujui Pakta Integritas ini serta bersedia melaksanakannya dengan penuh tanggung jawab.";
export const STATEMENT_EN =
  "I have read and agree to this Integrity Pact and am willing to carry it out responsibly.";

/**
 * The pact's wording as it is kept and hashed: line breaks as "\n", no trailing spaces on a line, no
 * blank lines or spaces at either end. What is stored is exactly what every signer is shown.
 */
export function normalizePactText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/^\s+/, "")
    .replace(/\s+$/, "");
}

/** SHA-256 (hex) of the text exactly as shown: the fingerprint every signature carries. */
export function pactTextHash(text: string): string {
  return sha256Hex(text);
}

/**
 * The default wording, after the pakta integritas of the ZI guidelines (PermenPAN-RB 52/2014, the
 * statement every employee signs at the pencanangan). Heads edit it before opening a round.
 */
export function defaultPactText(unitName: string): string {
  return normalizePactText(`PAKTA INTEGRITAS

Saya yang bertanda tangan di bawah ini, sebagai pegawai ${unitName}, dalam rangka pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM), dengan ini menyatakan bahwa saya:

1. Berperan secara proaktif dalam upaya pencegahan dan pemberantasan korupsi, kolusi, dan nepotisme, serta tidak melibatkan diri dalam perbuatan tercela;
2. Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;
3. Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;
4. Menghindari pertentangan kepentingan (conflict of interest) dalam pelaksanaan tugas;
5. Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan tugas, terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai di lingkungan kerja saya secara konsisten;
6. Akan menyampaikan informasi penyimpangan integritas di ${unitName} serta turut menjaga kerahasiaan saksi atas pelanggaran peraturan yang dilaporkannya;
7. Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya sesuai dengan ketentuan peraturan perundang-undangan.`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export interface RoundDates {
  /** Stored state: "closed" once the head closed it. */
  status: "open" | "closed";
  opensOn: string;
  closesOn: string | null;
}

/** The round as people experience it today: not yet open, open, or closed (by hand or by date). */
export function roundStatus(r: RoundDates, today: string): RoundStatus {
  if (r.status === "closed") return "closed";
  if (r.closesOn !== null && today > r.closesOn) return "closed";
  if (today < r.opensOn) return "scheduled";
  return "open";
}

export interface NewRoundInput {
  title: string;
  body: string;
  opensOn: string;
  closesOn: string | null;
}

/** Check a round before it is opened; returns it with the text normalised. */
export function validateNewRound(input: NewRoundInput, today: string): NewRoundInput {
  const title = input.title.trim();
  const body = normalizePactText(input.body);
  if (title.length < 3 || title.length > TITLE_MAX)
    throw new DomainError("PACT_TITLE_INVALID", { min: 3, max: TITLE_MAX });
  if (body.length < BODY_MIN || body.length > BODY_MAX)
    throw new DomainError("PACT_TEXT_LENGTH", { min: BODY_MIN, max: BODY_MAX, length: body.length });
  if (!isCalendarDate(input.opensOn)) throw new DomainError("PACT_DATE_INVALID", { field: "opensOn" });
  if (input.closesOn !== null) {
    if (!isCalendarDate(input.closesOn)) throw new DomainError("PACT_DATE_INVALID", { field: "closesOn" });
    if (input.closesOn < input.opensOn)
      throw new DomainError("PACT_CLOSES_BEFORE_OPENS", { opensOn: input.opensOn, closesOn: input.closesOn });
    if (input.closesOn < today)
      throw new DomainError("PACT_CLOSES_IN_PAST", { closesOn: input.closesOn, today });
  }
  return { title, body, opensOn: input.opensOn, closesOn: input.closesOn };
}

export interface SignAttempt {
  round: RoundDates & { textHash: string };
  today: string;
  /** Is the signer staff of the round's unit (see the module comment)? */
  isStaff: boolean;
  /** The hash of the text the signer's screen displayed. */
  textHash: string;
  /** The statement checkbox. */
  agree: boolean;
}

/**
 * May this person sign now? Throws the first reason not to, in the order a person fixes them: not
 * theirs to sign, statement not ticked, round not open, text changed under them.
 */
export function checkSign(a: SignAttempt): void {
  if (!a.isStaff) throw new DomainError("PACT_NOT_UNIT_STAFF");
  if (!a.agree) throw new DomainError("PACT_STATEMENT_REQUIRED");
  const status = roundStatus(a.round, a.today);
  if (status === "closed") throw new DomainError("PACT_ROUND_CLOSED");
  if (status === "scheduled") throw new DomainError("PACT_ROUND_NOT_STARTED", { opensOn: a.round.opensOn });
  if (a.textHash.toLowerCase() !== a.round.textHash)
    throw new DomainError("PACT_TEXT_MISMATCH", { expected: a.round.textHash.slice(0, 12) });
}

export interface Completion {
  signed: number;
  total: number;
  /**
   * Signed share of the staff, 0–100, from the counts. Rounded DOWN to two decimals, so 100 means
   * every one of them signed (99.995% is never shown as 100%). 0 when the unit has no staff.
   */
  percent: number;
}

/** Completion over the current staff: signatures by people who left the unit do not count. */
export function completion(staffIds: Iterable<string>, signedIds: Iterable<string>): Completion {
  const staff = new Set(staffIds);
  const signedSet = new Set(signedIds);
  let signed = 0;
  for (const id of staff) if (signedSet.has(id)) signed++;
  const total = staff.size;
  const percent = total === 0 ? 0 : Math.floor((signed * 10_000) / total) / 100;
  return { signed, total, percent };
}

/**
 * A signature's verification code: the first 20 hex digits of SHA-256 over its facts, in groups of
 * five ("3F2A9-…"). Anyone holding the record can recompute it; printed on the signed pact's PDF.
 */
export function verificationCode(s: {
  roundId: string;
  userId: string;
  signedAt: string;
  textHash: string;
}): string {
  const hex = sha256Hex(`${s.roundId}|${s.userId}|${s.signedAt}|${s.textHash}`).slice(0, 20).toUpperCase();
  return hex.match(/.{5}/g)!.join("-");
}

/** One reminder per round, person and Jakarta day: the outbox drops a second one with this key. */
export function reminderKey(roundId: string, userId: string, day: string): string {
  return `pact.reminder:${roundId}:${userId}:${day}`;
}
