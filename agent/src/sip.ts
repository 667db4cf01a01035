// How the agent finds the lead in the room. The app dials the lead with participant identity
// `lead-<call_id>` (lib/telephony/livekit.ts) after dispatching the agent, so the agent is there
// first and waits for the phone to be answered before it speaks.

export function leadIdentity(callId: string): string {
  return `lead-${callId}`;
}

/** LiveKit's `sip.callStatus` participant attribute: dialing, ringing, automation, active, hangup. */
export const sipCallStatusAttribute = 'sip.callStatus';

/**
 * Whether the lead picked up. A participant without the SIP attribute is not a phone leg (a test
 * client in the playground, say) and counts as answered.
 */
export function isAnswered(attributes: Record<string, string>): boolean {
  const status = attributes[sipCallStatusAttribute];
  return status === undefined || status === 'active';
}
