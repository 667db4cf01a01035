// One size limit for a lead's context, whichever way the lead arrives (JSON or a CSV row): the
// context travels to the agent in the dispatch metadata and into every call's record.
export const leadContextMaxBytes = 64 * 1024;

export const leadContextTooLarge = 'context is larger than 64 KB';

/** Whether the context fits, measured as the UTF-8 JSON it is stored as. */
export function leadContextFits(context: Record<string, unknown>): boolean {
  return Buffer.byteLength(JSON.stringify(context), 'utf8') <= leadContextMaxBytes;
}
