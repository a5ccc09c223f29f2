// The forms of questions asked without an account (decision 0025), shared by the browser
// (Conform) and the server. Messages are i18next keys, translated where they are shown.
import { z } from "zod";
import { withoutUnsafeCharacters } from "~/domain/shared/text";
import { checkboxChecked, phoneNumber } from "~/domain/shared/validation";
import { ANSWER_MAX, ASK_TOPICS, CONTACT_KINDS, QUESTION_MAX, SUMMARY_MAX } from "./ask";

/** Text as typed, without unsafe characters, required and bounded, with its own messages. */
const text = (max: number, required: string, tooLong: string) =>
  z
    .string({ required_error: required })
    .transform(withoutUnsafeCharacters)
    .pipe(z.string().trim().min(1, required).max(max, tooLong));

/** How to reach the asker: checked on its own, so its messages come with the other fields'. */
const ContactSchema = z
  .object({
    contactKind: z.enum(CONTACT_KINDS, { required_error: "labor:ask.errors.contactRequired" }),
    phone: phoneNumber.optional(),
    email: z.string().trim().max(254).email("validation:email").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.contactKind === "phone" && !value.phone)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "labor:ask.errors.phoneRequired" });
    if (value.contactKind === "email" && !value.email)
      ctx.addIssue({ code: "custom", path: ["email"], message: "labor:ask.errors.emailRequired" });
  });

export const AskSchema = z
  .object({
    topic: z.enum(ASK_TOPICS, {
      required_error: "labor:ask.errors.topicRequired",
      invalid_type_error: "labor:ask.errors.topicRequired",
    }),
    question: text(
      QUESTION_MAX,
      "labor:ask.errors.questionRequired",
      "labor:ask.errors.questionTooLong",
    ),
    center: z
      .string({ required_error: "labor:ask.errors.centerRequired" })
      .regex(/^[a-z0-9-]{1,80}$/, "labor:ask.errors.centerRequired"),
    consent: checkboxChecked("labor:ask.errors.consentRequired"),
    /** the signed time the form was shown (questions.server.ts formStamp) */
    stamp: z.string().max(200).optional(),
    /** the honeypot: people never see it, so it stays empty */
    website: z.string().max(500).optional(),
  })
  .and(ContactSchema);
export type AskInput = z.infer<typeof AskSchema>;

/** What a calculator (or a link) may prefill: anything else is dropped, never an error. */
export const AskPrefillSchema = z.object({
  topic: z.enum(ASK_TOPICS).optional().catch(undefined),
  center: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  summary: z
    .string()
    .transform((v) => v.slice(0, SUMMARY_MAX))
    .optional()
    .catch(undefined),
});

export const PassphraseSchema = z.object({
  passphrase: z
    .string({ required_error: "labor:ask.errors.passphraseRequired" })
    .trim()
    .min(1, "labor:ask.errors.passphraseRequired")
    .max(64, "labor:ask.errors.wrongPassphrase"),
});

/** The staff answer, and whether to invite the asker to book a consultation. */
export const StaffAnswerSchema = z.object({
  intent: z.literal("answer"),
  answer: text(ANSWER_MAX, "labor:ask.errors.answerRequired", "labor:ask.errors.answerTooLong"),
  invite: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
