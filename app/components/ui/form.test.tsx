// FieldErrors reads each message's key and values once (splitMessage), and shows it translated
// with its values.
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import * as messageValues from "~/domain/shared/message-values";
import { FieldErrors } from "./form";

const { messageWithValues } = messageValues;

vi.mock("~/domain/shared/message-values", { spy: true });

async function i18n() {
  const instance = createInstance();
  await instance.init({
    lng: "en",
    ns: ["validation", "common"],
    defaultNS: "validation",
    resources: {
      en: {
        validation: {
          required: "Enter this",
          belowWage: "Below the {{year}} minimum wage of {{wage}} KRW",
        },
        common: {},
      },
    },
    interpolation: { escapeValue: false },
  });
  return instance;
}

describe("FieldErrors", () => {
  it("splits each message once and shows it with its values", async () => {
    const instance = await i18n();
    const errors = ["required", messageWithValues("belowWage", { year: 2026, wage: "10,320" })];
    vi.mocked(messageValues.splitMessage).mockClear();
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={instance}>
        <FieldErrors id="pay-error" errors={errors} />
      </I18nextProvider>,
    );
    expect(html).toBe(
      '<ul id="pay-error" class="field-errors"><li>Enter this</li>' +
        "<li>Below the 2026 minimum wage of 10,320 KRW</li></ul>",
    );
    expect(vi.mocked(messageValues.splitMessage).mock.calls).toEqual([[errors[0]], [errors[1]]]);
  });
});
