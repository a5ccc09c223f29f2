// GET /staff/rounds/:roundId/applicants.csv — the round's applicants for Excel (own only).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { applicantsCsv } from "~/routes-support/jobs-applicants.server";

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  applicantsCsv(request, context, { roundId: params.roundId ?? "" });
