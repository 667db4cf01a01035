// One rule for what a log line may carry, for the app's logger (lib/logger.ts) and the agent's (agent/):
// no phone number but its last two digits, no e-mail address, no query string, no token or secret.
// Applied to the message and to every string in the fields, whatever the key, so an error message that
// quotes a number or a URL is covered too.

const e164 = /\+[1-9]\d{6,14}\b/g;
// (415) 555-0123, 415-555-0123, 415.555.0123, 1 415 555 0123
const nanpFormatted = /(?<![\w+])(?:1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g;
// 4155550123, 14155550123 (not a longer run: ids and epoch milliseconds are left alone)
const nanpBare = /\b1?[2-9]\d{2}[2-9]\d{6}\b/g;
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// smtp(s): SMTP_URL carries the mail server's credentials in its user info.
const url = /\b(?:https?|wss?|smtps?):\/\/[^\s"'<>]+/gi;
const authScheme = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const jwt = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const secretAssignment = /\b([\w-]*(?:token|secret|password|passwd|api[-_]?key|signature|sig|auth))=([^&\s"',;]+)/gi;

/** A key whose value is never logged, whatever it holds. */
const secretKey = /(?:token|secret|password|passwd|authorization|cookie|api[-_]?key|credential|signature)$/i;
/** A key whose value is a phone number even when it is not written like one. */
const phoneKey = /^(?:phone|phoneNumber|number|to|from|callerId|caller_id|sipCallTo)$/i;

export const redacted = '[redacted]';

/** A phone number as a log line may show it: its last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 2 ? '[phone]' : `[phone …${digits.slice(-2)}]`;
}

/** A URL without what may identify or authorise: its user info, query string and fragment. */
function bareUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const rest = u.search || u.hash ? '?[redacted]' : '';
    return `${u.protocol}//${u.host}${u.pathname}${rest}`;
  } catch {
    return '[url]';
  }
}

export function redactText(text: string): string {
  return text
    .replace(url, bareUrl)
    .replace(authScheme, `$1 ${redacted}`)
    .replace(jwt, redacted)
    .replace(secretAssignment, `$1=${redacted}`)
    .replace(email, '[email]')
    .replace(e164, maskPhone)
    .replace(nanpFormatted, maskPhone)
    .replace(nanpBare, maskPhone);
}

/** Log fields with the rule applied to every value, nested ones and errors included. */
export function redactLogFields(value: unknown, key = '', depth = 0): unknown {
  if (key && secretKey.test(key) && value !== undefined && value !== null) return redacted;
  if (typeof value === 'string') return key && phoneKey.test(key) ? maskPhone(value) : redactText(value);
  if (typeof value === 'number' && key && phoneKey.test(key)) return maskPhone(String(value));
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[deep]';
  if (value instanceof Date) return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  if (Array.isArray(value)) return value.map((v) => redactLogFields(v, '', depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactLogFields(v, k, depth + 1)]));
}

/** redactLogFields for a log call's fields object. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactLogFields(fields) as Record<string, unknown>;
}
