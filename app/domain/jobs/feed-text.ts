// Text for the Atom feed. The feed library writes entry titles and summaries as HTML (in CDATA):
// plain text is therefore HTML-escaped, so that "<b>" in a posting shows as typed instead of
// being read as markup, and characters XML does not allow at all (control characters, U+FFFE/F,
// lone surrogates) are dropped, so one stray character cannot make the whole feed unreadable.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

export function feedText(text: string): string {
  return xmlSafe(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
