// What the lead asks for: a demo, a proposal or pricing, or simply says it sounds interesting; and
// whether they turn the call down. The last word counts: "I wasn't interested, but this sounds useful".
import { clausesOf, negatedBefore, replyPolarity, type LeadUtterance } from './utterances';

const demo = /\b(?:set up|schedule|book|see|do|get|have|love|like|want|arrange)(?: us| me)? (?:a |the |your |that )?(?:quick |short )?demo\b|\bdemo (?:would be|sounds) (?:great|good)\b|\bshow me (?:how|it|what)\b/;
const demoQuestion = /\bdemo\b/;
const proposalQuestion = /\b(?:proposal|quote|pricing|estimate)\b/;
const offerQuestion = /\b(?:demo|proposal|quote|pricing|walkthrough|walk you through|open to|interested in|like to see|want to see|take a look|hear more|learn more|show you)\b/;
// "Is now a good time?" "No" asks for a call back; it does not turn the offer down.
const goodTimeQuestion = /\bgood time\b|\bnow\b/;
const proposal =
  /\b(?:send|email|e-mail|shoot|forward) (?:me |us |it )?(?:over )?(?:a |the |your |some )?(?:proposal|quote|pricing|price list|price sheet|estimate|contract)\b|\bput together (?:a |the )?(?:proposal|quote|estimate)\b|\b(?:can|could) (?:i|we) (?:get|see|have) (?:a |the |some )?(?:proposal|quote|pricing|estimate)\b/;
// "what i really need is a proposal", "i'd rather have a quote".
const proposalWanted = /\b(?:need|want|prefer|rather have|looking for|after)(?: is)? (?:a |the |some |your )?(?:written |formal |rough )?(?:proposal|quote|pricing|price list|estimate)\b/;
// "send me something i can show my vp, like a proposal": what is sent is named later in the clause.
const sendSomething = /\bsend (?:me |us )?(?:over )?(?:something|anything)\b/;
const proposalWord = /\b(?:proposal|quote|pricing|estimate)\b/;
function asksForProposal(clause: string): boolean {
  if (firstMatch(clause, proposal) || firstMatch(clause, proposalWanted)) return true;
  const m = sendSomething.exec(clause);
  return m !== null && !negatedBefore(clause, m.index, 3) && proposalWord.test(clause.slice(m.index + m[0].length));
}
const interested = /\bsounds (?:good|great|interesting|useful|helpful|promising)\b|\bi'm (?:very |really )?interested\b|\btell me more\b|\bthat could (?:help|work)\b|\bi(?:'d| would) (?:love|like) to (?:see|learn|hear)\b/;

// "We're good" after a yes is agreement ("Thursday OK?" "Yeah, we're good"), not a no.
const allGood = /\b(?:we're|we are|i'm|i am) (?:all )?(?:set|good)\b(?! (?:to|at|on time|up)\b| for (?!now|at least|a while|another|the (?:foreseeable|time being)))/;

const declinePhrases = [
  /\bnot (?:really |very |that |at all )?interested\b/,
  /\bno,? thank(?:s| you)\b/,
  /\b(?:went|gone|going) with (?:a|another|one of your) (?:competitor|vendor|provider|company|supplier)\b|\b(?:went|gone|go|going) with (?:someone|somebody|something) else\b|\bended up (?:going with|signing with|choosing|picking|buying)\b|\b(?:already )?(?:bought|signed with|signed up with|purchased|chose|picked) (?:a |another |one |someone|something|somebody)\b(?! (?:demo|call))/,
  /\b(?:we're|we are|i'm|i am) (?:all )?(?:sorted|covered|taken care of)\b|\b(?:good|fine|okay|ok|happy) (?:as we are|for now)\b/,
  /\b(?:we're|we are|i'm|i am) not (?:moving|switching|changing|leaving|going anywhere)\b|\bnot (?:going|planning) to (?:switch|change|move)\b/,
  /\bnot in a position to\b|\b(?:can't|cannot) take on anything\b|\bnot (?:taking on|buying|adding) anything\b/,
  /\b(?:have|has|got) no (?:need|use) for (?:it|this|that|one)\b/,
  /\b(?:we're|we are|i'm|i am) (?:really |very |pretty )?(?:happy|satisfied|fine) with (?:what we have|our|it|the|them|(?!that\b|this\b|those\b)\w+)\b/,
  /\bnot for me\b|\bnot (?:a |the )?(?:good |great |right )?fit\b|\b(?:this|that|it) (?:isn't|is not|'s not) (?:a fit|for us|something we need)\b|\bnot for us\b/,
  /\b(?:don't|do not) need (?:it|this|that|anything|any of that|your \w+|one|something like (?:this|that))\b/,
  // "we don't need scheduling software": no need for the kind of thing being sold.
  /\b(?:don't|do not) need (?:a |an |any |the |more )?(?:[\w-]+ ){0,2}(?:software|tool|tools|system|platform|app|solution|service|product|program)\b/,
  /\bnot (?:looking|in the market|buying)\b/,
  /\b(?:i'll|i will|we'll|we will|gonna) pass\b/,
  /\bno need\b/,
  // Already bought, already has one. Not "we already have a crm but…" (that is their current tool), nor a
  // renewal alone (they may want to hear back later).
  /\balready (?:bought|purchased|signed with|signed up with|went with|chose|picked|found|switched to|working with)\b(?! (?:a |the |your )?demo)|\balready (?:have|got|use|using) (?:something|someone|one)(?: (?:for (?:that|this|it)|in place|thanks|that works|we like))?\s*$/,
  /\bnot something (?:we're|we are|were|i'm|i am|we'd|i'd|we) (?:looking|interested|considering|need)\b/,
  /\b(?:don't|do not) see (?:the |any )?(?:value|point|need)\b/,
];
// A reason, then the answer, to a pitch: "we just renewed for two years, so no". Not when it answers a
// yes/no question ("would you need approval?" "i can approve it, so no").
const reasonedNo = /\bso,? (?:no|nope|nah)(?: thanks?(?: you)?)?[.!]?\s*$/;
const yesNoQuestion = /\b(?:do|does|did|would|will|can|could|is|are|was|were|have|has|should)(?:n't)? (?:you|we|they|it|that|this|there|he|she)\b/;
// A flat "No. Goodbye." to the pitch.
const hangUp = /^(?:no|nope|nah)[.,!]? (?:thanks?(?: you)?[.,!]? )?(?:good ?bye|bye)\b/;
// "I'm not saying I'm not interested": a double negative is not a no.
const hedge = /\b(?:not saying|wouldn't say|never said|didn't say|not that)\b/;

const agreementQuestion = /\b(?:work|works|suit|okay|ok|good|fine|sound|sounds|right|alright|all right|set|ready|covered)\b/;

type Position = number;

export type Interest = { wantsDemo: boolean; wantsProposal: boolean; interested: boolean; notInterested: boolean };

function firstMatch(clause: string, pattern: RegExp): boolean {
  const m = pattern.exec(clause);
  return m !== null && !negatedBefore(clause, m.index, 3);
}

export function readInterest(utterances: readonly LeadUtterance[]): Interest {
  let wantsDemo = false;
  let wantsProposal = false;
  let lastYes: Position = -1;
  let lastNo: Position = -1;
  let position = 0;
  for (const u of utterances) {
    if (hangUp.test(u.text)) lastNo = position + 1;
    const reasonsNo = reasonedNo.test(u.text) && !(u.question !== null && yesNoQuestion.test(u.question));
    // A reply's opening yes or no stands where the reply starts: "oh yeah, we went with another vendor"
    // acknowledges the question, then turns it down.
    const replyStarts = position + 1;
    // "Thursday OK?" "Yeah, we're good" agrees; "Is this the facilities manager?" "Yeah, we're all set" does not.
    const agreeing = replyPolarity(u.text) === 'yes' && !/\bno\b/.test(u.text) && u.question !== null && agreementQuestion.test(u.question);
    for (const clause of clausesOf(u.text)) {
      position++;
      if (firstMatch(clause, demo)) {
        wantsDemo = true;
        lastYes = position;
      }
      if (asksForProposal(clause)) {
        wantsProposal = true;
        lastYes = position;
      }
      if (firstMatch(clause, interested)) lastYes = position;
      const declines = (declinePhrases.some((p) => p.test(clause)) || (allGood.test(clause) && !agreeing)) && !hedge.test(clause);
      if (declines) lastNo = position;
    }
    if (reasonsNo) lastNo = position;
    // "Should we book a demo?" "Yes, but I have to jump." / "Open to a short demo?" "Not at the moment."
    if (u.question && offerQuestion.test(u.question)) {
      const polarity = replyPolarity(u.text);
      if (polarity === 'yes') {
        if (demoQuestion.test(u.question)) wantsDemo = true;
        if (proposalQuestion.test(u.question)) wantsProposal = true;
        lastYes = Math.max(lastYes, replyStarts);
      } else if (polarity === 'no' && !goodTimeQuestion.test(u.question)) lastNo = Math.max(lastNo, replyStarts);
    }
  }
  const notInterested = lastNo > lastYes;
  return { wantsDemo: wantsDemo && !notInterested, wantsProposal: wantsProposal && !notInterested, interested: lastYes > lastNo, notInterested };
}
