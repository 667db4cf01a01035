// The lead's pain points, from a fixed vocabulary with synonyms, skipping the ones they deny
// ("it's not slow") and counting the agent's suggestions only when the lead confirms them.
import type { PainPoint } from '../../known-fields';
import { clausesOf, negatedBefore, replyPolarity, type LeadUtterance } from './utterances';

// `selfNegating` phrasings carry their own "not" ("doesn't integrate", "not cheap"), so a negation
// before them is part of the pain, not a denial.
type Synonym = { pattern: RegExp; selfNegating?: boolean };

export const painSynonyms: Record<PainPoint, Synonym[]> = {
  slow: [
    {
      pattern:
        /\bslow(?:er|ly|ness|s)?\b|\btakes? (?:forever|ages|too long|so long|a long time|hours|days|all day)\b|\btakes? (?:\w+ ){0,3}(?:a|the|our|my) (?:whole|entire|full) (?:day|week|morning|afternoon)\b|\beats? (?:up )?(?:my|our|the|a) (?:whole |entire )?(?:day|week|morning|afternoon|time|monday|tuesday|wednesday|thursday|friday)\b|\bwastes? (?:so much |a lot of |hours of )?time\b|\b(?:a )?full[- ]time job\b|\bsluggish\b|\blagg?(?:y|s|ing)?\b|\btime[- ]consuming\b/,
    },
  ],
  expensive: [
    { pattern: /\b(?:expensive|costly|pricey|overpriced|rip[- ]off)\b|\bcost(?:s|ing)? (?:us |me |them )?(?:a fortune|too much|an arm and a leg|a lot|way too much|a ton)\b|\b(?:pay|paying|price|prices|pricing|cost|costs|bill|fees?)\b[^,.]{0,30}\b(?:is|are|'s) (?:already |just |way |far |getting )?too (?:much|high|steep)\b|\btoo much money\b|\bway too much\b/ },
    { pattern: /\b(?:not|isn't|aren't|never) (?:very |that |exactly |really )?(?:cheap|affordable)\b/, selfNegating: true },
  ],
  manual: [
    {
      pattern:
        /\bmanual(?:ly)?\b|\bby hand\b|\bdata entry\b|\bcopy(?:ing)? (?:and|&|n) past(?:e|ing)\b|\bre-?(?:typ|key|enter)(?:e|es|ed|ing|s)?\b|\bdouble entry\b|\b(?:type|typing|key|keying|enter|entering) (?:it |them |everything |that |those |the \w+ )?(?:in|into|up)\b/,
    },
  ],
  unreliable: [
    {
      pattern:
        /\bunreliable\b|\bcrash(?:es|ing|ed)?\b|\bkeeps? (?:breaking|crashing|going down|failing|dropping|freezing)\b|\bgoes down\b|\bbreaks?\b|\bbroken\b|\btim(?:es|ing) out\b|\bfreez(?:es|ing)\b|\bstops? working\b|\bfalls over\b|\blos(?:e|es|ing) (?:data|calls|orders|records)\b|\b(?:drops|dropping|dropped) (?:calls|out)\b|\bdowntime\b|\bcalls? (?:drop|dropping|get dropped|keep dropping|cut out)\b|\bbuggy\b|\bglitch(?:y|es)\b|\bflaky\b|\boutages?\b|\bbreaks (?:all the time|constantly|a lot)\b/,
    },
    { pattern: /\b(?:not|isn't|aren't) (?:very |that |exactly |really )?reliable\b/, selfNegating: true },
  ],
  hard_to_use: [
    { pattern: /\bclunky\b|\ba pain to use\b|\bnobody knows how(?: to use it)?\b|\bconfusing\b|\bcomplicated\b|\b(?:hard|difficult) to (?:use|learn|navigate|set up)\b|\bsteep learning curve\b|\bunintuitive\b|\bnobody (?:likes|knows how to use) it\b|\b(?:nobody|no one|can't|cannot) (?:can )?find (?:anything|stuff|things)\b/ },
    { pattern: /\b(?:not|isn't|aren't) (?:very |that |exactly |really )?(?:user[- ]friendly|intuitive|easy to use)\b/, selfNegating: true },
  ],
  poor_support: [
    { pattern: /\bsupport (?:is |was |has been |'s )?(?:just |really |so |pretty |honestly |absolutely |super )?(?:terrible|awful|bad|horrible|useless|non-?existent|a joke|slow|the worst|garbage|rubbish)\b|\bcustomer service (?:is |was )?(?:terrible|awful|bad|horrible)\b/ },
    { pattern: /\b(?:they|support|nobody|no one) (?:never|don't|doesn't) (?:gets?|get) back\b|\bsupport (?:never|doesn't|don't|won't|barely) (?:answers?|responds?|gets? back|picks? up|helps?|calls? back)\b|\bno support\b|\bcan't (?:get|reach) (?:anyone|support|a human)\b/, selfNegating: true },
  ],
  poor_integration: [
    {
      pattern: /\b(?:doesn't|does not|don't|won't|can't|isn't able to) (?:(?:integrate|sync|connect)(?: with| to)?|talk to|work with|play (?:nice|well) with)\b|\bno integrations?\b|\b(?:doesn't|don't) integrate\b/,
      selfNegating: true,
    },
    { pattern: /\bsiloed\b|\bnothing (?:talks to|syncs with|connects to|integrates with|works with)\b|\bintegrations? (?:is |are )?(?:bad|terrible|a mess|broken|poor)\b/ },
  ],
  poor_reporting: [
    { pattern: /\breports? (?:are|is|'s) (?:just |really |pretty |so |totally )?(?:useless|terrible|bad|awful|garbage|a mess|wrong|limited|rubbish|a joke)\b|\breporting (?:is |was |'s )?(?:pretty |really |very |so |super |quite |just |kind of |honestly )?(?:useless|terrible|bad|a mess|awful|weak|non-?existent|a nightmare|poor|rubbish|lacking)\b|\b(?:bad|poor|terrible|no) (?:reporting|visibility|insights?|reports)\b/ },
    { pattern: /\b(?:can't|cannot|no way to) (?:get|see|pull|run) (?:any |the |good )?(?:reports?|numbers|data|visibility|metrics)\b|\b(?:can't|cannot) see (?:what|how|who|where)\b/, selfNegating: true },
  ],
};

const painEntries = Object.entries(painSynonyms) as [PainPoint, Synonym[]][];

/** The pains named in a clause the speaker does not deny. */
export function painsIn(clause: string): PainPoint[] {
  const found: PainPoint[] = [];
  for (const [pain, synonyms] of painEntries) {
    for (const { pattern, selfNegating } of synonyms) {
      const m = pattern.exec(clause);
      if (m && (selfNegating || !negatedBefore(clause, m.index))) {
        found.push(pain);
        break;
      }
    }
  }
  // "Support is slow" is a support problem, not a slow product.
  if (found.includes('poor_support') && /\bsupport (?:is |was )?slow\b/.test(clause)) return found.filter((p) => p !== 'slow');
  return found;
}

// "On paper" is a process, not a complaint, until the lead complains about it.
const paperwork = /\bon paper\b|\bpaper (?:forms?|logs?|books?|records?|files?|based)\b|\bpen and paper\b|\bwhiteboard\b|\bsticky notes\b/;
const complaint = /\b(?:nightmare|pain|painful|hate|killing us|tedious|headache|mess|chaos|frustrating|sucks|awful|terrible)\b/;

/** The pains the lead has, in the order first mentioned; an empty list when they name none. */
export function extractPainPoints(utterances: readonly LeadUtterance[]): PainPoint[] {
  const found = new Set<PainPoint>();
  for (const u of utterances) {
    const own = clausesOf(u.text).flatMap(painsIn);
    own.forEach((p) => found.add(p));
    const complains = complaint.test(u.text);
    if (complains && paperwork.test(u.text)) found.add('manual');
    // "Is data entry eating up your team's time?" "Yes, constantly." — the lead owns the agent's words.
    if (u.question && (replyPolarity(u.text) === 'yes' || (complains && replyPolarity(u.text) !== 'no')) && /\?\s*$/.test(u.question)) {
      const lastQuestion = clausesOf(u.question).slice(-2).join(' ');
      painsIn(lastQuestion).forEach((p) => found.add(p));
      if (complains && paperwork.test(lastQuestion)) found.add('manual');
    }
  }
  return [...found];
}
