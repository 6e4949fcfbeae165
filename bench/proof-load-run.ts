// `node bin/tsx.mjs bench/proof-load-run.ts`: only the proof loads of `npm run bench` (bench/proof-load.ts).
import { proofLoadBench } from "./proof-load";

process.exit(await proofLoadBench());
