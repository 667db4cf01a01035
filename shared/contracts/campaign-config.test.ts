import { describe, expect, it } from 'vitest';
import { campaignConfig, campaignConfigDefaults, retryRuleDefaults, retryRules } from './campaign-config';

const required = { timezone: 'America/New_York', callWindows: [{ dayOfWeek: 1, startHour: 9, endHour: 17 }], maxCallsPerDay: 100, maxCallsPerLead: 3 };

describe('campaign config defaults', () => {
  it('campaignConfigDefaults are exactly what the schema fills in for a campaign that sends only the required settings', () => {
    const { timezone, callWindows, maxCallsPerDay, maxCallsPerLead, ...filledIn } = campaignConfig.parse(required);
    expect({ timezone, callWindows, maxCallsPerDay, maxCallsPerLead }).toEqual(required);
    expect(campaignConfigDefaults).toEqual(filledIn);
  });

  it('no_answer is retried after 1h, 4h, then 24h; busy after 4h; failed at once, then after 24h; voicemail as no answer', () => {
    expect(retryRuleDefaults).toEqual({ noAnswerDelaysHours: [1, 4, 24], busyDelaysHours: [4], failedDelaysHours: [0, 24], voicemail: 'like_no_answer' });
  });

  it('a campaign without retry rules gets the same rules as one that sends an empty retry object', () => {
    expect(campaignConfig.parse(required).retryRules).toEqual(retryRules.parse({}));
    expect(campaignConfigDefaults.retryRules).toEqual(retryRuleDefaults);
  });

  it('an outcome left out of the retry rules keeps its own default while the others are as sent', () => {
    expect(retryRules.parse({ busyDelaysHours: [2] })).toEqual({ ...retryRuleDefaults, busyDelaysHours: [2] });
  });

  it('the defaults are copies: changing one campaign\u2019s rules leaves the next campaign\u2019s alone', () => {
    const first = campaignConfig.parse(required);
    first.retryRules.noAnswerDelaysHours.push(48);
    expect(campaignConfig.parse(required).retryRules.noAnswerDelaysHours).toEqual([1, 4, 24]);
  });
});
