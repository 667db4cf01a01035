// The lead's budget: an amount they say they can spend or have set aside. What the agent says, what
// they pay today, an approval limit and an amount they reject are not a budget.
import { amountsIn, type Amount } from './amounts';
import { clausesOf, negatedBefore, type LeadUtterance } from './utterances';

const budgetWords =
  /\b(?:budget(?:ed|s)?|spend|invest|set aside|put aside|put away|earmark(?:ed)?|allocat(?:e|ed)|afford|ceiling|could do|can do|looking at|thinking|work with|up to|max(?:imum)?|tops|we've got|we have|i have|i've got|we got|got|'d pay|would pay|willing to pay|approved|under|below|less than)\b/;
const budgetQuestion = /\b(?:budget(?:ed|s|ing)?|spend|invest|afford|price range|allocat(?:e|ed)|set aside|money|what could you|what would you|worth to you|willing to pay|pay for)\b/;
// "...bumped it to 40": a bare number after one of these may carry the scale of an earlier amount.
const correction = /\b(?:to|at|more like|actually|maybe|bumped|raised|up|down|about|around|or)\s*$/;

// Money going out today, not money available: "we pay $900 a month for it".
const paidToday = /\b(?:pay|paying|paid|costs? us|charg(?:e|es|ed|ing)|we spend|we're spending|spending)\b/;
const wouldSpend = /\b(?:could|can|would|'d|willing|able|happy to|ready to|want to|plan to|planning to)\b/;
// "I can approve anything under fifty grand": an authority limit.
const approvalLimit = /\b(?:approve|sign off on|sign for|sign anything)\b.*\b(?:under|up to|below|less than)\b|\b(?:anything|purchases) (?:under|below|up to)\b/;
// A ceiling is still a budget: "no more than 20k".
const ceiling = /\b(?:no|not) (?:more than|over|above|exceeding)\s*$/;

const noBudget =
  /\b(?:(?:don't|do not|doesn't) (?:really )?have (?:a |any |the )?(?:real )?budget|(?:there's|there is|we have|we've got) no (?:real )?budget|no budget|zero budget|haven't got (?:a |any )?budget|(?:there's|there is) no money)\b(?! (?:in mind|set|figured|decided|number))/;

type Candidate = { value: number; order: number };

/** `since`: where the amount before it ends; a negation before that one is its own ("not 50 more like 35"). */
function isUsable(clause: string, amount: Amount, since: number): boolean {
  if (paidToday.test(clause) && !wouldSpend.test(clause)) return false;
  if (approvalLimit.test(clause)) return false;
  const before = clause.slice(since, amount.index);
  if (negatedBefore(before, before.length) && !ceiling.test(before)) return false;
  return true;
}

// "Would budget be available?" "Not really." is "no budget".
const budgetExists = /\b(?:is there|would there be|do you have|have you got|any) (?:a |any |the )?(?:budget|money|funding)\b|\b(?:budget|money|funding) (?:be |is |was )?(?:for|available|set aside)\b/;

/** Dollars the lead can spend (the low end of a range), 0 for "no budget", null when never said. */
export function extractBudget(utterances: readonly LeadUtterance[]): number | null {
  const candidates: Candidate[] = [];
  let order = 0;
  for (const u of utterances) {
    const askedAboutBudget = u.question !== null && budgetQuestion.test(u.question);
    let lastScaled: Amount | null = null;
    if (u.question && budgetExists.test(u.question) && !/\bin mind\b/.test(u.question) && /^(?:no|nope|nah|not really|not at all|not yet|none|zero|nothing)\b/.test(u.text)) candidates.push({ value: 0, order: order++ });
    const textClauses = clausesOf(u.text);
    clausesOf(u.digits).forEach((clause, i) => {
      const context = askedAboutBudget || budgetWords.test(clause);
      if (noBudget.test(textClauses[i] ?? clause)) candidates.push({ value: 0, order: order++ });
      let since = 0;
      for (const amount of amountsIn(clause)) {
        let value: number | null = null;
        if (amount.money && context) value = amount.value;
        // "we budgeted 30k, well actually they bumped it to 40": the scale carries over.
        else if (amount.bare && !amount.counted && lastScaled && context && correction.test(clause.slice(0, amount.index)) && amount.value >= lastScaled.value / lastScaled.scale / 4 && amount.value <= (lastScaled.value / lastScaled.scale) * 4) {
          value = amount.value * lastScaled.scale;
        } else if (amount.bare && !amount.counted && context && askedAboutBudget && amount.value >= 100 && !(amount.value >= 1900 && amount.value <= 2100)) value = amount.value;
        if (amount.money && amount.scale > 1) lastScaled = amount;
        if (value !== null && isUsable(clause, amount, since)) candidates.push({ value, order: order++ });
        since = amount.end;
      }
    });
  }
  // People correct themselves; the last amount stands.
  return candidates.length ? candidates[candidates.length - 1].value : null;
}
