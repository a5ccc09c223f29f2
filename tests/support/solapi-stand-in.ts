// A local stand-in for SOLAPI's message API: a real HTTP server on 127.0.0.1 that speaks the one
// documented endpoint the portal uses, POST /messages/v4/send-many/detail
// (https://developers.solapi.com/references/messages/sendManyDetail), checks the HMAC-SHA256
// Authorization header against the secret it was given (401 otherwise, as SOLAPI answers),
// records every request and answers the documented success shape. `failNext(n)` makes the next n
// requests fail, for retry tests.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

type RecordedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** whether its Authorization header was signed with the right key and secret */
  authorized: boolean;
};

type SentMessage = {
  to: string;
  from?: string;
  type?: string;
  text?: string;
  subject?: string;
  customFields?: Record<string, string>;
};

export type SolapiStandIn = {
  url: string;
  apiKey: string;
  apiSecret: string;
  requests: RecordedRequest[];
  /** the messages of every authorized send request, in order */
  messages(): SentMessage[];
  failNext(count: number, status?: number): void;
  /** refuse the next request's messages (registeredFailed = total), answered with HTTP 200 */
  refuseNext(count: number): void;
  close(): Promise<void>;
};

const AUTHORIZATION =
  /^HMAC-SHA256 apiKey=([^,]+), date=([^,]+), salt=([^,]+), signature=([0-9a-f]+)$/;

/** True when `header` is SOLAPI's HMAC-SHA256 scheme signed with this key and secret. */
function verifySolapiAuthorization(
  header: string | undefined,
  apiKey: string,
  apiSecret: string,
): boolean {
  const match = header ? AUTHORIZATION.exec(header) : null;
  if (!match) return false;
  const [, key, date, salt, signature] = match;
  if (key !== apiKey) return false;
  const expected = crypto
    .createHmac("sha256", apiSecret)
    .update(date! + salt!)
    .digest("hex");
  return (
    expected.length === signature!.length &&
    crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature!))
  );
}

const count = (total: number, failed: number) => ({
  total,
  sentTotal: 0,
  sentFailed: 0,
  sentSuccess: 0,
  sentPending: total - failed,
  sentReplacement: 0,
  refund: 0,
  registeredFailed: failed,
  registeredSuccess: total - failed,
});

let sequence = 0;
const id = (prefix: string) =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${(sequence += 1).toString().padStart(6, "0")}`;

function successBody(messages: SentMessage[], refused: boolean) {
  const groupId = id("G4V");
  const now = new Date().toISOString();
  const items = messages.map((message) => ({
    message,
    messageId: id("M4V"),
  }));
  return {
    failedMessageList: refused
      ? items.map(({ message, messageId }) => ({
          to: message.to,
          from: message.from ?? "",
          type: message.type ?? "SMS",
          statusMessage: "발신번호 미등록",
          country: "82",
          messageId,
          statusCode: "1062",
          accountId: "stand-in",
          customFields: message.customFields,
        }))
      : [],
    groupInfo: {
      count: count(messages.length, refused ? messages.length : 0),
      status: "SENDING",
      groupId,
      accountId: "stand-in",
      apiVersion: "4",
      allowDuplicates: false,
      isRefunded: false,
      masterAccountId: null,
      dateCreated: now,
      dateUpdated: now,
    },
    messageList: refused
      ? []
      : items.map(({ message, messageId }) => ({
          messageId,
          statusCode: "2000",
          statusMessage: "정상 접수(이통사로 접수 예정) ",
          customFields: message.customFields,
        })),
  };
}

export async function startSolapiStandIn(
  options: { apiKey?: string; apiSecret?: string } = {},
): Promise<SolapiStandIn> {
  const apiKey = options.apiKey ?? "NCSSTANDINKEY0001";
  const apiSecret = options.apiSecret ?? "stand-in-secret-0123456789abcdef";
  const requests: RecordedRequest[] = [];
  const failures: number[] = [];
  let refusals = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const authorized = verifySolapiAuthorization(req.headers.authorization, apiKey, apiSecret);
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        authorized,
      });
      const answer = (status: number, payload: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== "POST" || req.url !== "/messages/v4/send-many/detail") {
        return answer(404, { errorCode: "NotFound", errorMessage: "stand-in: unknown endpoint" });
      }
      if (!authorized) {
        return answer(401, {
          errorCode: "InvalidAPIKey",
          errorMessage: "stand-in: the Authorization signature does not match",
        });
      }
      const failure = failures.shift();
      if (failure) {
        return answer(failure, {
          errorCode: "InternalError",
          errorMessage: "stand-in: told to fail",
        });
      }
      const messages = (body as { messages?: SentMessage[] } | null)?.messages;
      if (!Array.isArray(messages) || messages.length === 0) {
        return answer(400, { errorCode: "ValidationError", errorMessage: "messages required" });
      }
      const refused = refusals > 0;
      if (refused) refusals -= 1;
      return answer(200, successBody(messages, refused));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    requests,
    messages: () =>
      requests
        .filter((r) => r.authorized && r.path === "/messages/v4/send-many/detail")
        .flatMap((r) => (r.body as { messages?: SentMessage[] } | null)?.messages ?? []),
    failNext(n, status = 500) {
      for (let i = 0; i < n; i += 1) failures.push(status);
    },
    refuseNext(n) {
      refusals += n;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
