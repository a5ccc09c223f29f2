// One run of the outbox in a process of its own, at DISPATCH_AT: the message-delivery test kills
// it in the middle of a send to show that the message is neither lost nor sent twice.
import { dispatchDueNotifications } from "~/domain/notifications/service.server";
import { disconnectDb } from "~/utils/db.server";

const result = await dispatchDueNotifications(new Date(process.env.DISPATCH_AT!));
console.log(JSON.stringify(result));
await disconnectDb();
