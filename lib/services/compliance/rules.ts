// The calling-rules table, as data: one row per jurisdiction's rule, each with the text it comes from.
import type { ComplianceRule, MinuteSpan } from './types';

const h = (start: number, end: number): MinuteSpan => ({ start: start * 60, end: end * 60 });
const everyDay = (span: MinuteSpan) => [[span], [span], [span], [span], [span], [span], [span]];

export const complianceRules: readonly ComplianceRule[] = [
  {
    id: 'us-federal-hours',
    jurisdiction: 'US',
    summary: 'No telephone solicitation before 08:00 or after 21:00 at the called party’s location.',
    hours: everyDay(h(8, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: '47 CFR 64.1200(c)(1)', url: 'https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200', verified: false },
    effective: '1992-12-20',
  },
];
