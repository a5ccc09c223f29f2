// Cleaning text people type, without zod (so that browser code such as search links can use it).

/**
 * Characters nobody types on purpose and that make stored text lie: control characters (NUL and
 * the rest of C0 and C1, except tab and line breaks) and the bidirectional overrides and isolates
 * that make a name display reversed (U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, "");
}
