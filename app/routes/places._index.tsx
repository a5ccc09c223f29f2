import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceDirectory } from "~/components/places/directory";
import { loadDirectory } from "~/routes-support/places.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["places", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "places");

export const loader = ({ request }: LoaderFunctionArgs) => loadDirectory(request, null);

export default function PlacesPage() {
  const { t } = useTranslation("places");
  return (
    <PlaceDirectory
      data={useLoaderData<typeof loader>()}
      title={t("directories.all.title")}
      intro={t("directories.all.intro")}
    />
  );
}
