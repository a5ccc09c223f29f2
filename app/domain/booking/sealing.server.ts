// Encryption at rest of confidential text (AES-256-GCM; the key is getEnv().sealingKey:
// BOOKING_DESCRIPTION_KEY or the machine's own). A database copy or backup then reveals nothing of
// what a worker wrote; only this server, which holds the key, can read it. Rows written as typed
// by older versions (before sealing was the default) stay readable.
import crypto from "node:crypto";

const PREFIX = "enc:v1:";

export function sealText(text: string, keyBase64: string): string {
  // never stored as typed by mistake: a missing key is a fault, not a setting
  if (!keyBase64) throw new Error("sealText: no key");
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const encrypted = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${PREFIX}${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${encrypted.toString("base64")}`;
}

/** The text as written; null when it is sealed and the key is missing or wrong. */
export function openText(stored: string, keyBase64: string | undefined): string | null {
  if (!stored.startsWith(PREFIX)) return stored;
  if (!keyBase64) return null;
  const [iv, tag, data] = stored.slice(PREFIX.length).split(":");
  if (!iv || !tag || data === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv(
      "aes-256-gcm",
      Buffer.from(keyBase64, "base64"),
      Buffer.from(iv, "base64"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
