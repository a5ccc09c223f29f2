// The directory's filters: a plain GET form (the state lives in the URL, it works without
// JavaScript); with JavaScript, empty fields are left out of the URL.
import { Form, Link, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  DIRECTORY_SERVICES,
  MAX_QUERY_LENGTH,
  PLACE_KINDS,
  SERVICE_KINDS,
  SUB_KINDS,
  subKindsOf,
  type PlaceKind,
} from "~/domain/places/types";
import type { FilterValues } from "~/domain/places/views";
import { SEOUL_DISTRICTS } from "~/domain/residents/districts";
import { usePlaceLabels } from "./labels";

export const DISTRICT_SELECT_ID = "place-filter-district";

export function FilterForm({
  values,
  fixedKind,
}: {
  values: FilterValues;
  fixedKind: PlaceKind | null;
}) {
  const { t } = useTranslation("places");
  const labels = usePlaceLabels();
  const submit = useSubmit();
  const location = useLocation();
  const navigation = useNavigation();
  const searching =
    navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const subKindGroups = fixedKind
    ? [{ kind: fixedKind, subKinds: subKindsOf(fixedKind) }]
    : Object.entries(SUB_KINDS).map(([kind, subKinds]) => ({ kind, subKinds }));
  const services = fixedKind ? (DIRECTORY_SERVICES[fixedKind] ?? []) : SERVICE_KINDS;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const [key, value] of form) {
      if (typeof value !== "string" || value.trim() === "") continue;
      if ((key === "date" || key === "time") && form.get("open") !== "at") continue;
      params.append(key, value);
    }
    submit(params, { method: "get", action: location.pathname });
  };

  return (
    <Form
      method="get"
      action={location.pathname}
      className="place-filters stack"
      aria-labelledby="place-filters-title"
      onSubmit={onSubmit}
    >
      <h2 id="place-filters-title">{t("filters.title")}</h2>
      <div className="field">
        <label htmlFor="place-filter-q">{t("filters.q")}</label>
        <p id="place-filter-q-hint" className="hint">
          {t("filters.qHint")}
        </p>
        <input
          id="place-filter-q"
          type="search"
          name="q"
          defaultValue={values.q}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby="place-filter-q-hint"
        />
      </div>
      {fixedKind ? null : (
        <div className="field">
          <label htmlFor="place-filter-kind">{t("filters.kind")}</label>
          <select id="place-filter-kind" name="kind" defaultValue={values.kind}>
            <option value="">{t("filters.any")}</option>
            {PLACE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labels.kind(kind)}
              </option>
            ))}
          </select>
        </div>
      )}
      {subKindGroups.some((group) => group.subKinds.length > 0) ? (
        <div className="field">
          <label htmlFor="place-filter-sub">
            {t(fixedKind === "rest_shelter" ? "filters.subShelter" : "filters.sub")}
          </label>
          <select id="place-filter-sub" name="sub" defaultValue={values.sub}>
            <option value="">{t("filters.any")}</option>
            {fixedKind
              ? subKindGroups[0]!.subKinds.map((sub) => (
                  <option key={sub} value={sub}>
                    {labels.subKind(sub)}
                  </option>
                ))
              : subKindGroups.map((group) => (
                  <optgroup key={group.kind} label={labels.kind(group.kind)}>
                    {group.subKinds.map((sub) => (
                      <option key={sub} value={sub}>
                        {labels.subKind(sub)}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={DISTRICT_SELECT_ID}>{t("filters.district")}</label>
        <select id={DISTRICT_SELECT_ID} name="district" defaultValue={values.district}>
          <option value="">{t("filters.anyDistrict")}</option>
          {SEOUL_DISTRICTS.map((district) => (
            <option key={district.code} value={district.code}>
              {labels.district(district.code)}
            </option>
          ))}
          <option value="outside">{labels.district("outside")}</option>
        </select>
      </div>
      {services.length > 0 ? (
        <div className="field">
          <label htmlFor="place-filter-service">{t("filters.service")}</label>
          <select id="place-filter-service" name="service" defaultValue={values.service}>
            <option value="">{t("filters.any")}</option>
            {services.map((service) => (
              <option key={service} value={service}>
                {labels.service(service)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="field radio-group">
        <legend>{t("filters.when")}</legend>
        {(["", "now", "at"] as const).map((mode) => (
          <div key={mode || "any"} className="radio">
            <input
              type="radio"
              id={`place-filter-open-${mode || "any"}`}
              name="open"
              value={mode}
              defaultChecked={values.open === mode}
            />
            <label htmlFor={`place-filter-open-${mode || "any"}`}>
              {t(`filters.open.${mode || "any"}`)}
            </label>
          </div>
        ))}
        <div className="place-filters__when">
          <div className="field">
            <label htmlFor="place-filter-date">{t("filters.date")}</label>
            <input id="place-filter-date" type="date" name="date" defaultValue={values.date} />
          </div>
          <div className="field">
            <label htmlFor="place-filter-time">{t("filters.time")}</label>
            <input
              id="place-filter-time"
              type="time"
              name="time"
              step={60}
              defaultValue={values.time}
            />
          </div>
        </div>
      </fieldset>
      {values.near ? <input type="hidden" name="near" value={values.near} /> : null}
      <div className="actions">
        <button type="submit" className="button primary">
          {searching ? t("filters.searching") : t("filters.submit")}
        </button>
        <Link className="button" to={location.pathname}>
          {t("filters.clear")}
        </Link>
      </div>
    </Form>
  );
}
