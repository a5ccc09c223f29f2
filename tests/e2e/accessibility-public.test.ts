// axe-core over the public pages, as a visitor sees them (see accessibility-support.ts).
import { axeOnEveryPage } from "./accessibility-support";

axeOnEveryPage(["visitor"], "sqlite");
