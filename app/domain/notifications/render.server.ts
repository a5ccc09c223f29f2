// Message texts in the resident's preferred language, from locales/<lng>/notifications.json.
import { createInstance, type TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isSupportedLanguage } from "~/utils/i18n";
import { getLocaleResources } from "~/utils/i18n.server";

let instance: ReturnType<typeof createInstance> | undefined;

async function getInstance() {
  if (!instance) {
    instance = createInstance();
    await instance.init({
      resources: getLocaleResources().resources,
      fallbackLng: DEFAULT_LANGUAGE,
      interpolation: { escapeValue: false },
    });
  }
  return instance;
}

/** A translate function fixed to a language, for texts that leave the site (messages, .ics). */
export async function messageT(language: string): Promise<TFunction> {
  const i18n = await getInstance();
  return i18n.getFixedT(isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE);
}

export async function renderMessage(
  template: string,
  language: string,
  params: Record<string, string | number>,
): Promise<{ subject: string; body: string }> {
  const t = (await messageT(language)) as unknown as (
    key: string,
    options?: Record<string, unknown>,
  ) => string;
  return {
    subject: t(`notifications:${template}.subject`, params),
    body: t(`notifications:${template}.body`, params),
  };
}
