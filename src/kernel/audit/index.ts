export { type AuditEntry, AuditLog, type AuditQuery, auditMigrations, decodeEvent } from "./audit";
export { type AuditEvent, canonical, GENESIS, hashEvent, type VerifyResult, verifier } from "./chain";
