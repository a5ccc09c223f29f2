import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceDirectory } from "~/components/places/directory";
import { loadDirectory } from "~/routes-support/places.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["places", "districts"] };
export const meta: MetaFunction = (args) => pageTitle(args, "cafes");

export const loader = ({ request }: LoaderFunctionArgs) => loadDirectory(request, "job_cafe");

export default function CafesPage() {
  const { t } = useTranslation("places");
  return (
    <PlaceDirectory
      data={useLoaderData<typeof loader>()}
      title={t("directories.cafes.title")}
      intro={t("directories.cafes.intro")}
    />
  );
}
