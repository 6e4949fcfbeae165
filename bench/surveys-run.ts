// Only the surveys part of the bench: `node bin/tsx.mjs bench/surveys-run.ts`.
import { surveysBench } from "./surveys";

process.exit(await surveysBench());
