// The lead asks to be called another time ("call me back Thursday at 3", "I'm driving"), and when.
import { resolveCallbackTime } from './callback-time';
import { clausesOf, negatedBefore, replyPolarity, type LeadUtterance } from './utterances';

const dayWords = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
// Asking is an imperative: at the start of a clause, or after "can you", "please", "and"…
const ask = '(?:^|\\band )(?:(?:please|just|so|maybe|then|ok|okay|yeah|look|sure|honestly),? )*(?:(?:can|could|would|will) you (?:just |please )?|you (?:can|could) |any chance you could |feel free to |try and |please )?';
const explicitRequest = [
  new RegExp(`${ask}(?:call|ring|phone|buzz|try) (?:me |us |him |her |them )?back\\b`),
  new RegExp(`${ask}(?:call|ring|phone|try|reach|catch|text) (?:me|us)\\b`),
  new RegExp(`${ask}try (?:me |us )?(?:again|back|later)\\b`),
  new RegExp(`${ask}(?:give|ring) me a (?:call|ring|buzz|shout)(?: back)?\\b`),
  // A gatekeeper: "try her then", "call him next week", "he's out until thursday, call then".
  new RegExp(`${ask}(?:call|ring|try|phone)(?: (?:back|him|her|them))? (?:then|after that|that day)\\b`),
  new RegExp(`${ask}(?:call|ring|try|reach|catch) (?:him|her|them)\\b(?! (?:out|up|off|a |the ))`),
  // A time where the person would be: "could you call thursday afternoon instead", "try again after lunch".
  new RegExp(`${ask}(?:call|ring|phone|try)(?: back| again)? (?:(?:on|this|next|after|around|at) )?(?:${dayWords}|tomorrow|tonight|later|in the (?:morning|afternoon|evening)|after lunch|next (?:week|month)|this (?:morning|afternoon|evening|week))\\b`),
  /\b(?:can|could|shall) (?:we|you) (?:do this|do it|talk|chat|speak|pick this up|continue|reconnect|connect|circle back)\b/,
  /\b(?:another|better|different) (?:time|day)\b/,
  /\bi'll call you back\b/,
  // "it's fine, just call me on the twentieth": "just / please" marks the imperative mid-clause.
  /(?<!\b(?:i|we|they|you|he|she|people) )\b(?:just|please) (?:call|ring|phone|try|text|reach) (?:me|us|him|her)\b/,
];

const busy =
  /\b(?:now's|now is|this is|it's) not a (?:good|great) time\b|\bnot a (?:good|great) time\b|\b(?:isn't|is not|'s not) (?:a )?(?:good|great) time\b|\bbad tim(?:e|ing)\b|\bcan't (?:really |actually )?(?:talk|chat|speak)\b|\bi'm (?:driving|in a meeting|busy|slammed|swamped|with a (?:customer|client|patient)|on site|on the (?:\w+ )?floor|traveling|travelling|about to \w+|on (?:a |my )?shift|at work|in the middle of|just finishing|on another call|at lunch|on my way|in the car|boarding)\b|\b(?:have|got|gotta|need) to (?:jump|run|go|hop)(?: now| off| on (?:another|a) call| in a (?:sec|second|minute))?(?=$|[,.!?]| and\b| but\b| so\b)|\bwalk into a meeting\b/;

// The lead is away or tied up: "this week is crazy for me", "i'm up on a roof right now". Someone else
// being out ("she's out this week") asks for nothing until they say when to try.
const away =
  /\b(?:i'm|i am|we're|we are)(?: (?:right|just|currently|still|actually|all|kind of|kinda|pretty))* (?:in (?:a |the )?meetings?|in (?:the )?middle of|at (?:an |a |the )?(?:appointment|doctor|dentist|meeting|conference|job|site|school)|on (?:vacation|holiday|leave|pto|a job|a call|the road|a roof|the roof|site|the clock)|up on (?:a|the) \w+|out(?: of (?:the )?(?:office|town|country))?|off (?:today|this week|sick)|away|out sick|with (?:a |the )?(?:customer|client|patient|patients|kids)|(?:really |so |super )?(?:busy|swamped|slammed|tied up)|walking into|heading (?:into|out)|about to (?:\w+)|driving|in the car|on my way)\b|\b(?:this|the) (?:week|morning|day|month)(?:'s| is) (?:crazy|nuts|mad|hectic|insane|bad|busy|rough|a mess)\b|\b(?:today|now|tomorrow)(?:'s| is) (?:crazy|nuts|mad|hectic|insane|bad|busy|rough|no good|not good)\b|\bwhen i'm back\b/;

// The agent asking when to call, or offering a time: "When's better?", "Can I call you back Thursday at 3?"
const agentAsksWhen = /\bwhen(?:'s| is| would be)? (?:a )?(?:better|good|best) time\b|\bwhen (?:should|can|could|shall) (?:i|we) (?:call|try|reach)\b|\bwhen(?:'s| is) better\b|\bcall you back\b|\b(?:could|can|shall|should|may) i (?:call|try|reach|ring|catch) you\b|\btry you (?:again|back|later)\b|\breach you\b/;
// An offer is an opener followed, anywhere later, by a word of assent. Two scans, not `opener.*assent`,
// which backtracks quadratically over a long turn.
const offerOpener = /\b(?:would|does|how about|what about|is)\b/;
const offerAssent = /\b(?:work|suit|okay|ok|good)\b/g;
function agentOffersTime(question: string): boolean {
  if (/\b(?:how|what) about\b/.test(question)) return true;
  const opener = offerOpener.exec(question);
  if (!opener) return false;
  offerAssent.lastIndex = opener.index + opener[0].length;
  return offerAssent.test(question);
}

// "Got a minute?" "Not right now." asks for another time without saying so.
const askedForTime = /\b(?:have|got) (?:a |an |two |a few |a couple )?(?:minute|minutes|sec|second|moment)\b|\bgood time\b|\bquick (?:chat|word)\b/;
const notNow = /^(?:no,? |sorry,? |oh,? )*not (?:right )?(?:now|today|at the moment|this week)\b|^(?:no,? |sorry,? )*now(?:'s| is) not\b/;

export type CallbackRequest = { requested: boolean; at?: Date };

function requestsIn(clause: string): boolean {
  return explicitRequest.some((p) => {
    const m = p.exec(clause);
    // "Don't call me again" is an opt-out, not a callback.
    return m !== null && !negatedBefore(clause, m.index, 2);
  });
}

/** Whether the lead asked for a call back, and the moment they named if any. */
export function detectCallback(utterances: readonly LeadUtterance[], now: Date, timeZone: string): CallbackRequest {
  // Replies share their question: each distinct text is read once (a time-zone conversion is not cheap).
  const seen = new Map<string, Date | null>();
  const resolve = (text: string) => {
    if (!seen.has(text)) seen.set(text, resolveCallbackTime(text, now, timeZone));
    return seen.get(text) ?? null;
  };
  const explicit: string[] = [];
  const replies: { reply: string; offered: string | null; at: Date | null }[] = [];
  const busyTexts: string[] = [];

  for (const u of utterances) {
    const clauses = clausesOf(u.text);
    const at = clauses.findIndex(requestsIn);
    if (at >= 0) explicit.push(clauses.slice(at).join(', '));
    if (clauses.some((c) => busy.test(c) || (away.test(c) && !negatedBefore(c, c.search(away), 2)))) busyTexts.push(u.text);
    if (u.question && askedForTime.test(u.question) && notNow.test(u.text)) busyTexts.push(u.text);
    if (u.question) {
      const asks = agentAsksWhen.test(u.question);
      const offered = agentOffersTime(u.question) && resolve(u.question) !== null;
      if (asks || offered) {
        // A counter-offer keeps the day of the offer: "tomorrow at 10?" "Make it 11."
        const counter = offered ? resolveCallbackTime(u.text, now, timeZone, { dayFrom: u.question }) : resolve(u.text);
        const agrees = replyPolarity(u.text) === 'yes';
        if (counter || agrees) replies.push({ reply: u.text, offered: agrees ? u.question : null, at: counter });
      }
    }
  }

  const requested = explicit.length > 0 || replies.length > 0 || busyTexts.length > 0;
  if (!requested) return { requested };
  // The lead's own words first; the agent's proposed time only when the lead agreed without naming one.
  for (const text of explicit) {
    const at = resolve(text);
    if (at) return { requested, at };
  }
  // "Out of the office until monday, can you try her then": the time was said before the request.
  for (const u of utterances) {
    if (!explicit.length || !clausesOf(u.text).some(requestsIn)) continue;
    const at = resolve(u.text);
    if (at) return { requested, at };
  }
  const answered = replies.find((r) => r.at)?.at ?? replies.map((r) => (r.offered ? resolve(r.offered) : null)).find((at) => at);
  if (answered) return { requested, at: answered };
  for (const text of busyTexts) {
    const at = resolve(text);
    if (at) return { requested, at };
  }
  return { requested };
}
