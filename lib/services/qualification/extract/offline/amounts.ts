// Amounts of money in a clause, in digits or words already turned to digits: "$50k", "50,000 dollars",
// "50 thousand", "10 to 20 grand" (a range; its low end is what a budget is held to).

export type Amount = {
  /** The low end of a range, or the amount itself. */
  value: number;
  high?: number;
  /** Where it sits in the clause. */
  index: number;
  end: number;
  /** Said as money: a $ sign, dollars/bucks, or k/grand/thousand/million not followed by a count noun. */
  money: boolean;
  /** A bare number with no sign, unit or scale ("40"). */
  bare: boolean;
  /** Followed by a count or time noun: "6 weeks", "10 agents". */
  counted: boolean;
  scale: number;
};

const scaleOf: Record<string, number> = { k: 1e3, grand: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mil: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };
// k, grand and m only ever mean money on a sales call; thousand and million can count anything.
const moneyScales = new Set(['k', 'grand', 'm', 'mm', 'mil', 'bn']);

const single = /(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(k|grand|thousand|million|mil|mm|m|bn|billion)\b)?(?:\s?(dollars?|bucks|usd)\b)?/g;

// Things counted, not paid: "fifty thousand calls", "10 agents".
const countNoun =
  /^\s*(?:(?!(?:a|an|per|each|every)\s)[a-z]+\s)?(?:calls?|users?|people|persons?|employees?|customers?|clients?|leads?|contacts?|records?|units?|minutes?|mins?|hours?|days?|weeks?|months?|years?|emails?|tickets?|seats?|agents?|reps?|locations?|stores?|offices?|sites?|messages?|visitors?|members?|orders?|items?|patients?|students?|drivers?|techs?|staff|engineers?|sdrs?|percent|%|times?|of us|am|pm|o'clock)\b/;

type Raw = { value: number; base: number; scale: number; scaleWord: string | null; index: number; end: number; money: boolean; bare: boolean; counted: boolean };

function readSingles(clause: string): Raw[] {
  const out: Raw[] = [];
  for (const m of clause.matchAll(single)) {
    const [whole, dollar, digits, scaleWord, currency] = m;
    const base = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const scale = scaleWord ? scaleOf[scaleWord] : 1;
    const end = m.index + whole.length;
    const counted = !dollar && !currency && countNoun.test(clause.slice(end));
    const money = !counted && Boolean(dollar || currency || (scaleWord && (moneyScales.has(scaleWord) || !counted)));
    out.push({ value: base * scale, base, scale, scaleWord: scaleWord ?? null, index: m.index, end, money, bare: !dollar && !currency && !scaleWord, counted });
  }
  return out;
}

const rangeJoin = /^\s*(?:to|-|and|or)\s*$/;
const hedgeJoin = /^,?\s*(?:or|or maybe|maybe|possibly|perhaps|even|up to)\s*$/;
// Said quickly, "15 20k" is a range too.
const spokenRange = /^\s+$/;

/** The amounts in a clause, ranges folded into one amount with its low end. */
export function amountsIn(clause: string): Amount[] {
  const singles = readSingles(clause);
  const out: Amount[] = [];
  for (let i = 0; i < singles.length; i++) {
    const a = singles[i];
    const b = singles[i + 1];
    if (b && rangeJoin.test(clause.slice(a.end, b.index)) && (a.money || b.money) && b.value >= a.value * 0.999) {
      // "10 to 20 grand": the scale said once covers both ends.
      const low = a.scaleWord || a.base >= b.base ? a.value : a.base * b.scale;
      out.push({ value: low, high: b.value, index: a.index, end: b.end, money: true, bare: false, counted: false, scale: b.scale });
      i++;
      continue;
    }
    // "75 thousand, maybe 80": a hedge upward is a range, the scale said once.
    if (b && hedgeJoin.test(clause.slice(a.end, b.index)) && a.money && a.scaleWord && b.bare && b.base > a.base && b.base <= a.base * 2) {
      out.push({ value: a.value, high: b.base * a.scale, index: a.index, end: b.end, money: true, bare: false, counted: false, scale: a.scale });
      i++;
      continue;
    }
    const joined = b && (rangeJoin.test(clause.slice(a.end, b.index)) || spokenRange.test(clause.slice(a.end, b.index)));
    if (b && joined && a.bare && b.money && b.scaleWord && a.base < b.base) {
      out.push({ value: a.base * b.scale, high: b.value, index: a.index, end: b.end, money: true, bare: false, counted: false, scale: b.scale });
      i++;
      continue;
    }
    out.push({ value: a.value, index: a.index, end: a.end, money: a.money, bare: a.bare, counted: a.counted, scale: a.scale });
  }
  return out;
}
