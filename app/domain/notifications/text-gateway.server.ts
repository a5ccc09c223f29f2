// Texts (SMS/LMS) and KakaoTalk 알림톡 through a Korean gateway, chosen by SMS_PROVIDER. Without
// one, texts land in the local mailbox like e-mail does.
import type { Env } from "~/utils/env.server";
import type { MessageSender } from "./sender.server";
import { parseKakaoTemplates, SolapiTextSender } from "./solapi.server";

type TextGatewayEnv = Pick<
  Env,
  | "SMS_PROVIDER"
  | "SMS_API_KEY"
  | "SMS_API_SECRET"
  | "SMS_SENDER"
  | "SMS_API_URL"
  | "KAKAO_PF_ID"
  | "KAKAO_TEMPLATES"
>;

/**
 * The configured text gateway, or null for "none". A gateway named without its key, secret or
 * sender number is a configuration mistake: it stops the start, naming what is missing, rather
 * than losing every text later.
 */
export function createTextGateway(env: TextGatewayEnv): MessageSender | null {
  if (env.SMS_PROVIDER === "none") return null;
  const missing = (["SMS_API_KEY", "SMS_API_SECRET", "SMS_SENDER"] as const).filter(
    (name) => !env[name],
  );
  if (missing.length > 0) {
    throw new Error(
      `SMS_PROVIDER=${env.SMS_PROVIDER} needs ${missing.join(", ")} (see the README, "Messages")`,
    );
  }
  return new SolapiTextSender({
    apiKey: env.SMS_API_KEY!,
    apiSecret: env.SMS_API_SECRET!,
    sender: env.SMS_SENDER!,
    baseUrl: env.SMS_API_URL,
    kakaoPfId: env.KAKAO_PF_ID,
    kakaoTemplates: parseKakaoTemplates(env.KAKAO_TEMPLATES),
  });
}
