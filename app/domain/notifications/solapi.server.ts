// Texts (SMS/LMS) and KakaoTalk 알림톡 through SOLAPI, with its own SDK (`solapi`). The SDK's API
// origin is a constructor argument thanks to patches/solapi+6.0.1.patch, so that SMS_API_URL can
// point it at a local stand-in (tests) or a staging gateway.
import { SolapiMessageService } from "solapi";
import { fitText, textKind } from "./catalog";
import type { DeliveryReceipt, MessageSender, OutgoingMessage } from "./sender.server";

export type SolapiConfig = {
  apiKey: string;
  apiSecret: string;
  /** the registered sender number (발신번호) */
  sender: string;
  /** the API's origin, https://api.solapi.com unless a stand-in */
  baseUrl: string;
  /** KakaoTalk channel for 알림톡; without it every message is a plain text */
  kakaoPfId?: string;
  /** approved 알림톡 template ids by our template name */
  kakaoTemplates?: Record<string, string>;
};

/** An LMS subject is at most 40 bytes (SOLAPI's limit). */
const LMS_SUBJECT_MAX_BYTES = 40;

/** "waitlist_offer=KA01TP1,booking_confirmed=KA01TP2" → { waitlist_offer: "KA01TP1", … } */
export function parseKakaoTemplates(setting: string): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const pair of setting.split(",")) {
    const [name, id] = pair.split("=").map((part) => part.trim());
    if (name && id) templates[name] = id;
  }
  return templates;
}

/** The one message SOLAPI is asked to send for an outbox message (its /send-many/detail item). */
function solapiMessage(message: OutgoingMessage, config: SolapiConfig) {
  const text = fitText(message.body);
  const kind = textKind(text);
  const base = {
    to: message.to.replace(/\D/g, ""),
    from: config.sender.replace(/\D/g, ""),
    text,
    // lets a retried send be recognised in SOLAPI's console and its delivery reports
    customFields: { notificationId: message.id, template: message.template },
  };
  const subject =
    kind === "LMS" ? { subject: fitText(message.subject, LMS_SUBJECT_MAX_BYTES) } : {};
  const templateId = config.kakaoPfId ? config.kakaoTemplates?.[message.template] : undefined;
  if (config.kakaoPfId && templateId) {
    // 알림톡 first; when it cannot be delivered SOLAPI sends `text` as SMS/LMS itself
    // (disableSms: false), with `subject` for an LMS.
    return {
      ...base,
      ...subject,
      type: "ATA" as const,
      kakaoOptions: { pfId: config.kakaoPfId, templateId, disableSms: false },
    };
  }
  return { ...base, ...subject, type: kind };
}

export class SolapiTextSender implements MessageSender {
  readonly name = "solapi";
  private readonly service: SolapiMessageService;

  constructor(private readonly config: SolapiConfig) {
    this.service = new SolapiMessageService(config.apiKey, config.apiSecret, config.baseUrl);
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    if (message.channel !== "sms") throw new Error(`solapi sends texts, not ${message.channel}`);
    // The SDK rejects on HTTP errors, refused credentials and when every message was refused.
    const response = await this.service.send(solapiMessage(message, this.config), {
      showMessageList: true,
    });
    const failed = response.failedMessageList[0];
    if (failed)
      throw new Error(`solapi refused the message: ${failed.statusCode} ${failed.statusMessage}`);
    const accepted = response.messageList?.[0];
    return {
      provider: this.name,
      providerId: accepted?.messageId ?? response.groupInfo.groupId,
    };
  }
}
