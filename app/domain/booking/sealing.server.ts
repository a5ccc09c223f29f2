// Optional encryption at rest of consultation descriptions (AES-256-GCM, key from
// BOOKING_DESCRIPTION_KEY). A database copy or backup then reveals nothing of what a worker wrote;
// only this server, which holds the key, can read it. Without a key, text is stored as typed and
// both forms stay readable, so the key can be introduced on a running site.
import crypto from "node:crypto";

const PREFIX = "enc:v1:";

export function sealText(text: string, keyBase64: string | undefined): string {
  if (!keyBase64) return text;
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
