export { buildTestApp, type Session, TEST_PASSWORD, type TestApp, type TestAppOptions } from "./app";
export { type Lane, pgliteLane, postgresLane, realPostgresUrl, sqliteLane, testLanes } from "./lanes";
export { form, type Part } from "./multipart";
