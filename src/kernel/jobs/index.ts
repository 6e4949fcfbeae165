export { jobsMigrations } from "./migrations";
export {
  decodeJobRun,
  isUniqueViolation,
  type JobDef,
  type JobRun,
  type JobRunStatus,
  pruneJobRuns,
  Scheduler,
  type SchedulerOptions,
  slotStart,
  type TickOutcome,
} from "./scheduler";
