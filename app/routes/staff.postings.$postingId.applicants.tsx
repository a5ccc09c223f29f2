// Applicants of a posting: review with filters, then select, waitlist or reject (within the places).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { ApplicantsPage } from "~/components/jobs/applicants";
import { applicantsAction, applicantsLoader } from "~/routes-support/jobs-applicants.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["jobs", "districts", "account"] };
export const meta: MetaFunction = (args) => pageTitle(args, "staffApplicants");

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  applicantsLoader(request, { postingId: params.postingId ?? "" });

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  applicantsAction(request, context, { postingId: params.postingId ?? "" });

export default function PostingApplicants() {
  const { postingId } = useParams();
  return (
    <ApplicantsPage
      backHref={`/staff/postings/${postingId}`}
      csvHref={`/staff/postings/${postingId}/applicants.csv`}
    />
  );
}
