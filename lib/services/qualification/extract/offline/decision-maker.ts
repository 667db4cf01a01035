// Whether the lead decides: "I sign off on that" is a yes, "I'd need to ask my boss" a no.
import { clausesOf, negatedBefore, replyPolarity, type LeadUtterance } from './utterances';

const boss =
  '(?:boss|manager|director|ceo|cfo|coo|cto|cro|controller|owner|owners|vp|head|board|supervisor|team lead|president|partner|partners|higher[- ]ups|leadership|management|procurement|finance|it|legal|team|wife|husband|dad|father|co-?founder|founders?|committee)';

const yes = [
  /\bi (?:make|call) (?:the |that |those |all (?:the )?)?(?:call|calls|decisions?|shots|final (?:call|decision))\b/,
  /\bi (?:sign|approve|own|decide)\b/,
  /\bi hold the (?:purse strings|budget)\b/,
  /\bi have (?:the )?(?:final (?:say|call|word)|sign[- ]?off|signing authority|authority|the budget)\b/,
  /\b(?:it's|it is|that's|that is|its) (?:my|mine) (?:call|decision|choice|budget)\b|\b(?:the )?decision is mine\b|\b(?:call|decision) is mine\b/,
  /\bi'm (?:the|a|one of the) (?:(?:final |main |primary |key )?decision[- ]?makers?|one who (?:decides|signs|approves))\b/,
  /\bi'm (?:the |a |an |one of the )?(?:[\w-]+ )?(?:owners?|founders?|co-?founders?|ceo|cfo|coo|cto|cro|cmo|president|principal|managing director|vp|vice president|director|partners?)\b/,
  /\b(?:me and my|my \w+ and i|me and the) [\w-]+ (?:decide|make|sign|approve)\b/,
  /\bi can (?:approve|sign|decide|make that call)\b/,
  /\bi(?:'d| would|'m| am|'ll| will) be the one (?:signing|deciding|approving|choosing|picking|to (?:sign|decide|approve|choose))\b|\bi'm the one (?:signing|deciding|approving|choosing|picking|making the (?:call|decision))\b/,
  /\b(?:final )?(?:sign[- ]?off|say|decision|call|approval) (?:is|'s) (?:mine|on me|with me)\b/,
  /\bi'm (?:running|leading|driving) the (?:selection|evaluation|process|decision)\b/,
  /\bthe buck stops with me\b/,
  /\bit's my (?:shop|company|business|building|practice|store|firm|agency|team)\b/,
  /\bi run (?:the |this |our )?(?:company|business|shop|place|show|revenue|operations|ops|sales|finance|the group)\b/,
];

// Someone else decides, or approval above the lead is needed.
const strongNo = [
  /\bnot (?:my|up to me)\b/,
  /\b(?:isn't|is not|'s not) (?:my|up to me)\b/,
  /\bi (?:don't|do not|can't|cannot) (?:make|sign|approve|decide|have (?:the )?(?:final say|authority|sign[- ]?off))\b/,
  /\bi'm not (?:the|a) (?:decision[- ]?maker|one who)/,
  new RegExp(`\\b(?:my|our|the) (?:[\\w-]+ )?${boss}(?:'s)? (?:decides|makes|signs|approves|handles|owns|has (?:the )?final say|would (?:decide|approve|have to|need to|sign|make)|will (?:decide|approve)|needs to (?:approve|sign))\\b`),
  new RegExp(`\\b(?:it's|that's|its) (?:my|our|the) ${boss}(?:'s)?\\b`),
  new RegExp(`\\bmy ${boss}'s (?:budget|call|decision)\\b`),
  /\b(?:he|she|they) (?:makes?|decides?|signs?|approves?|handles?) (?:those|that|the|all|off|it)\b/,
  /\b(?:need|needs|have to get|has to get|would need) (?:approval|sign[- ]?off|permission)\b/,
  /\bi'm (?:just|only) (?:an? |one of the )?(?:intern|assistant|employee|user|rep|receptionist|coordinator|admin|agent|staff|member)s?\b/,
  new RegExp(`^(?:that(?:'d| would) be|it's|that's|it would be) (?:the |my |our )(?:[\\w-]+ )?${boss}\\b`),
  /\babove my pay ?grade\b/,
  new RegExp(`\\b(?:goes|go|has to go|have to go|needs to go|would go|must go) (?:to|through|past|up to) (?:my|our|the) (?:[\\w-]+ )?${boss}\\b`),
  new RegExp(`\\b(?:i'd|i would|i'll|i will|we'd|we would|we'll) (?:need|have) (?:to get )?(?:my|our|the) (?:[\\w-]+ )?${boss} to (?:approve|sign|okay|ok|sign off|agree|decide)\\b`),
  /\b(?!i\b|we\b)[a-z]+ (?:makes|handles|takes) (?:those|the|all (?:the |those )?|these) (?:decisions?|calls)\b/,
  /\b(?:it|procurement|finance|legal|hr|purchasing|head office|corporate) (?:handles|decides|deals with|takes care of|buys|chooses|owns) (?:it|that|this|those|these)\b/,
];

// Consulting others is not handing over the decision, unless nothing says the lead decides.
const weakNo = [new RegExp(`\\b(?:ask|check with|run (?:it|this|that) by|talk to|loop in|clear it with|consult|get approval from|get (?:it )?signed off by) (?:my|our|the) ${boss}\\b`)];

const decisionQuestion =
  /\b(?:decision|decid(?:e|es|ing)|sign off|signs off|signing|signs?|approve|approves|approval|final say|authority|your call|budget holder|owner|in charge|who (?:makes|would make|else|handles|buys|chooses|picks|owns))\b/;
// Questions where "no" means the lead decides: "Would anyone else be involved?" "No, just me."
const invertedQuestion = /\b(?:anyone else|someone else|anybody else|other (?:people|stakeholders)|others involved|need (?:approval|sign[- ]?off|permission))\b/;

const firstPerson = /^(?:me|myself|mine|i do|i decide|i would|i will|just me|only me|that'd be me|that would be me|that's me)\b|\bso (?:me|it's me|that's me)\b/;
const thirdParty = new RegExp(`^(?:the |my |our )(?:[\\w-]+ )?${boss}\\b`);

// Deciding with others is deciding: "the partners decide and i'm one of the partners", "me and the cfo, we decide together".
const joint = [/\bi'm one of (?:the|them)\b(?! (?:people|users|ones who (?:uses?|works?)))/, /\b(?:we|me and (?:the |my )?[\w-]+|[\w-]+ and (?:i|me))(?:,? we)? (?:decide|make (?:the|that|those|this) (?:call|decisions?)|sign off|approve) (?:(?:it|that|this|on it) )?together\b/, /\bjointly\b/];

// A question about someone else: "Would he be the one to decide?" "Yeah, he decides."
const aboutSomeoneElse = new RegExp(`\\b(?:would|will|does|is|can|so) (?:he|she|they|(?:your|the) (?:[\\w-]+ )?${boss})(?: be| would| will| has to| needs to)? (?:the one|deciding|decide|signs?|sign off|approves?|make|makes|have the final)\\b`);

type Verdict = 'yes' | 'strongNo' | 'weakNo';

function readClause(clause: string): Verdict | null {
  for (const p of strongNo) if (p.test(clause)) return 'strongNo';
  for (const p of yes) {
    const m = p.exec(clause);
    if (m) return negatedBefore(clause, m.index, 3) ? 'strongNo' : 'yes';
  }
  for (const p of weakNo) if (p.test(clause)) return 'weakNo';
  return null;
}

function readReply(u: LeadUtterance): Verdict | null {
  if (!u.question || !decisionQuestion.test(u.question)) return null;
  const answer = u.text;
  if (aboutSomeoneElse.test(u.question)) {
    const polarity = replyPolarity(answer);
    return polarity === 'yes' ? 'strongNo' : null;
  }
  if (firstPerson.test(answer)) return 'yes';
  if (thirdParty.test(answer)) return 'strongNo';
  const polarity = replyPolarity(answer);
  if (!polarity) return null;
  const meansYes = invertedQuestion.test(u.question) ? polarity === 'no' : polarity === 'yes';
  return meansYes ? 'yes' : 'strongNo';
}

/** True when the lead decides (alone or with others), false when someone else does, null when never discussed. */
export function extractDecisionMaker(utterances: readonly LeadUtterance[]): boolean | null {
  const verdicts: Verdict[] = [];
  for (const u of utterances) {
    const own = clausesOf(u.text)
      .map(readClause)
      .filter((v): v is Verdict => v !== null);
    const reply = readReply(u);
    // Within one answer, a stated "someone else decides" outweighs a yes, and a yes a mere consultation.
    const pool = reply ? [reply, ...own] : own;
    if (joint.some((p) => p.test(u.text))) verdicts.push('yes');
    else if (pool.includes('strongNo')) verdicts.push('strongNo');
    else if (pool.includes('yes')) verdicts.push('yes');
    else if (pool.includes('weakNo')) verdicts.push('weakNo');
  }
  if (!verdicts.length) return null;
  const lastFirm = [...verdicts].reverse().find((v) => v !== 'weakNo');
  if (lastFirm) return lastFirm === 'yes';
  return false;
}
