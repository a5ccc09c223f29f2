// One run of the event reminders task at REMINDERS_AT, in a process of its own on the e2e server's
// database: the server's clock stands still on 25 November, the reminders fall days later. Only
// this task runs (the outbox is not sent, so the other tests' messages stay where they expect them).
import { sendEventReminders } from "~/domain/events/reminders.server";
import { disconnectDb } from "~/utils/db.server";

const result = await sendEventReminders(new Date(process.env.REMINDERS_AT!));
console.log(JSON.stringify(result));
await disconnectDb();
