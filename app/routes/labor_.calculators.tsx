// Labor calculators: weekly rest allowance, unpaid wages, severance pay and "is my pay at least
// the minimum wage of that year". GET forms (they work without JavaScript, and a result has an
// address that can be printed, saved or shared); the arithmetic is in app/domain/labor.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { asTextField, CheckboxField, ErrorSummary, TextField } from "~/components/ui/form";
import {
  checkMinimumWage,
  severancePay,
  unpaidWages,
  weeklyRestAllowance,
} from "~/domain/labor/calculators";
import { CALCULATORS, type CalculatorName } from "~/domain/labor/types";
import { CALCULATOR_TOPICS, calculatorSummary } from "~/domain/labor/ask";
import {
  CALCULATOR_SCHEMAS,
  type MinimumWageSchema,
  type SeveranceSchema,
  type UnpaidSchema,
  type WeeklyRestSchema,
} from "~/domain/labor/schema";
import { listWageFloors } from "~/domain/jobs/wage-floors.server";
import { seoulDate } from "~/domain/shared/seoul-time";
import { now } from "~/utils/clock.server";
import { formatCalendarDate, formatWon } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["labor", "validation"] };
export const meta: MetaFunction = (args) => pageTitle(args, "laborCalculators");

function isCalculator(value: string | null): value is CalculatorName {
  return (CALCULATORS as readonly (string | null)[]).includes(value);
}

async function calculate(calc: CalculatorName, params: URLSearchParams) {
  switch (calc) {
    case "weekly-rest": {
      const s = parseWithZod(params, { schema: CALCULATOR_SCHEMAS["weekly-rest"] });
      if (s.status !== "success") return { reply: s.reply() };
      return {
        reply: s.reply(),
        answer: {
          calc,
          ...weeklyRestAllowance({
            hourlyWage: s.value.hourlyWage,
            weeklyHours: s.value.weeklyHours,
            workedEveryContractedDay: s.value.workedEveryDay,
          }),
        } as const,
      };
    }
    case "unpaid": {
      const s = parseWithZod(params, { schema: CALCULATOR_SCHEMAS.unpaid });
      if (s.status !== "success") return { reply: s.reply() };
      return { reply: s.reply(), answer: { calc, ...unpaidWages(s.value) } as const };
    }
    case "severance": {
      const s = parseWithZod(params, { schema: CALCULATOR_SCHEMAS.severance });
      if (s.status !== "success") return { reply: s.reply() };
      return { reply: s.reply(), answer: { calc, ...severancePay(s.value) } as const };
    }
    case "minimum": {
      const s = parseWithZod(params, { schema: CALCULATOR_SCHEMAS.minimum });
      if (s.status !== "success") return { reply: s.reply() };
      const floors = await listWageFloors();
      const floor = floors.find((f) => f.kind === "minimum" && f.year === s.value.year);
      return {
        reply: s.reply(),
        answer: {
          calc,
          ...checkMinimumWage(s.value.hourlyWage, s.value.year, floor?.hourlyKrw ?? null),
          source: floor?.source ?? null,
        } as const,
      };
    }
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const calc = params.get("calc");
  const thisYear = Number(seoulDate(now()).slice(0, 4));
  const today = seoulDate(now());
  if (!isCalculator(calc))
    return { calc: null, reply: null, answer: null, thisYear, today, inputs: [] };
  const { reply, answer } = await calculate(calc, params);
  const body = {
    calc,
    reply: reply as SubmissionResult<string[]>,
    answer: answer ?? null,
    thisYear,
    today,
    // what was entered, printed with the result (a printed answer says what it answers)
    inputs: answer
      ? CALCULATOR_INPUTS[calc].map((name) => ({ name, value: params.get(name) ?? "" }))
      : [],
  };
  return answer ? body : data(body, { status: 400 });
}

/** The inputs of each calculator, in the order of its form. */
const CALCULATOR_INPUTS = {
  "weekly-rest": ["hourlyWage", "weeklyHours", "workedEveryDay"],
  unpaid: ["hourlyWage", "weeklyHours", "weeks", "paid"],
  severance: ["firstDay", "lastDay", "lastThreeMonthsPay", "weeklyHours"],
  minimum: ["hourlyWage", "year"],
} as const satisfies Record<CalculatorName, readonly InputName[]>;
type InputName = CalcFieldName | "workedEveryDay";

type Answer = NonNullable<Awaited<ReturnType<typeof calculate>>["answer"]>;

export default function LaborCalculators() {
  const { t } = useTranslation(["labor", "common"]);
  const { calc, reply, answer, thisYear } = useLoaderData<typeof loader>();
  const lastResult = (name: CalculatorName) => (calc === name ? reply : undefined);
  useFocusOnAnswer(calc);
  return (
    <section className="page calculators" aria-labelledby="calculators-title">
      <p className="no-print">
        <Link to="/labor">{t("common:titles.labor")}</Link>
      </p>
      <h1 id="calculators-title">{t("calc.title")}</h1>
      <p>{t("calc.intro")}</p>
      <nav aria-label={t("calc.contents")} className="no-print">
        <ul>
          {CALCULATORS.map((name) => (
            <li key={name}>
              <a href={`#calc-${name}`}>{t(`calc.${name}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <WeeklyRestForm lastResult={lastResult("weekly-rest")} answer={answer} />
      <UnpaidForm lastResult={lastResult("unpaid")} answer={answer} />
      <SeveranceForm lastResult={lastResult("severance")} answer={answer} />
      <MinimumWageForm lastResult={lastResult("minimum")} answer={answer} thisYear={thisYear} />
      <p className="hint">{t("calc.disclaimer")}</p>
    </section>
  );
}

/**
 * The root leaves focus alone when only the query changes (a filter); a calculator's GET form is
 * different: its answer (or error summary) is the news, so it takes focus, a tick after conform
 * has rendered the errors. Without JavaScript, autoFocus does the same.
 */
function useFocusOnAnswer(calc: CalculatorName | null) {
  const { search } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!calc) return;
    const timer = setTimeout(() =>
      document.querySelector<HTMLElement>(`#calc-${calc} [data-arrival-focus]`)?.focus(),
    );
    return () => clearTimeout(timer);
  }, [search, calc]);
}

type FormProps = { lastResult?: SubmissionResult<string[]> | null; answer: Answer | null };

function CalculatorSection({
  name,
  children,
  result,
}: {
  name: CalculatorName;
  children: ReactNode;
  result: ReactNode;
}) {
  const { t } = useTranslation("labor");
  return (
    <section className="calculator" id={`calc-${name}`} aria-labelledby={`calc-${name}-title`}>
      <h2 id={`calc-${name}-title`}>{t(`calc.${name}.title`)}</h2>
      <p className="hint">{t(`calc.${name}.about`)}</p>
      {result}
      {children}
    </section>
  );
}

/** The result with its formula in words; takes focus when it arrives (like a confirmation). */
function Result({ name, lines }: { name: CalculatorName; lines: string[] }) {
  const { t, i18n } = useTranslation("labor");
  const { today, inputs } = useLoaderData<typeof loader>();
  const date = formatCalendarDate(today, i18n.language);
  const value = (input: { name: InputName; value: string }) =>
    input.name === "workedEveryDay"
      ? t(input.value === "on" || input.value === "true" ? "calc.yes" : "calc.no")
      : input.name === "firstDay" || input.name === "lastDay"
        ? formatCalendarDate(input.value, i18n.language)
        : input.value;
  // the result, in words, as the start of a consultation's description (bounded by the form)
  const note = [t("calc.noteIntro", { title: t(`calc.${name}.title`), date }), ...lines].join("\n");
  return (
    <div
      className="calculator__result"
      role="region"
      aria-labelledby={`calc-${name}-result`}
      tabIndex={-1}
      data-arrival-focus=""
      // eslint-disable-next-line jsx-a11y/no-autofocus -- the answer, where reading starts
      autoFocus
    >
      <h3 id={`calc-${name}-result`}>{t("calc.result")}</h3>
      <p className="hint">{t("calc.calculatedOn", { date })}</p>
      <dl className="calculator__inputs">
        {inputs.map((input) => (
          <div key={input.name}>
            <dt>{t(`calc.fields.${input.name}`)}</dt>
            <dd>{value(input)}</dd>
          </div>
        ))}
      </dl>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="hint no-print">{t("calc.printHint")}</p>
      <PrintButton />
      <p className="no-print">
        <Link to={`/labor?${new URLSearchParams({ topic: "unpaid_wages", note })}`}>
          {t("calc.bookAboutResult")}
        </Link>
      </p>
      <p className="no-print">
        <Link
          to={`/labor/ask?${new URLSearchParams({
            topic: CALCULATOR_TOPICS[name] ?? "other",
            summary: calculatorSummary([t(`calc.${name}.title`), ...lines]),
          }).toString()}`}
        >
          {t("calc.askAbout")}
        </Link>
      </p>
    </div>
  );
}

/**
 * "Print or save as PDF": a real button, shown once the page's JavaScript runs (without it the
 * hint above says to use the browser's own print, and nothing on the page is dead).
 */
function PrintButton() {
  const { t } = useTranslation("labor");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <p className="no-print">
      <button type="button" className="button" onClick={() => window.print()}>
        {t("calc.print")}
      </button>
    </p>
  );
}

type CalcFieldName =
  | "hourlyWage"
  | "weeklyHours"
  | "weeks"
  | "paid"
  | "firstDay"
  | "lastDay"
  | "lastThreeMonthsPay"
  | "year";

/** The fields whose label has a hint below it (`calc.fields.<name>Hint`). */
const HINTED = new Set(["weeklyHours", "paid", "lastThreeMonthsPay"]);

/** One labelled input of a calculator: its label (and hint) come from `calc.fields.<name>`. */
function CalcField({
  field,
  name,
  kind,
}: {
  field: Parameters<typeof asTextField>[0];
  name: CalcFieldName;
  kind: "numeric" | "decimal" | "date";
}) {
  const { t } = useTranslation("labor");
  return (
    <TextField
      field={asTextField(field)}
      label={t(`calc.fields.${name}`)}
      hint={HINTED.has(name) ? t(`calc.fields.${name}Hint` as "calc.fields.paidHint") : undefined}
      type={kind === "date" ? "date" : "text"}
      inputMode={kind === "date" ? undefined : kind}
    />
  );
}

function Submit() {
  const { t } = useTranslation("labor");
  return (
    <button type="submit" className="button">
      {t("calc.submit")}
    </button>
  );
}

function WeeklyRestForm({ lastResult, answer }: FormProps) {
  const { t, i18n } = useTranslation("labor");
  const won = (n: number) => formatWon(n, i18n.language);
  const [form, fields] = useForm<z.input<typeof WeeklyRestSchema>>({
    id: "calc-weekly-rest-form",
    lastResult,
    shouldValidate: "onSubmit",
  });
  const mine = answer?.calc === "weekly-rest" ? answer : null;
  return (
    <CalculatorSection
      name="weekly-rest"
      result={
        mine ? (
          <Result
            name="weekly-rest"
            lines={
              mine.eligible
                ? [
                    t("calc.weekly-rest.amount", { amount: won(mine.amount) }),
                    t("calc.weekly-rest.formula", {
                      hours: mine.weeklyHours,
                      paidHours: mine.paidHours,
                      wage: won(mine.hourlyWage),
                    }),
                  ]
                : [t(`calc.weekly-rest.${mine.reason}`, { hours: mine.weeklyHours })]
            }
          />
        ) : null
      }
    >
      <ErrorSummary form={form} />
      <Form method="get" preventScrollReset {...getFormProps(form)}>
        <input type="hidden" name="calc" value="weekly-rest" />
        <CalcField field={fields.hourlyWage} name="hourlyWage" kind="numeric" />
        <CalcField field={fields.weeklyHours} name="weeklyHours" kind="decimal" />
        <CheckboxField field={fields.workedEveryDay} label={t("calc.fields.workedEveryDay")} />
        <Submit />
      </Form>
    </CalculatorSection>
  );
}

function UnpaidForm({ lastResult, answer }: FormProps) {
  const { t, i18n } = useTranslation("labor");
  const won = (n: number) => formatWon(n, i18n.language);
  const [form, fields] = useForm<z.input<typeof UnpaidSchema>>({
    id: "calc-unpaid-form",
    lastResult,
    shouldValidate: "onSubmit",
  });
  const mine = answer?.calc === "unpaid" ? answer : null;
  return (
    <CalculatorSection
      name="unpaid"
      result={
        mine ? (
          <Result
            name="unpaid"
            lines={[
              t("calc.unpaid.amount", { amount: won(mine.unpaid) }),
              t("calc.unpaid.formula", {
                hours: mine.hoursWorked,
                wage: won(mine.hourlyWage),
                earned: won(mine.earned),
                weeks: mine.weeks,
                rest: won(mine.weeklyRest),
                paid: won(mine.paid),
              }),
              t("calc.unpaid.notCounted"),
            ]}
          />
        ) : null
      }
    >
      <ErrorSummary form={form} />
      <Form method="get" preventScrollReset {...getFormProps(form)}>
        <input type="hidden" name="calc" value="unpaid" />
        <CalcField field={fields.hourlyWage} name="hourlyWage" kind="numeric" />
        <CalcField field={fields.weeklyHours} name="weeklyHours" kind="decimal" />
        <CalcField field={fields.weeks} name="weeks" kind="numeric" />
        <CalcField field={fields.paid} name="paid" kind="numeric" />
        <Submit />
      </Form>
    </CalculatorSection>
  );
}

function SeveranceForm({ lastResult, answer }: FormProps) {
  const { t, i18n } = useTranslation("labor");
  const lang = i18n.language;
  const won = (n: number) => formatWon(n, lang);
  const [form, fields] = useForm<z.input<typeof SeveranceSchema>>({
    id: "calc-severance-form",
    lastResult,
    shouldValidate: "onSubmit",
  });
  const mine = answer?.calc === "severance" ? answer : null;
  return (
    <CalculatorSection
      name="severance"
      result={
        mine ? (
          <Result
            name="severance"
            lines={
              mine.eligible
                ? [
                    t("calc.severance.amount", { amount: won(mine.amount) }),
                    t("calc.severance.formula", {
                      pay: won(mine.lastThreeMonthsPay),
                      from: formatCalendarDate(mine.periodStart, lang),
                      periodDays: mine.periodDays,
                      daily: won(Math.floor(mine.averageDailyWage)),
                      days: mine.serviceDays,
                    }),
                  ]
                : [t(`calc.severance.${mine.reason}`, { days: mine.serviceDays })]
            }
          />
        ) : null
      }
    >
      <ErrorSummary form={form} />
      <Form method="get" preventScrollReset {...getFormProps(form)}>
        <input type="hidden" name="calc" value="severance" />
        <CalcField field={fields.firstDay} name="firstDay" kind="date" />
        <CalcField field={fields.lastDay} name="lastDay" kind="date" />
        <CalcField field={fields.lastThreeMonthsPay} name="lastThreeMonthsPay" kind="numeric" />
        <CalcField field={fields.weeklyHours} name="weeklyHours" kind="decimal" />
        <Submit />
      </Form>
    </CalculatorSection>
  );
}

function MinimumWageForm({ lastResult, answer, thisYear }: FormProps & { thisYear: number }) {
  const { t, i18n } = useTranslation("labor");
  const won = (n: number) => formatWon(n, i18n.language);
  const [form, fields] = useForm<z.input<typeof MinimumWageSchema>>({
    id: "calc-minimum-form",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { year: String(thisYear) },
  });
  const mine = answer?.calc === "minimum" ? answer : null;
  return (
    <CalculatorSection
      name="minimum"
      result={
        mine ? (
          <Result
            name="minimum"
            lines={
              !mine.known
                ? [t("calc.minimum.unknown", { year: mine.year })]
                : [
                    mine.shortBy > 0
                      ? t("calc.minimum.below", {
                          year: mine.year,
                          floor: won(mine.floor),
                          wage: won(mine.hourlyWage),
                          short: won(mine.shortBy),
                        })
                      : t("calc.minimum.atLeast", {
                          year: mine.year,
                          floor: won(mine.floor),
                          wage: won(mine.hourlyWage),
                        }),
                    ...(mine.source ? [t("calc.minimum.source", { source: mine.source })] : []),
                  ]
            }
          />
        ) : null
      }
    >
      <ErrorSummary form={form} />
      <Form method="get" preventScrollReset {...getFormProps(form)}>
        <input type="hidden" name="calc" value="minimum" />
        <CalcField field={fields.hourlyWage} name="hourlyWage" kind="numeric" />
        <CalcField field={fields.year} name="year" kind="numeric" />
        <Submit />
      </Form>
    </CalculatorSection>
  );
}
