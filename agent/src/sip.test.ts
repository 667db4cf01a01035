import { describe, expect, it } from 'vitest';
import { isAnswered, leadIdentity } from './sip';

describe('the lead in the room', () => {
  it('is found by the identity the app dials them with', () => {
    expect(leadIdentity('call_1')).toBe('lead-call_1');
  });

  it.each([
    ['dialing', false],
    ['ringing', false],
    ['automation', false],
    ['active', true],
    ['hangup', false],
  ])('a SIP leg that is %s has answered: %s', (status, answered) => {
    expect(isAnswered({ 'sip.callStatus': status })).toBe(answered);
  });

  it('counts a participant that is not a phone leg as answered', () => {
    expect(isAnswered({})).toBe(true);
  });
});
