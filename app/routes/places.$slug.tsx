import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlaceDetails } from "~/components/places/place-details";
import { loadPlacePage } from "~/routes-support/places.server";
import { withSiteName } from "~/utils/meta";
import { localized } from "~/domain/shared/localized";

export const handle = { i18n: ["places", "districts"] };

export const meta: MetaFunction<typeof loader> = (args) => {
  const root = args.matches.find((match) => match.id === "root")?.data as
    { locale?: string } | undefined;
  const place = args.data?.place;
  return withSiteName(args, place ? localized(place, root?.locale ?? "ko", "name") : "");
};

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadPlacePage(request, params.slug);

export default function PlacePage() {
  const { place, editHref } = useLoaderData<typeof loader>();
  return <PlaceDetails place={place} editHref={editHref} />;
}
