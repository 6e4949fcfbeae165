import type { ErrorCatalogue } from "../../../kernel/http/errors";
import { pactErrors } from "../domain/errors";

/** The module's error codes (all defined with the domain rules). */
export const pactServerErrors: ErrorCatalogue = { ...pactErrors };
