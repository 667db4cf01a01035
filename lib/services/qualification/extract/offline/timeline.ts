// When the lead wants to buy or be live, as one of immediate | within_month | within_quarter | later | none.
import { DateTime } from 'luxon';
import type { Timeline } from '../../known-fields';
import { clausesOf, negatedBefore, replyPolarity, type LeadUtterance } from './utterances';

type Rule = { pattern: RegExp; timeline: Timeline | ((m: RegExpExecArray, now: DateTime) => Timeline | null); needsContext?: boolean };

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Where each season starts, as month and day.
const seasonStart: Record<string, [number, number]> = { spring: [3, 20], summer: [6, 21], fall: [9, 22], autumn: [9, 22], winter: [12, 21] };

/** A date ahead of now, bucketed the way a sales team talks about it. */
function bucket(days: number): Timeline {
  if (days <= 7) return 'immediate';
  if (days <= 31) return 'within_month';
  if (days <= 92) return 'within_quarter';
  return 'later';
}

function daysUntil(now: DateTime, month: number, day: number): number {
  let target = now.set({ month, day }).startOf('day');
  if (target < now.startOf('day')) target = target.plus({ years: 1 });
  return target.diff(now.startOf('day'), 'days').days;
}

const unitDays: Record<string, number> = { day: 1, week: 7, month: 30.5, year: 365 };

// The first rule that matches a clause decides it; more specific phrasings come first.
const rules: Rule[] = [
  // "in a month or two" is as late as two months.
  { pattern: /\b(?:a|1) (day|week|month) or (\d+)(?: (?:days|weeks|months))?\b/, timeline: (m) => bucket(Number(m[2]) * unitDays[m[1]]) },
  { pattern: /\bnot (?:before|until|till|for at least|for another|for a while|any ?time soon|this (?:year|quarter|month))\b/, timeline: 'later' },
  { pattern: /\bnot (?:right )?now\b|\bnot (?:in a|in any) (?:rush|hurry)\b/, timeline: 'later' },
  {
    pattern: /\bno (?:plans?|timeline|timeframe|time frame|set date)\b|\bnot (?:looking|planning|in the market|shopping)\b|\b(?:just|only) (?:exploring|browsing|looking around|curious|researching)\b/,
    timeline: 'none',
  },
  { pattern: /\b(?:asap|a\.s\.a\.p|as soon as (?:possible|we can)|right away|immediately|straight away|urgent(?:ly)?|(?:needed|need) (?:this|it|something) yesterday|ready to (?:go|start|buy|sign))\b/, timeline: 'immediate' },
  { pattern: /\bthe sooner the better\b|\bas soon as\b/, timeline: 'immediate' },
  { pattern: /\b(?:this week|yesterday)\b|^(?:right )?now\b/, timeline: 'immediate', needsContext: true },
  {
    pattern: /\b(?:this month|next month|within (?:the|a) month|in a month|end of (?:the|this) month|(?:next|in|within) (?:the next )?(?:a |the )?(?:few|couple(?: of)?|1|2|3|4) weeks|(?:in|within|next) 30 days)\b/,
    timeline: 'within_month',
  },
  {
    pattern: /\b(?:this quarter|end of (?:the|this) quarter|within (?:the|this) quarter|(?:next|in|within) (?:the next )?(?:couple(?: of)?|few|2|3) months|(?:in|within|next) (?:45|60|90) days)\b/,
    timeline: 'within_quarter',
  },
  {
    pattern: /\b(?:next quarter|next year|(?:next|new) fiscal(?: year)?|later this year|end of (?:the|this) year|down the road|some ?day|eventually|long term|no rush|no hurry|\d+ months out|next (?:spring|summer|fall|autumn|winter))\b/,
    timeline: 'later',
  },
  // A range is as late as its far end: "two or three months", "sixty to ninety days".
  {
    pattern: /\b(?:in |within |next |about |around |probably |maybe )?(?:the next )?(\d+) (?:or|to|-) (\d+) (day|week|month|year)s?\b/,
    timeline: (m) => bucket(Number(m[2]) * unitDays[m[3]]),
  },
  { pattern: /^(?:(?:in|within|maybe|like|probably|about|around) )*(?:a )?(?:couple(?: of)?|few) weeks\b/, timeline: 'within_month', needsContext: true },
  { pattern: /^(?:(?:in|within|maybe|like|probably|about|around) )*(?:a )?(?:couple(?: of)?|few) months\b/, timeline: 'within_quarter', needsContext: true },
  {
    pattern: /\b(?:in|within|next|about|around|probably|for at least|for another) (?:the next )?(\d+|a|an) (day|week|month|year)s?\b/,
    timeline: (m) => bucket((m[1] === 'a' || m[1] === 'an' ? 1 : Number(m[1])) * unitDays[m[2]]),
  },
  {
    pattern: /\b(?:in|by|for|around|before|after|over) (?:the )?(spring|summer|fall|autumn|winter)\b/,
    timeline: (m, now) => bucket(daysUntil(now, ...seasonStart[m[1]])),
    needsContext: true,
  },
  {
    pattern: new RegExp(`\\b(?:in|by|before|around|for|until|end of) (${monthNames.join('|')})\\b`),
    timeline: (m, now) => {
      const month = monthNames.indexOf(m[1]) + 1;
      // "By the end of April" is the last day of April, not the first.
      const day = /end of/.test(m[0]) ? now.set({ month }).endOf('month').day : 1;
      return bucket(daysUntil(now, month, day));
    },
    needsContext: true,
  },
  {
    pattern: /\b(end of )?q([1-4])\b/,
    // "Q2" is when it starts; "end of Q2" its last day.
    timeline: (m, now) => {
      const q = Number(m[2]);
      if (q === now.quarter) return 'within_quarter';
      return m[1] ? bucket(daysUntil(now, q * 3, now.set({ month: q * 3 }).endOf('month').day)) : bucket(daysUntil(now, (q - 1) * 3 + 1, 1));
    },
    needsContext: true,
  },
  { pattern: /\b(20\d\d)\b/, timeline: (m, now) => (Number(m[1]) > now.year ? 'later' : null), needsContext: true },
];

const askedForAMoment = /\b(?:have|got) (?:a |an |two |a few |a couple )?(?:minute|minutes|sec|second|moment)\b|\bgood time\b/;
const timingQuestion = /\b(?:when|timing|timeline|timeframe|time frame|how soon|start|switch|in place|live|looking to|roll ?out|move|change|plans?|hoping)\b/;
const buyingWords =
  /\b(?:want|need|needed|would like|'d like|like to|looking|plan|planning|start|switch|move|buy|implement|roll|live|in place|sorted|done|change|get it|have it|go|decide|sign|purchase|launch|up and running|ready)\b/;
// "Call me back next week" is about the call, not the purchase.
const aboutTheCall = /\b(?:call|ring|try|reach|phone|text)(?: me| us)? (?:back|again|later)\b|\b(?:call|ring|try|reach|phone|text) (?:me|us)\b/;

function readClause(clause: string, now: DateTime, inContext: boolean): Timeline | null {
  if (aboutTheCall.test(clause)) return null;
  for (const rule of rules) {
    const m = rule.pattern.exec(clause);
    if (!m) continue;
    if (rule.needsContext && !inContext && !buyingWords.test(clause) && !/\b(?:until|budget|fiscal)\b/.test(clause)) continue;
    const timeline = typeof rule.timeline === 'function' ? rule.timeline(m, now) : rule.timeline;
    if (!timeline) continue;
    // "We can't do anything this quarter": a near date, negated, is a later one.
    if ((timeline === 'immediate' || timeline === 'within_month' || timeline === 'within_quarter') && negatedBefore(clause, m.index)) return 'later';
    return timeline;
  }
  return null;
}

/** The timeline the lead gives (the last one, as people correct themselves); null when never said. */
export function extractTimeline(utterances: readonly LeadUtterance[], now: Date, timeZone: string): Timeline | null {
  const at = DateTime.fromJSDate(now, { zone: timeZone });
  let found: Timeline | null = null;
  for (const u of utterances) {
    const asked = u.question !== null && timingQuestion.test(u.question);
    let own: Timeline | null = null;
    // "Got a minute?" "Not right now": about this call, not about buying.
    const askedForTime = u.question !== null && askedForAMoment.test(u.question);
    for (const clause of clausesOf(u.digits)) {
      if (askedForTime && /^(?:no,? )?not (?:right )?now\b/.test(clause)) continue;
      own = readClause(clause, at, asked) ?? own;
    }
    if (own) {
      found = own;
      continue;
    }
    // "Are you hoping to have something in place this quarter?" "Yes, definitely."
    if (u.question && replyPolarity(u.text) === 'yes') {
      const proposed = clausesOf(u.question)
        .map((c) => readClause(c, at, true))
        .find((t) => t !== null);
      if (proposed) found = proposed;
    }
  }
  return found;
}
