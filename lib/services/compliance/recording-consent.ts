// Where recording a call needs every party's consent. When a campaign records, a lead in any of these gets
// the disclosure as the agent's first words. Contested states are kept: a needless disclosure costs nothing.

export interface RecordingConsentRule {
  jurisdiction: string;
  citation: string;
  /** Courts or commentators disagree whether a participant may record alone; treated as all-party. */
  contested?: string;
}

const SOURCES = [
  'https://recordphonecall.com/resources/one-party-vs-all-party/',
  'https://expert-opinion.com/one-and-two-party-state-info',
  'http://www.expert-opinions.net/one-and-two-party-state-info',
];

export const recordingConsentSources: readonly string[] = SOURCES;

export const allPartyConsentJurisdictions: readonly RecordingConsentRule[] = [
  { jurisdiction: 'US-CA', citation: 'Cal. Penal Code § 632' },
  { jurisdiction: 'US-CT', citation: 'Conn. Gen. Stat. § 52-570d' },
  { jurisdiction: 'US-DE', citation: 'Del. Code tit. 11, § 1335', contested: 'tit. 11 § 2402 allows one-party interception; listed all-party by expert-opinions.net' },
  { jurisdiction: 'US-FL', citation: 'Fla. Stat. § 934.03' },
  { jurisdiction: 'US-IL', citation: '720 ILCS 5/14-2' },
  { jurisdiction: 'US-MD', citation: 'Md. Code, Cts. & Jud. Proc. § 10-402' },
  { jurisdiction: 'US-MA', citation: 'Mass. Gen. Laws ch. 272, § 99' },
  { jurisdiction: 'US-MI', citation: 'MCL 750.539c', contested: 'Sullivan v. Gray (1982) lets a participant record; the statute reads all-party' },
  { jurisdiction: 'US-MT', citation: 'Mont. Code Ann. § 45-8-213' },
  { jurisdiction: 'US-NV', citation: 'NRS 200.620 (Lane v. Allstate, 1998: telephone calls need all parties)' },
  { jurisdiction: 'US-NH', citation: 'N.H. Rev. Stat. § 570-A:2' },
  { jurisdiction: 'US-PA', citation: '18 Pa. C.S. § 5703' },
  { jurisdiction: 'US-VT', citation: 'no statute; listed two-party by expert-opinions.net', contested: 'recordphonecall.com lists Vermont one-party (no statute)' },
  { jurisdiction: 'US-WA', citation: 'RCW 9.73.030' },
];
// Oregon (ORS 165.540) is all-party for in-person talk only; telephone calls are one-party, so it is not listed.

const set = new Set(allPartyConsentJurisdictions.map((r) => r.jurisdiction));

export function allPartyConsentIn(jurisdictions: readonly string[], anyUsState = false): string[] {
  if (anyUsState) return allPartyConsentJurisdictions.map((r) => r.jurisdiction);
  return jurisdictions.filter((j) => set.has(j));
}
