// `npm run bench:zi`: only the Zona Integritas part of the bench.
import { ziBench } from "./zi";

process.exit(await ziBench());
