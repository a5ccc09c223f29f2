// axe-core over the pages of residents, staff and the administrator (see accessibility-support.ts).
import { axeOnEveryPage } from "./accessibility-support";

axeOnEveryPage(["resident", "youth staff", "labor staff", "postings staff", "admin"], "either");
