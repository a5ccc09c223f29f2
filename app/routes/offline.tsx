import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/utils/meta";

// What the service worker (public/sw.js) shows for a page it cannot load and has no copy of. It
// keeps this page in both languages from its installation on, without its scripts.
export const meta: MetaFunction = (args) => [
  ...pageTitle(args, "offline"),
  { name: "robots", content: "noindex" },
];

export default function OfflinePage() {
  const { t } = useTranslation();
  return (
    <section className="page narrow" aria-labelledby="offline-title" data-offline-page="">
      <h1 id="offline-title">{t("offline.title")}</h1>
      <p>{t("offline.body")}</p>
      <p>{t("offline.savedIntro")}</p>
      <ul>
        <li>
          <a href="/shelters">{t("offline.shelters")}</a>
        </li>
        <li>
          <a href="/bookings">{t("offline.bookings")}</a>
        </li>
      </ul>
    </section>
  );
}
