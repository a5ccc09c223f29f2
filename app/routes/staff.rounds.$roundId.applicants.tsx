// Applicants of a public-work round: each is selected or waitlisted for one of their preferred
// sites (that site's places are the quota), or rejected.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { ApplicantsPage } from "~/components/jobs/applicants";
import { applicantsAction, applicantsLoader } from "~/routes-support/jobs-applicants.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["jobs", "districts", "account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffApplicants");

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  applicantsLoader(request, { roundId: params.roundId ?? "" });

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  applicantsAction(request, context, { roundId: params.roundId ?? "" });

export default function RoundApplicants() {
  const { roundId } = useParams();
  return (
    <ApplicantsPage
      backHref={`/staff/rounds/${roundId}`}
      csvHref={`/staff/rounds/${roundId}/applicants.csv`}
    />
  );
}
