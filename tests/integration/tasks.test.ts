// Periodic tasks run once per interval across every process: the lease is one conditional update.
import { describe, expect, it } from "vitest";
import { dispatchDueNotifications, SEND_CLAIM_MS } from "~/domain/notifications/service.server";
import { setSender, type OutgoingMessage } from "~/domain/notifications/sender.server";
import { PERIODIC_TASKS, runDueTasks, type PeriodicTask } from "~/domain/system/tasks.server";
import { getDb } from "~/utils/db.server";
import { makeResident } from "#tests/factories/residents";

const db = getDb();

function countingTask(name: string, every: PeriodicTask["every"]) {
  const task = {
    name,
    every,
    runs: 0,
    run: async () => {
      task.runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { done: 1 };
    },
  };
  return task;
}

describe("task leases", () => {
  it("start a task in one of many processes ticking at once, then not again before its interval", async () => {
    const task = countingTask("test.once", 3600);
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        runDueTasks(now, { tickMs: 30_000, holder: `host:${i}`, tasks: [task] }),
      ),
    );
    expect(task.runs).toBe(1);
    expect(results.filter((r) => "done" in r["test.once"]!)).toHaveLength(1);
    await runDueTasks(now, { tickMs: 30_000, holder: "host:late", tasks: [task] });
    expect(task.runs).toBe(1);
    const lease = await db.taskLease.findUniqueOrThrow({ where: { name: "test.once" } });
    expect(lease.lastFinishedAt).not.toBeNull();
    expect(lease.leasedUntil.getTime() - lease.lastStartedAt!.getTime()).toBe(3_600_000);
    expect(JSON.parse(lease.lastOutcome!)).toEqual({ done: 1 });
  });

  it("run again once the interval has passed, and a dead process's lease ends after the longest run", async () => {
    const task = countingTask("test.again", "tick");
    await runDueTasks(new Date(), { tickMs: 10, holder: "a", tasks: [task] });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await runDueTasks(new Date(), { tickMs: 10, holder: "b", tasks: [task] });
    expect(task.runs).toBe(2);
    // a process that took the lease and died: the lease says "running" until it runs out
    await db.taskLease.update({
      where: { name: "test.again" },
      data: { holder: "dead", leasedUntil: new Date(Date.now() + 60_000) },
    });
    await runDueTasks(new Date(), { tickMs: 10, holder: "c", tasks: [task] });
    expect(task.runs).toBe(2);
    await db.taskLease.update({
      where: { name: "test.again" },
      data: { leasedUntil: new Date(Date.now() - 1) },
    });
    await runDueTasks(new Date(), { tickMs: 10, holder: "c", tasks: [task] });
    expect(task.runs).toBe(3);
  });

  it("records a failing task and counts its failures in a row", async () => {
    const task: PeriodicTask = {
      name: "test.failing",
      every: "tick",
      run: async () => {
        throw new Error("gateway down");
      },
    };
    const first = await runDueTasks(new Date(), { tickMs: 0, tasks: [task] });
    expect(first["test.failing"]).toEqual({ error: "gateway down" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runDueTasks(new Date(), { tickMs: 0, tasks: [task] });
    const lease = await db.taskLease.findUniqueOrThrow({ where: { name: "test.failing" } });
    expect(lease.failures).toBe(2);
  });

  it("lists every task of the portal once, making messages before the outbox is sent", () => {
    const names = PERIODIC_TASKS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf("notifications.dispatch")).toBeGreaterThan(
      names.indexOf("booking.waitlist-offers"),
    );
    expect(names.indexOf("notifications.dispatch")).toBeGreaterThan(
      names.indexOf("jobs.follow-notices"),
    );
    expect(names.indexOf("notifications.dispatch")).toBeGreaterThan(
      names.indexOf("events.reminders"),
    );
  });
});

describe("outbox claims", () => {
  it("take up a message whose sender died mid-send once its claim has run out, and send it once", async () => {
    const sent: OutgoingMessage[] = [];
    setSender({ name: "test", send: async (message) => void sent.push(message) });
    try {
      const resident = await makeResident({ name: "Claimed" });
      const now = new Date("2026-11-25T03:00:00Z");
      const [message] = await db.notification.findMany({ where: { residentId: resident.id } });
      // another process claimed it a minute ago and died
      await db.notification.update({
        where: { id: message!.id },
        data: {
          status: "sending",
          attempts: 1,
          sendAfter: new Date(now.getTime() - 120_000),
          claimedUntil: new Date(now.getTime() - 60_000 + SEND_CLAIM_MS),
        },
      });
      await dispatchDueNotifications(now);
      expect(sent.filter((m) => m.id === message!.id)).toHaveLength(0); // still claimed
      const later = new Date(now.getTime() + SEND_CLAIM_MS);
      await Promise.all([dispatchDueNotifications(later), dispatchDueNotifications(later)]);
      expect(sent.filter((m) => m.id === message!.id)).toHaveLength(1);
      expect(await db.notification.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject(
        {
          status: "sent",
          attempts: 2,
          claimedUntil: null,
        },
      );
    } finally {
      setSender(undefined);
    }
  });
});
