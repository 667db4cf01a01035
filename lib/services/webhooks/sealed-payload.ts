// An event's body holds personal data (the lead's CRM fields, the transcript), so the outbox keeps it
// sealed with the data key like the rows it was built from (shared/data-encryption.ts), and opens it only
// to sign and send it.
import { dataCipher } from '@/lib/data-cipher';

export type StoredWebhookPayload = { sealed: string };

export const sealWebhookPayload = (body: unknown): StoredWebhookPayload => ({ sealed: dataCipher().sealJson(body) });

/** The body as sent; a payload stored before sealing reads as it is. */
export function openWebhookPayload(stored: unknown): unknown {
  const sealed = (stored as Partial<StoredWebhookPayload> | null)?.sealed;
  return typeof sealed === 'string' ? dataCipher().openJson(sealed) : stored;
}
