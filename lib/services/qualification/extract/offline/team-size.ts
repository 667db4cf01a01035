// How many people are on the team that would use the product.
import { amountsIn } from './amounts';
import { clausesOf, type LeadUtterance } from './utterances';

const people =
  '(?:people|persons?|employees?|staff(?:ers)?|reps?|agents?|users?|seats?|sales ?people|sellers?|sdrs?|bdrs?|aes?|engineers?|developers?|devs?|drivers?|techs?|technicians?|dispatchers?|nurses?|members?|folks|guys|heads|workers?|recruiters?|accountants?|analysts?|designers?|marketers?|coaches|consultants?|lawyers?|attorneys?|associates?|operators?|teammates?|(?:project |account |office |case )?managers?|coordinators?|cleaners?|crews?|specialists?|assistants?|clerks?|admins?|hygienists?|doctors?|physicians?|therapists?|caregivers?|installers?|electricians?|plumbers?|teachers?|trainers?)';
const number = '(\\d+(?:,\\d{3})*)';

const patterns: { pattern: RegExp; size: (m: RegExpExecArray) => number }[] = [
  { pattern: /\b(\d+) (?:with|including|counting) me\b/, size: (m) => Number(m[1]) },
  { pattern: /\b(\d+) (?:[\w-]+ ){0,2}(?:plus|and|\+) me\b/, size: (m) => Number(m[1]) + 1 },
  { pattern: /\bteam (?:is|are|has) (?:about |around |roughly )?(\d+)(?: people)?\s*$/, size: (m) => Number(m[1]) },
  { pattern: /\b(?:just |only )?me and (\d+) (?:others?|other (?:people|guys|folks)|more|employees?|staff)\b/, size: (m) => Number(m[1]) + 1 },
  // "it's just me and my sister here": two.
  { pattern: /\b(?:just|only) (?:me and|my \w+ and (?:me|i)) (?:my |one )?(?:sister|brother|wife|husband|partner|business partner|son|daughter|mom|dad|mother|father|cousin|friend|assistant|colleague|employee|guy|girl|helper)\b/, size: () => 2 },
  { pattern: new RegExp(`\\bteam of (?:about |around |roughly |maybe |like )?${number}\\b`), size: (m) => Number(m[1].replace(/,/g, '')) },
  { pattern: new RegExp(`\\b${number}(?:-\\d+| to \\d+| and \\d+| or \\d+)? (?:(?:full[- ]time|part[- ]time|sales|support|inside|field|customer|service|total|active|other|of) )?${people}\\b`), size: (m) => Number(m[1].replace(/,/g, '')) },
  { pattern: new RegExp(`\\b${number} of us\\b`), size: (m) => Number(m[1]) },
  { pattern: new RegExp(`\\b(?:we're|we are) (?:about |around |roughly |maybe |like )?${number}(?: strong)?\\s*$`), size: (m) => Number(m[1].replace(/,/g, '')) },
  { pattern: /\bheadcount (?:is |of )?(?:about |around )?(\d+)\b/, size: (m) => Number(m[1]) },
];

const sizeQuestion = /\b(?:how many|how big|what size|size of|headcount|just you)\b/;
const peopleOrTeam = new RegExp(`\\b(?:team|${people})\\b`);
const countsThings = /\bhow many (?:\w+ )?(?:locations?|stores?|offices?|sites?|branches?|units?|buildings?|calls?|customers?|clients?|tickets?|orders?|leads?|deals?|years?|months?|weeks?|days?|hours?|minutes?|times?|products?|sku?s|trucks?|vehicles?|beds?|rooms?)\b/;
// The first number of a reply to "how many…?", unless it counts something else.
const notPeople = /^\s*(?:[a-z]+\s)?(?:locations?|stores?|offices?|sites?|branches?|units?|buildings?|calls?|customers?|clients?|years?|months?|weeks?|days?|hours?|minutes?|percent|%|dollars?|bucks|k|grand|thousand|million)\b/;

const correctsAnswer = /^(?:no|sorry|wait|actually|i mean|make that|make it)\b/;

/** The team size (low end of a range); null when never said. */
export function extractTeamSize(utterances: readonly LeadUtterance[]): number | null {
  for (const u of utterances) {
    for (const clause of clausesOf(u.digits)) {
      for (const { pattern, size } of patterns) {
        const m = pattern.exec(clause);
        if (m) return size(m);
      }
    }
    if (u.question && sizeQuestion.test(u.question) && (peopleOrTeam.test(u.question) || /\bhow many \w+s\b/.test(u.question)) && !countsThings.test(u.question)) {
      // The first number answers, unless a later clause corrects it: "18, no 19, we just hired someone".
      let answer: number | null = null;
      let correcting = false;
      for (const clause of clausesOf(u.digits)) {
        // "12, sorry, 14": the correction word may be a clause of its own.
        correcting ||= correctsAnswer.test(clause);
        if (answer !== null && !correcting) continue;
        if (answer === null && /^(?:just|only) me\b|^me\b|^(?:it's )?just myself\b/.test(clause)) return 1;
        const first = amountsIn(clause).find((a) => a.bare && !notPeople.test(clause.slice(a.end)));
        if (first && Number.isInteger(first.value) && first.value > 0 && first.value < 1_000_000) {
          answer = first.value;
          correcting = false;
        }
      }
      if (answer !== null) return answer;
    }
  }
  return null;
}
