import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/utils/root-data";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";

const SERVICE_LINKS = [
  { to: "/youth-center", key: "nav.youthCenter" },
  { to: "/cafes", key: "nav.cafes" },
  { to: "/jobs", key: "nav.jobs" },
  { to: "/events", key: "nav.events" },
  { to: "/shelters", key: "nav.shelters" },
  { to: "/labor", key: "nav.labor" },
] as const;

/**
 * The header: on wide screens the services and the account links in a row; on phones one line
 * (the site's name, the other languages, a "Menu" button) with the same links behind the button.
 * The phone menu is a native <details>, so it opens and closes without JavaScript; with it, the
 * menu closes itself once a link has taken the resident to another page.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <a className="brand" href="/">
          <span aria-hidden="true" className="brand__mark" />
          {t("siteName")}
        </a>
        <div className="site-header__tools">
          <LanguageSwitcher />
          <details className="site-menu" ref={menu}>
            <summary className="site-menu__button">{t("nav.menu")}</summary>
            <nav aria-label={t("nav.label")} className="site-menu__panel">
              <NavLinks />
            </nav>
          </details>
        </div>
      </div>
      <nav aria-label={t("nav.label")} className="site-nav">
        <NavLinks />
      </nav>
    </header>
  );
}

/** The services, then the account's links (who is logged in decides which). */
function NavLinks() {
  const { t } = useTranslation();
  const user = useRootData()?.user;
  return (
    <>
      <ul>
        {SERVICE_LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to}>{t(link.key)}</NavLink>
          </li>
        ))}
      </ul>
      <ul className="site-nav__account">
        {user ? (
          <>
            {user.role === "staff" || user.role === "admin" ? (
              <li>
                <NavLink to="/staff">{t("nav.backOffice")}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/for-me">{t("nav.forMe")}</NavLink>
            </li>
            <li>
              <NavLink to="/bookings">{t("nav.myBookings")}</NavLink>
            </li>
            <li>
              <NavLink to="/applications">{t("nav.myApplications")}</NavLink>
            </li>
            <li>
              <NavLink to="/account">{t("nav.account")}</NavLink>
            </li>
            <li>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </li>
          </>
        ) : (
          <>
            <li>
              <NavLink to="/login">{t("nav.login")}</NavLink>
            </li>
            <li>
              <NavLink to="/signup">{t("nav.signup")}</NavLink>
            </li>
          </>
        )}
      </ul>
    </>
  );
}

/**
 * A plain form, so switching language works without JavaScript too, and returns to the same page.
 * Each language is named in itself and marked with its `lang`; a POST, since it also changes a
 * signed-in resident's message language (the links to the page in each language are the
 * hreflang alternates in <head>, app/root.tsx).
 */
function LanguageSwitcher() {
  const { t } = useTranslation();
  const data = useRootData();
  const location = useLocation();
  const current = data?.locale ?? "ko";
  return (
    <Form method="post" action="/resources/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <span className="visually-hidden">{t("language.label")}</span>
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="submit"
          name="lng"
          value={language}
          aria-pressed={language === current}
        >
          {/* GOV.UK's language toggle: the visible name ends the accessible one (WCAG 2.5.3) */}
          <span className="visually-hidden">{t("language.switchPrefix")} </span>
          <span lang={language}>{t(`language.name.${language}`)}</span>
        </button>
      ))}
    </Form>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p>{t("footer.sampleData")}</p>
      <ul>
        <li>
          <a href="/terms">{t("footer.terms")}</a>
        </li>
        <li>
          <a href="/privacy">{t("footer.privacy")}</a>
        </li>
        <li>
          <a href="/accessibility">{t("footer.accessibility")}</a>
        </li>
        <li>
          <a href="/healthz">{t("footer.status")}</a>
        </li>
      </ul>
    </footer>
  );
}
