import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceDetails } from "~/components/places/place-details";
import { loadPlacePage } from "~/routes-support/places.server";
import { pageTitle } from "~/utils/meta";

/** The Youth Job Center's place in the seed (prisma/seed/places.ts). */
const YOUTH_CENTER_SLUG = "youth-job-center";

export const handle = { i18n: ["places", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "youthCenter");

export const loader = ({ request }: LoaderFunctionArgs) =>
  loadPlacePage(request, YOUTH_CENTER_SLUG);

export default function YouthCenterPage() {
  const { t } = useTranslation("places");
  const { place, editHref } = useLoaderData<typeof loader>();
  return <PlaceDetails place={place} editHref={editHref} intro={t("youthCenter.intro")} />;
}
