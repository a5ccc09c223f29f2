import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "jobs");

export default function Page() {
  return <ComingSoon service="jobs" />;
}
