import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env';

describe('the worker environment', () => {
  it('registers as outbound-caller unless told otherwise', () => {
    expect(readWorkerEnv({}).LIVEKIT_AGENT_NAME).toBe('outbound-caller');
    expect(readWorkerEnv({ LIVEKIT_AGENT_NAME: 'acme-caller' }).LIVEKIT_AGENT_NAME).toBe('acme-caller');
  });

  it('treats an empty variable as unset', () => {
    const env = readWorkerEnv({ LIVEKIT_AGENT_NAME: ' ', OPENAI_MODEL: '', LEAD_FIRST_WORDS_MS: '' });
    expect(env).toMatchObject({ LIVEKIT_AGENT_NAME: 'outbound-caller', OPENAI_MODEL: 'gpt-4.1-mini', LEAD_FIRST_WORDS_MS: 2500 });
  });

  it('reads the wait for the lead\'s first words as a number of milliseconds', () => {
    expect(readWorkerEnv({ LEAD_FIRST_WORDS_MS: '4000' }).LEAD_FIRST_WORDS_MS).toBe(4000);
    expect(() => readWorkerEnv({ LEAD_FIRST_WORDS_MS: 'soon' })).toThrow();
  });
});
