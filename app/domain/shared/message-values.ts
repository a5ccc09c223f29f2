// Validation messages are i18next keys; a few need values in their text.
/**
 * A message whose text needs values ("below the 2026 minimum wage of 10,320 KRW"): the key and
 * the values travel as one string, "<key>?<name>=<value>&…", which the form primitives split
 * (`splitMessage`) and translate with the values.
 */
export function messageWithValues(key: string, values: Record<string, string | number>): string {
  const query = new URLSearchParams(
    Object.entries(values).map(([name, value]) => [name, String(value)]),
  );
  return `${key}?${query.toString()}`;
}

/** The key and values of a message (`messageWithValues`); numbers come back as numbers. */
export function splitMessage(message: string): {
  key: string;
  values: Record<string, string | number>;
} {
  const at = message.indexOf("?");
  if (at < 0) return { key: message, values: {} };
  const values: Record<string, string | number> = {};
  for (const [name, value] of new URLSearchParams(message.slice(at + 1)))
    values[name] = /^-?\d+$/.test(value) ? Number(value) : value;
  return { key: message.slice(0, at), values };
}
