// Dates leave loaders as ISO strings (docs/architecture.md): one typed conversion for the nested
// records the booking pages show, instead of mapping every field by hand.

export type WithIsoDates<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? WithIsoDates<U>[]
    : T extends object
      ? { [K in keyof T]: WithIsoDates<T[K]> }
      : T;

export function withIsoDates<T>(value: T): WithIsoDates<T> {
  if (value instanceof Date) return value.toISOString() as WithIsoDates<T>;
  if (Array.isArray(value)) return value.map((item) => withIsoDates(item)) as WithIsoDates<T>;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withIsoDates(item)]),
    ) as WithIsoDates<T>;
  }
  return value as WithIsoDates<T>;
}
