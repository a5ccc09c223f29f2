// patches/solapi+6.0.1.patch makes the SDK's API origin a constructor argument (SMS_API_URL). If
// the patch is not applied (patch-package skipped, the SDK upgraded), the SDK would quietly keep
// talking to api.solapi.com: this fails instead.
import { afterEach, describe, expect, it, vi } from "vitest";
import { SolapiMessageService } from "solapi";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the patched SOLAPI SDK", () => {
  it("sends to the base URL it is given", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(String(url));
      return new Response(
        JSON.stringify({
          failedMessageList: [],
          groupInfo: { count: { total: 1, registeredFailed: 0 }, groupId: "G" },
          messageList: [{ messageId: "M1", statusCode: "2000", statusMessage: "ok" }],
        }),
        { status: 200, headers: { "Content-Type": "application/json" } },
      );
    });
    const service = new SolapiMessageService("key", "secret", "http://127.0.0.1:9/");
    await service.send({ to: "01012345678", from: "0212345678", text: "test" });
    expect(urls).toEqual(["http://127.0.0.1:9/messages/v4/send-many/detail"]);
  });

  it("keeps SOLAPI's own address when none is given", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(String(url));
      return new Response("{}", { status: 401 });
    });
    const service = new SolapiMessageService("key", "secret");
    await expect(service.send({ to: "01012345678", text: "test" })).rejects.toThrow();
    expect(urls).toEqual(["https://api.solapi.com/messages/v4/send-many/detail"]);
  });
});
