// A real SMTP server for tests (the `smtp-server` package, the one nodemailer's authors keep):
// it listens on 127.0.0.1, accepts any login, parses what arrives (mailparser), and can be told
// to refuse the next messages (451, as a busy server does) or to hang in the middle of one.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtpServer = {
  /** smtp://user:secret@127.0.0.1:<port> */
  url: string;
  /** every message accepted, parsed, in order */
  received: ParsedMail[];
  /** answer the next `count` messages with "451 try again later" */
  refuseNext(count: number): void;
  /** never answer the next message (a send that hangs); resolves when that message arrives */
  hangOnNext(): Promise<void>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let refusals = 0;
  let hang: (() => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // plain SMTP on loopback: nodemailer would use STARTTLS if offered, and the test has no certificate
    disabledCommands: ["STARTTLS"],
    logger: false,
    // do not wait for idle connections when the test ends
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      if (hang) {
        const arrived = hang;
        hang = null;
        stream.resume();
        arrived();
        return; // no answer, ever: the sender waits until it is killed or times out
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    received,
    refuseNext(count) {
      refusals = count;
    },
    hangOnNext() {
      return new Promise<void>((resolve) => {
        hang = resolve;
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
