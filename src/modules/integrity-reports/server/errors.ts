import type { ErrorCatalogue } from "../../../kernel/http/errors";
import { integrityErrors } from "../domain/errors";

/** The module's error codes (all defined with the domain rules). */
export const integrityServerErrors: ErrorCatalogue = { ...integrityErrors };
