// Messages over the real server: the scheduler sends a booking's confirmation (to the local
// mailbox, the embedded default), the booking page then says so, and the e-mail's one-click
// unsubscribe link works the way mail providers use it — a POST with neither Origin nor Referer —
// while a cross-site POST is still refused.
import fs from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../setup/paths";
import { bookOverHttp, ownService, residentWithBirthDate } from "./booking-support";
import { baseUrl, serverDatabase } from "./support";

type MailboxFile = { to: string; template: string; unsubscribeUrl?: string; body: string };

/** The e-mail of `template` to `to` in the server's mailbox, once the scheduler has sent it. */
async function sentMessage(to: string, template: string): Promise<MailboxFile> {
  const directory = path.join(ROOT, "data/mailbox");
  const deadline = Date.now() + 75_000; // the scheduler runs every 30 s
  while (Date.now() < deadline) {
    const files = await fs.readdir(directory).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith(".json"))) {
      const message = JSON.parse(
        await fs.readFile(path.join(directory, file), "utf8").catch(() => "{}"),
      ) as MailboxFile;
      if (message.to === to && message.template === template) return message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no ${template} message to ${to}`);
}

it("sends the confirmation, shows it on the booking page, and honours a one-click unsubscribe", async () => {
  const service = await ownService("youth-center-counseling", [
    { date: "2026-12-02", time: "11:00" },
  ]);
  const resident = await residentWithBirthDate("messages");
  const booked = await bookOverHttp(
    resident.cookie,
    service.slug,
    service.slotId("2026-12-02", "11:00"),
  );
  expect(booked.status).toBe(302);
  const bookingPath = booked.headers.get("location")!.split("?")[0]!;

  const message = await sentMessage(resident.email, "booking_confirmed");
  expect(message.body).toContain(`${baseUrl()}${bookingPath}`.replace("127.0.0.1", "localhost"));
  const page = await fetch(`${baseUrl()}${bookingPath}`, {
    headers: { Cookie: resident.cookie },
  });
  expect(await page.text()).toMatch(/이메일을 보냈습니다/);

  const unsubscribe = new URL(message.unsubscribeUrl!);
  const target = `${baseUrl()}${unsubscribe.pathname}`;
  const oneClick = { "Content-Type": "application/x-www-form-urlencoded" };
  const crossSite = await fetch(target, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { ...oneClick, Origin: "https://evil.test" },
    redirect: "manual",
  });
  expect(crossSite.status).toBe(403);
  const mailProvider = await fetch(target, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: oneClick,
    redirect: "manual",
  });
  expect(mailProvider.status).toBe(200);
  const row = await serverDatabase().resident.findUniqueOrThrow({
    where: { id: resident.id },
    select: { mutedTopics: true },
  });
  expect(row.mutedTopics).toBe("receipts");
}, 120_000);
