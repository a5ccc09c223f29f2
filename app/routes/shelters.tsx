import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceDirectory } from "~/components/places/directory";
import { loadDirectory } from "~/routes-support/places.server";
import { pageTitle } from "~/utils/meta";
import { useServiceWorker } from "~/utils/service-worker";

export const handle = { i18n: ["places", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "shelters");

export const loader = ({ request }: LoaderFunctionArgs) => loadDirectory(request, "rest_shelter");

export default function SheltersPage() {
  useServiceWorker(); // this page is kept for offline use (public/sw.js)
  const { t } = useTranslation("places");
  return (
    <PlaceDirectory
      data={useLoaderData<typeof loader>()}
      title={t("directories.shelters.title")}
      intro={t("directories.shelters.intro")}
    />
  );
}
