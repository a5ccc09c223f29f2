// Mobile numbers that can receive texts: Korean 010/011/016/017/018/019 numbers, however typed.

/** "010-1234-5678", "010 1234 5678", "+82 10-1234-5678" → "01012345678"; null if not a mobile. */
export function normalizeMobile(input: string): string | null {
  let digits = input.replace(/[\s\-().]/g, "");
  if (digits.startsWith("+82")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("82") && digits.length >= 11) digits = `0${digits.slice(2)}`;
  if (!/^\d+$/.test(digits)) return null;
  if (/^010\d{8}$/.test(digits)) return digits;
  if (/^01[16789]\d{7,8}$/.test(digits)) return digits;
  return null;
}

/** "01012345678" → "010-****-5678": enough to recognise one's own number, not to read it. */
export function maskMobile(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 8) return "***";
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}
