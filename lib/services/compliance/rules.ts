// The calling-rules table, as data: one row per jurisdiction's rule, each with the text it comes from.
// A rule without a source is not added. Hours are the lead's local wall clock, [start, end) in minutes.
import type { ComplianceRule, MinuteSpan } from './types';

const h = (start: number, end: number): MinuteSpan => ({ start: Math.round(start * 60), end: Math.round(end * 60) });
/** Hours per weekday, Sunday first. */
type Week = readonly (readonly MinuteSpan[])[];
const daily = (span: MinuteSpan): Week => [[span], [span], [span], [span], [span], [span], [span]];
const week = (o: { sun: MinuteSpan | null; weekdays: MinuteSpan; sat: MinuteSpan | null }): Week => [
  o.sun ? [o.sun] : [], [o.weekdays], [o.weekdays], [o.weekdays], [o.weekdays], [o.weekdays], o.sat ? [o.sat] : [],
];

const DROPCOWBOY = 'https://www.dropcowboy.com/state-compliance (state table, last updated 2025-11-01)';
const CLICKPOINT = 'https://blog.clickpointsoftware.com/telemarketing-calling-hours-by-state (reviewed July 2025)';

export const complianceRules: readonly ComplianceRule[] = [
  {
    id: 'us-federal-hours',
    jurisdiction: 'US',
    summary: 'No telephone solicitation before 08:00 or from 21:00, the called party’s local time.',
    hours: daily(h(8, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: {
      citation: '47 CFR 64.1200(c)(1)',
      url: 'https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200',
      verification: 'secondary',
      checkedAgainst: DROPCOWBOY,
      note: 'Also the engine’s floor for any lead whose jurisdictions have no hours rule of their own (Caribbean, international).',
    },
    effective: '1992-12-20',
  },
  {
    id: 'us-fl-hours-cap',
    jurisdiction: 'US-FL',
    summary: 'Commercial telephone solicitation only 08:00–20:00 local time; at most 3 calls per 24 h on the same subject.',
    hours: daily(h(8, 20)),
    holidayBan: false,
    callsPer24h: 3,
    source: {
      citation: 'Fla. Stat. § 501.616(6)(a)–(b)',
      url: 'https://www.flsenate.gov/Laws/Statutes/2024/501.616',
      verification: 'statute_text',
      checkedAgainst: 'https://flsenate.gov/Session/Bill/2021/1120/BillText/Filed/HTML (SB 1120 amending 501.616(6)); http://www.lawserver.com/law/state/florida/statutes/florida_statutes_501-616',
    },
    effective: '2021-07-01',
  },
  {
    id: 'us-ok-hours-cap',
    jurisdiction: 'US-OK',
    summary: 'Telephonic sales calls only 08:00–20:00 local time; at most 3 calls per 24 h on the same subject.',
    hours: daily(h(8, 20)),
    holidayBan: false,
    callsPer24h: 3,
    source: {
      citation: 'Okla. Stat. tit. 15, § 775C.4 (Oklahoma Telephone Solicitation Act of 2022)',
      url: 'https://oksenate.gov/',
      verification: 'secondary',
      checkedAgainst: `${CLICKPOINT}; ${DROPCOWBOY}`,
    },
    effective: '2022-11-01',
  },
  {
    id: 'us-ok-adad-hours',
    jurisdiction: 'US-OK',
    summary: 'An automatic dial announcing device (prerecorded or synthesized voice) may not call before 09:00 or after 21:00.',
    hours: daily(h(9, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: {
      citation: '15 O.S. § 755.1(C)(2)(a)',
      url: 'https://self-law.org/code/ok/title-15-contracts/15-755-1',
      verification: 'statute_text',
      checkedAgainst:
        'http://www.contactcentercompliance.com/legal/statutes/OK/15_Okl._St./755.1.adpx and https://self-law.org/code/ok/title-15-contracts/15-755-1 (reproductions of the section, not the Legislature’s own site): “For calls terminating in this state, the device is not used to make a call: a. before 9 a.m. or after 9 p.m.”',
      note: 'The section governs automatic dial announcing devices, which disseminate a prerecorded or synthesized voice; an AI voice agent’s call may be one, so the engine applies the row to every call to an Oklahoma lead (stricter). With the Telephone Solicitation Act’s 20:00 the Oklahoma window is 09:00–20:00.',
    },
    effective: null,
  },
  {
    id: 'us-md-hours-cap',
    jurisdiction: 'US-MD',
    summary: 'Telephone solicitation only 08:00–20:00 in the called party’s zone; at most 3 calls or texts per 24 h on the same subject.',
    hours: daily(h(8, 20)),
    holidayBan: false,
    callsPer24h: 3,
    source: {
      citation: 'Md. Code, Com. Law § 14-4503 (Stop the Spam Calls Act of 2023)',
      url: 'https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&section=14-4503',
      verification: 'secondary',
      checkedAgainst: 'https://www.wmar2news.com/local/law-to-prevent-spam-calls-takes-effect-first-of-the-year; https://www.dataguidance.com/news/maryland-bill-unsolicited-telephone-calls-signed (in force 2024-01-01)',
    },
    effective: '2024-01-01',
  },
  {
    id: 'us-wa-hours',
    jurisdiction: 'US-WA',
    summary: 'Telephone solicitation only 08:00–20:00 at the call recipient’s local time.',
    hours: daily(h(8, 20)),
    holidayBan: false,
    callsPer24h: null,
    source: {
      citation: 'RCW 80.36.390; RCW 19.158.040(2)',
      url: 'https://app.leg.wa.gov/RCW/default.aspx?cite=80.36.390',
      verification: 'statute_text',
      checkedAgainst: 'https://app.leg.wa.gov/RCW/default.aspx?cite=19.158.040 (text of (2)); https://centralialaw.com/new-solicitation-law/ (HB 1497, 2022)',
      note: 'Effective date is that of HB 1497 (2022 c 132), 90 days after the 2022 session; not read from the session law itself.',
    },
    effective: '2022-06-09',
  },
  {
    id: 'us-la-hours-sunday-holiday',
    jurisdiction: 'US-LA',
    summary: 'Telephonic solicitation Monday–Saturday 08:00–20:00 only; none on Sundays or state legal holidays.',
    hours: week({ sun: null, weekdays: h(8, 20), sat: h(8, 20) }),
    holidayBan: true,
    callsPer24h: null,
    source: {
      citation: 'LPSC General Order R-29617 (Do Not Call Program), under La. R.S. 45:844.11 et seq.',
      url: 'https://lpsc.louisiana.gov/DNC_Emergency',
      verification: 'secondary',
      checkedAgainst: `${DROPCOWBOY}; ${CLICKPOINT}; https://www.dnc.com/index.php/news/louisiana-governor-declares-july-3-holiday-prompting-call-restrictions; https://lpsc.louisiana.gov/DNC_Emergency (names General Order R-29617 as the program's general provisions; the order's text was not retrieved)`,
      note:
        'Earlier cited as La. R.S. 45:844.17, which is the chapter’s safe-harbor section (its text was read: https://self-law.org/code/la/title-45/45-416), not the hours rule; the hours and the Sunday and holiday ban are from the secondary tables. Holidays: every public holiday date-holidays lists for US-LA (a superset of the PSC’s list). Governor-declared holidays (e.g. 2023-07-03) are not in the library: enter them as blackouts. During a governor-declared state of emergency La. R.S. 45:844.31 bans telephonic solicitation altogether: enter it as a blackout too.',
    },
    effective: null,
  },
  {
    id: 'us-ri-hours-sunday-holiday',
    jurisdiction: 'US-RI',
    summary: 'Unsolicited telephonic sales calls weekdays 09:00–18:00, Saturdays 10:00–17:00; none on Sundays or holidays.',
    hours: week({ sun: null, weekdays: h(9, 18), sat: h(10, 17) }),
    holidayBan: true,
    callsPer24h: null,
    source: {
      citation: 'R.I. Gen. Laws § 5-61-3.6, hours of operation as defined in § 5-61-2(9)',
      url: 'http://webserver.rilin.state.ri.us/Statutes/TITLE5/5-61/5-61-3.6.HTM',
      verification: 'statute_text',
      checkedAgainst:
        'http://webserver.rilin.state.ri.us/Statutes/TITLE5/5-61/5-61-3.6.HTM (official: calls only during hours of operation, § 5-61-2(9)); § 5-61-2 text at https://instalawyer.io/laws/rhode-island-general-laws/section-5-61-2-definitions (an unofficial reproduction, where the definition is numbered (2)): “Monday through Friday, except a state or federal holiday, nine o’clock (9:00 a.m.) to six o’clock (6:00 p.m.); Saturday ten o’clock (10:00 a.m.) to five o’clock (5:00 p.m.)”',
      note: 'The issue cites § 5-61-4 (registration information); the hours rule is § 5-61-3.6. Sundays are outside the hours of operation. The text excepts holidays on weekdays only; the engine also refuses a holiday falling on a Saturday (stricter). date-holidays’ US-RI calendar includes the federal holidays (Washington’s Birthday, Juneteenth) as well as the state’s own (Victory Day).',
    },
    effective: null,
  },
  {
    id: 'us-tx-hours',
    jurisdiction: 'US-TX',
    summary: 'Telephone solicitation Monday–Saturday 09:00–21:00, Sunday 12:00–21:00.',
    hours: week({ sun: h(12, 21), weekdays: h(9, 21), sat: h(9, 21) }),
    holidayBan: false,
    callsPer24h: null,
    source: {
      citation: 'Tex. Bus. & Com. Code § 301.051',
      url: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.301.htm#301.051',
      verification: 'secondary',
      checkedAgainst: 'https://tcpaguide.org/states/texas/cold-calling (9am–9pm weekdays/Saturday, noon–9pm Sunday); https://instalawyer.io/laws/texas-statutes/subtitle-a-telephones (§ 301.051 “Telephone solicitation requirements”)',
      note: 'The issue cites § 302.101, which is the registration requirement of ch. 302; the hours are in § 301.051.',
    },
    effective: '2009-04-01',
  },
  {
    id: 'us-ms-hours-sunday',
    jurisdiction: 'US-MS',
    summary: 'Telephone solicitation Monday–Saturday 08:00–21:00 Central Standard Time; none on Sundays.',
    hours: week({ sun: null, weekdays: h(8, 21), sat: h(8, 21) }),
    holidayBan: false,
    callsPer24h: null,
    alsoInZones: ['Etc/GMT+6'],
    source: {
      citation: 'Miss. Code Ann. § 77-3-723(1); § 77-3-603(a)',
      url: 'https://www.dnc.com/blog/no-more-holidays-mississippi-marketers-magnolia-state-lifts-prohibition-telemarketing-legal',
      verification: 'secondary',
      checkedAgainst: 'https://www.dnc.com/blog/no-more-holidays-mississippi-marketers-magnolia-state-lifts-prohibition-telemarketing-legal (quotes both sections; MS AG confirms no holiday ban since the PSC rules were repealed, 2024)',
      note: 'The issue cites § 77-3-725 (penalties). The statute names Central Standard Time, so the hours are read both in the lead’s zones and in fixed UTC−6 (in summer 08:00 CST is 09:00 CDT). One secondary table (dropcowboy) gives 20:00; the statute text quoted gives 21:00.',
    },
    effective: null,
  },
  {
    id: 'us-ct-hours',
    jurisdiction: 'US-CT',
    summary: 'Telephonic sales calls only 09:00–20:00 local time.',
    hours: daily(h(9, 20)),
    holidayBan: false,
    callsPer24h: null,
    source: {
      citation: 'Conn. Gen. Stat. § 42-288a',
      url: 'https://www.cga.ct.gov/current/pub/chap_743m.htm#sec_42-288a',
      verification: 'secondary',
      checkedAgainst: `${DROPCOWBOY} (9am–8pm); section text at https://casetext.com/statute/general-statutes-of-connecticut/title-42-business-selling-trading-and-collection-practices/chapter-743m-telemarketing/section-42-288a (hours subsection not in the excerpt read)`,
      note: 'An older secondary table (clickpoint) still shows 9am–9pm; the stricter, newer 20:00 is kept.',
    },
    effective: '2023-10-01',
  },
  {
    id: 'us-al-hours-sunday-holiday',
    jurisdiction: 'US-AL',
    summary: 'Telephone solicitation Monday–Saturday 08:00–20:00; none on Sundays or state holidays.',
    hours: week({ sun: null, weekdays: h(8, 20), sat: h(8, 20) }),
    holidayBan: true,
    callsPer24h: null,
    source: {
      citation: 'Alabama Public Service Commission telephone solicitation rules (as summarised by the secondary sources checked)',
      url: 'https://psc.alabama.gov/',
      verification: 'secondary',
      checkedAgainst: `${DROPCOWBOY}; ${CLICKPOINT}; https://dnc.dreamhosters.com/2019-january-restricted-call-dates`,
      note: 'One source says the PSC rules bind only telephone utilities; kept because when in doubt the engine calls less.',
    },
    effective: null,
  },
  {
    id: 'us-ky-hours',
    jurisdiction: 'US-KY',
    summary: 'Telephone solicitation only 10:00–21:00 local time.',
    hours: daily(h(10, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: 'KRS 367.46955(15)', url: 'https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=37588', verification: 'secondary', checkedAgainst: `${DROPCOWBOY}; ${CLICKPOINT}` },
    effective: null,
  },
  {
    id: 'us-ma-hours',
    jurisdiction: 'US-MA',
    summary: 'Telephone solicitation only 08:00–20:00 local time.',
    hours: daily(h(8, 20)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: 'Mass. Gen. Laws ch. 159C (Telephone Solicitation Act)', url: 'https://malegislature.gov/Laws/GeneralLaws/PartI/TitleXXII/Chapter159C', verification: 'secondary', checkedAgainst: `${DROPCOWBOY}; ${CLICKPOINT}` },
    effective: null,
  },
  {
    id: 'us-mi-hours',
    jurisdiction: 'US-MI',
    summary: 'Telephone solicitation only 09:00–21:00 local time.',
    hours: daily(h(9, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: 'MCL 445.111b', url: 'https://www.legislature.mi.gov/Laws/MCL?objectName=mcl-445-111b', verification: 'secondary', checkedAgainst: DROPCOWBOY },
    effective: null,
  },
  {
    id: 'us-mn-hours',
    jurisdiction: 'US-MN',
    summary: 'Telephone solicitation only 09:00–21:00 local time.',
    hours: daily(h(9, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: 'Minn. Stat. § 325E.27', url: 'https://www.revisor.mn.gov/statutes/cite/325E.27', verification: 'secondary', checkedAgainst: DROPCOWBOY },
    effective: null,
  },
  {
    id: 'us-nv-hours',
    jurisdiction: 'US-NV',
    summary: 'Telephone solicitation only 09:00–20:00 local time.',
    hours: daily(h(9, 20)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: 'Nev. Rev. Stat. ch. 228 (telephone solicitation), per the secondary source checked', url: 'https://www.leg.state.nv.us/NRS/NRS-228.html', verification: 'secondary', checkedAgainst: DROPCOWBOY },
    effective: null,
  },
  {
    id: 'us-nm-hours',
    jurisdiction: 'US-NM',
    summary: 'Telephone solicitation only 09:00–21:00 local time.',
    hours: daily(h(9, 21)),
    holidayBan: false,
    callsPer24h: null,
    source: { citation: 'N.M. Stat. § 57-12-22', url: 'https://nmonesource.com/nmos/nmsa/en/nav_date.do', verification: 'secondary', checkedAgainst: DROPCOWBOY },
    effective: null,
  },
  {
    id: 'us-pa-hours-holiday',
    jurisdiction: 'US-PA',
    summary: 'No telemarketing after 21:00 or before 08:00; no telephone solicitation calls on legal holidays.',
    hours: daily(h(8, 21)),
    holidayBan: true,
    callsPer24h: null,
    source: {
      citation: '73 P.S. § 2245(a)(1), (a)(10) (Telemarketer Registration Act, as amended by Act 73 of 2019)',
      url: 'https://govt.westlaw.com/pac/Document/NE4CC77F0E9F711E9BEFE89A994168F89',
      verification: 'secondary',
      checkedAgainst:
        'https://govt.westlaw.com/pac/Document/NE4CC77F0E9F711E9BEFE89A994168F89 (Purdon’s, unofficial: “(a)(1) Conducting telemarketing after 9 p.m. or before 8 a.m.”; (a)(10) not in the excerpt read); holiday ban per https://www.jenkinslaw.org/blog/2019/12/03/amendments-pennsylvanias-telemarketer-registration-act-effective-today (“§ 5(a)(10)”) and https://mslawgroup.com/regulatory-alert-pennsylvania-amends-telemarketing-registration-act/',
      note: 'The hours equal the federal ones; the row is here for the holiday ban. Holidays: every public holiday date-holidays lists for US-PA (it includes Flag Day, June 14), plus Good Friday and Election Day (holidays.ts supplements). SB 992 (2025–26 session; passed the Senate) would ban Sundays and calls before 09:00 or from 19:00; its enactment was not confirmed, so it is not applied.',
    },
    effective: '2019-12-03',
  },
  {
    id: 'us-ut-hours-sunday-holiday',
    jurisdiction: 'US-UT',
    summary: 'No telephone solicitation without prior express consent between 21:00 and 08:00, on a Sunday or on a legal holiday.',
    hours: week({ sun: null, weekdays: h(8, 21), sat: h(8, 21) }),
    holidayBan: true,
    callsPer24h: null,
    source: {
      citation: 'Utah Code § 13-25a-103(3)',
      url: 'https://codes.findlaw.com/ut/title-13-commerce-and-trade/ut-code-sect-13-25a-103/',
      verification: 'statute_text',
      checkedAgainst:
        'https://codes.findlaw.com/ut/title-13-commerce-and-trade/ut-code-sect-13-25a-103/ (FindLaw’s reproduction, “current as of January 01, 2025”; not the Legislature’s own site): “(3) A person may not make a telephone solicitation to a residential telephone or cellular telephone without prior express consent during any of the following times: (a) between the hours of 9 p.m. and 8 a.m. local time; (b) on a Sunday; or (c) on a legal holiday.”',
      note: 'The statute exempts calls with prior express consent; the engine applies the row to every call (stricter). Holidays: every public holiday date-holidays lists for US-UT (it includes Pioneer Day, July 24).',
    },
    effective: null,
  },
  {
    id: 'ca-crtc-hours',
    jurisdiction: 'CA',
    summary: 'Telemarketing calls weekdays 09:00–21:30, weekends 10:00–18:00, the called party’s time.',
    hours: week({ sun: h(10, 18), weekdays: h(9, 21.5), sat: h(10, 18) }),
    holidayBan: false,
    callsPer24h: null,
    source: {
      citation: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules)',
      url: 'https://crtc.gc.ca/eng/phone/telemarketing/tobligations/rules-regles.htm',
      verification: 'regulator_page',
      checkedAgainst: 'https://crtc.gc.ca/eng/phone/telemarketing/tobligations/rules-regles.htm (“Calling curfews”); http://www.crtc.gc.ca/eng/trules-reglest.htm',
      note: 'Rules in force with the National DNCL launch (Telecom Decision CRTC 2007-48).',
    },
    effective: '2008-09-30',
  },
  {
    id: 'ca-bc-hours-holiday',
    jurisdiction: 'CA-BC',
    summary: 'Licensed telemarketers: weekdays 09:00–21:30, weekends 10:00–18:00 (local time); no calls on statutory holidays.',
    hours: week({ sun: h(10, 18), weekdays: h(9, 21.5), sat: h(10, 18) }),
    holidayBan: true,
    callsPer24h: null,
    source: {
      citation: 'B.C. Telemarketer Licensing Regulation, under the Business Practices and Consumer Protection Act',
      url: 'https://www.consumerprotectionbc.ca/get-keep-licence/telemarketing/know-your-obligations/',
      verification: 'regulator_page',
      checkedAgainst:
        'https://consumerprotectionbc.ca/2011/07/everything-you-wanted-to-know-about-telemarketers (Consumer Protection BC, the regulator: “Telemarketers are not allowed to call on statutory holidays, but they are able to call on weekends between 10 a.m. and 6 p.m. and weekdays between 9:00 a.m. and 9:30 p.m. (your local time)”); https://www.consumerprotectionbc.ca/2023/03/5-rules-about-telemarketing-calls/ (weekdays 09:00–21:30, once per 30 days per offer); the regulation’s own text was not read',
      note: 'The regulator also limits a telemarketer to one call per 30 days about the same offer without consent; the engine has no per-offer count and does not apply it. Holidays: date-holidays’ CA-BC public holidays plus the National Day for Truth and Reconciliation (September 30, a statutory holiday since 2023; holidays.ts supplements).',
    },
    effective: null,
  },
];

const byId = new Map(complianceRules.map((r) => [r.id, r]));

export function complianceRule(id: string): ComplianceRule | undefined {
  return byId.get(id);
}

/** The rule rows of these jurisdictions, in table order. */
export function rulesFor(jurisdictions: readonly string[]): ComplianceRule[] {
  const set = new Set(jurisdictions);
  return complianceRules.filter((r) => set.has(r.jurisdiction));
}

/** Every US state's rows (a number that may ring in any state). */
export const usStateRules: readonly ComplianceRule[] = complianceRules.filter((r) => r.jurisdiction.startsWith('US-'));
export const federalFloorRule: ComplianceRule = byId.get('us-federal-hours')!;
