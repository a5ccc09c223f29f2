// Typed translation keys: the Korean files are the reference shape.
import "i18next";
import type account from "../../locales/ko/account.json";
import type auth from "../../locales/ko/auth.json";
import type booking from "../../locales/ko/booking.json";
import type common from "../../locales/ko/common.json";
import type districts from "../../locales/ko/districts.json";
import type eligibility from "../../locales/ko/eligibility.json";
import type notifications from "../../locales/ko/notifications.json";
import type events from "../../locales/ko/events.json";
import type errors from "../../locales/ko/errors.json";
import type jobs from "../../locales/ko/jobs.json";
import type labor from "../../locales/ko/labor.json";
import type places from "../../locales/ko/places.json";
import type validation from "../../locales/ko/validation.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof common;
      auth: typeof auth;
      account: typeof account;
      validation: typeof validation;
      errors: typeof errors;
      districts: typeof districts;
      eligibility: typeof eligibility;
      notifications: typeof notifications;
      jobs: typeof jobs;
      places: typeof places;
      booking: typeof booking;
      labor: typeof labor;
      events: typeof events;
    };
  }
}
