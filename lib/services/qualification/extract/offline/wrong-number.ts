// The person answering is not the lead and the lead is not at this number.
import { clausesOf, type LeadUtterance } from './utterances';

const wrongNumberPhrases = [
  /\bwrong (?:number|person|guy|lady|house|company|business|line)\b|\b(?:dial(?:l)?ed|got|have) (?:the )?wrong\b|\bmisdial(?:l)?ed\b/,
  /\bno (?:one|body) (?:here )?(?:by|with|named|called) that name\b|\bnobody (?:here )?(?:by|named|called) that\b|\b(?:no ?one|nobody|no \w+) (?:here |at this number )?(?:called|named|by the name(?: of)?) \w+/,
  /\bthere'?s no (?!problem|rush|need|way|budget|time|plan|timeline|hurry|money)\w+ (?:here|at this number)\b/,
  /\b(?:don't|do not) know (?:anyone|anybody|any \w+) (?:by|named|called|with) that\b|\b(?:don't|do not) know who (?:that is|you're|you are|this is)\b/,
  /\b(?:doesn't|does not|don't|do not|no longer) (?:work|live|works|lives) (?:here|there)\b/,
  /\b(?:he|she|they) (?:left|quit|retired|moved on|passed away|died|is no longer with us)(?: the company| last| a while| years| months)?\b/,
  /\b(?:has|got|have) a (?:different|new) number\b|\byou (?:want|mean|need) my (?:brother|sister|husband|wife|son|daughter|dad|mom|mum|father|mother|partner|boss)\b/,
  /\b(?:had|got|have had|just got) this number for\b|\b(?:just |only )?got this (?:number|phone) (?:last|a few|recently|this|two|three|a couple)\b|\bused to be (?:somebody|someone|some \w+) else'?s\b|\bi (?:keep getting|get) (?:calls|texts) for (?:him|her|them|that (?:guy|lady|person|name))\b|\b(?:new|reassigned) number\b|\bnumber (?:was|got|has been) reassigned\b/,
  /\bresidential (?:line|number)\b|\bthis is (?:a|my) (?:personal|home|private) (?:line|number|phone|cell|cellphone|cell phone|mobile)\b/,
  /\bthis (?:isn't|is not) (?:\w+'s )?(?:number|phone)\b/,
  /\bnever heard of (?:him|her|them|that (?:person|company))\b/,
];

// Asked for a person or a business, the answer names something else: "This is a pizza place."
const identityQuestion = /\b(?:is this|am i speaking (?:with|to)|could i speak (?:with|to)|may i speak (?:with|to)|i'm looking for|is \w+ (?:there|available|in))\b/;
const somethingElse = /^(?:(?:what|no|sorry|nope|huh),? )*this is (?:a|an) (?:[\w'-]+ ){0,3}(?:place|restaurant|shop|store|residence|home|house|number|line|phone|business|company|office|salon|bar|cafe|mobile|cell|cellphone)\b/;

// Asked for someone by name, the lead knows nobody of that name: "is this dave?" "i don't know any dave".
const knowsNobody = /\b(?:don't|do not|never) (?:know|heard of) (?:any|anyone|anybody|a|no)(?: (?:named|called|by the name(?: of)?))? (\w+)\s*$/;

/** Whether the clause disowns the very name the agent asked for. */
function disownsAskedName(clause: string, question: string): boolean {
  const name = knowsNobody.exec(clause)?.[1];
  return name !== undefined && name.length > 1 && new RegExp(`\\b${name}\\b`).test(question);
}

export function detectWrongNumber(utterances: readonly LeadUtterance[]): boolean {
  return utterances.some((u) => {
    // Read once per reply, not once per clause: a long question times many clauses was quadratic.
    const askedWho = u.question !== null && identityQuestion.test(u.question);
    return clausesOf(u.text).some((c) => wrongNumberPhrases.some((p) => p.test(c)) || (askedWho && (somethingElse.test(c) || disownsAskedName(c, u.question ?? ''))));
  });
}
