// The product the lead uses today: a known name, or a capitalised name after "we use / we're on".
import { clausesOf, replyPolarity, type LeadUtterance } from './utterances';

type Tool = { name: string; pattern: RegExp; commonWord?: boolean };

const t = (name: string, pattern: RegExp, commonWord = false): Tool => ({ name, pattern, commonWord });

// Longest names first, so "Zoho Projects" wins over "Zoho". `commonWord` names are also ordinary
// words ("outreach", "close", "monday") and need tool talk around them.
export const knownTools: Tool[] = [
  t('Zoho Projects', /\bzoho projects\b/),
  t('Zoho CRM', /\bzoho crm\b/),
  t('Zoho', /\bzoho\b/),
  t('Microsoft Dynamics', /\b(?:microsoft |ms )?dynamics(?: 365| crm)?\b/),
  t('Google Sheets', /\bgoogle sheets?\b/),
  t('Google Maps', /\bgoogle maps\b/),
  t('Salesforce', /\bsales ?force\b/),
  t('HubSpot', /\bhub ?spot\b/),
  t('Pipedrive', /\bpipe ?drive\b/),
  t('NetSuite', /\bnet ?suite\b/),
  t('QuickBooks', /\bquick ?books\b/),
  t('Xero', /\bxero\b/),
  t('Excel', /\bexcel\b/),
  t('Zendesk', /\bzen ?desk\b/),
  t('Freshdesk', /\bfresh ?desk\b/),
  t('Freshworks', /\bfresh ?works\b/),
  t('Intercom', /\bintercom\b/),
  t('Salesloft', /\bsales ?loft\b/),
  t('Outreach', /\boutreach\b/, true),
  t('Gong', /\bgong\b/, true),
  t('Aircall', /\bair ?call\b/),
  t('RingCentral', /\bring ?central\b/),
  t('Five9', /\bfive ?9\b|\bfive nine\b/),
  t('Dialpad', /\bdial ?pad\b/),
  t('Talkdesk', /\btalk ?desk\b/),
  t('Twilio', /\btwilio\b/),
  t('Jira', /\bjira\b/),
  t('Asana', /\basana\b/),
  t('Trello', /\btrello\b/),
  t('Monday.com', /\bmonday(?:\.com| dot com)\b/),
  t('ClickUp', /\bclick ?up\b/),
  t('Notion', /\bnotion\b/, true),
  t('ServiceTitan', /\bservice ?titan\b/),
  t('Jobber', /\bjobber\b/),
  t('Housecall Pro', /\bhouse ?call pro\b/),
  t('BambooHR', /\bbamboo ?hr\b|\bbamboo\b/),
  t('Gusto', /\bgusto\b/),
  t('ADP', /\badp\b/),
  t('Workday', /\bworkday\b/, true),
  t('Rippling', /\brippling\b/),
  t('Deputy', /\bdeputy\b/, true),
  t('7shifts', /\b7 ?shifts\b/),
  t('When I Work', /\bwhen i work\b/, true),
  t('Bill.com', /\bbill(?:\.com| dot com)\b/),
  t('Expensify', /\bexpensify\b/),
  t('SAP', /\bsap\b/),
  t('Oracle', /\boracle\b/),
  t('Marketo', /\bmarketo\b/),
  t('Mailchimp', /\bmail ?chimp\b/),
  t('Shopify', /\bshopify\b/),
  t('Square', /\bsquare\b/, true),
  t('Toast', /\btoast\b/, true),
  t('Close', /\bclose(?:\.com| crm)\b/),
  t('Copper', /\bcopper crm\b/),
  t('Keap', /\bkeap\b/),
  t('Apollo', /\bapollo(?:\.io)?\b/, true),
  t('ZoomInfo', /\bzoom ?info\b/),
  t('spreadsheets', /\bspreadsheets?\b/, true),
];

// Said of a tool they no longer use, only tried, or are only looking at.
const notCurrent =
  /\b(?:used to(?: use)?|switched (?:away )?from|moved (?:off|away from|from)|got rid of|dropped|left|ditched|tried|trialed|looked at|evaluat(?:ed|ing)|considering|thinking (?:about|of)|demoed|instead of|replac(?:ed|ing)|no longer|don't use|do not use|not using|aren't using|never used)\b(?:\s+\w+){0,3}\s*$/;
const toolTalk = /\b(?:use|using|used|on|with|in|run|running|switched to|moved to|have|got|signed|renewed|through|via)\s+(?:\w+\s+)?$/;
const toolQuestion = /\b(?:use|using|what (?:crm|software|tool|system|platform|are you on)|on today|running|how do you|how are you|what do you|who (?:handles|do you use)|setup|set up)\b/;

type Mention = { name: string; index: number };

function mentionsIn(clause: string, answeringToolQuestion: boolean): Mention[] {
  const out: Mention[] = [];
  const taken: [number, number][] = [];
  for (const tool of knownTools) {
    const m = tool.pattern.exec(clause);
    if (!m) continue;
    const span: [number, number] = [m.index, m.index + m[0].length];
    if (taken.some(([a, b]) => span[0] < b && span[1] > a)) continue;
    const before = clause.slice(0, m.index);
    if (notCurrent.test(before)) continue;
    if (tool.commonWord && !toolTalk.test(before) && !(answeringToolQuestion && m.index < 25)) continue;
    taken.push(span);
    out.push({ name: tool.name, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

// An unlisted product the transcript capitalises: "We use Acmesoft for that."
const namedAfterUse = /\b(?:[Ww]e|I) (?:use|are using|'re using|run|are on|'re on|switched to|moved to) ([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)/;
const notAName = new Set(['It', 'A', 'An', 'The', 'That', 'This', 'Some', 'Our', 'My', 'Them', 'Those', 'These', 'Excel', 'I']);

// Words a transcript capitalises that are not product names.
const ordinaryWords = new Set(
  'a an the i we it its it\'s our my they their that this these those yes yeah yep no nope well so oh um uh honestly mostly just sure okay ok right actually basically currently still nothing none not some everything anything one two mostly maybe probably phone email paper hand in on at by with like hi hello hey thanks dr mr mrs ms very really pretty quite totally definitely why what who how when where which sorry great good fine bad nobody everyone everybody somebody someone look listen hm hmm ah oh uh um er okay alright excel sheets spreadsheets google microsoft monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

const workQuestion =
  /\b(?:use|using|setup|set up|on today|running|track|tracking|manage|managing|handle|handling|do it|bill|book|schedule|process|dispatch|plan|screen|send|run|what do you|what are you|software|tool|system|app|platform|crm)\b/;

/** In a reply to "what do you use?", the first capitalised word that is not an ordinary one: "PaperCut.", "cron jobs and Airflow". */
function capitalisedName(raw: string): string | null {
  for (const sentence of raw.split(/(?<=[.!?])\s+/)) {
    const words = sentence.split(/\s+/).filter(Boolean);
    for (const m of sentence.matchAll(/\b([A-Z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*)\b/g)) {
      const word = m[1];
      // Short capitals are acronyms (CV, HR, IT), not products; known ones like SAP are listed above.
      if (ordinaryWords.has(word.toLowerCase()) || /^[A-Z]{1,3}$/.test(word) || /ly$/.test(word)) continue;
      // Every sentence starts with a capital: a first word is a name only when it is most of the sentence ("PaperCut.").
      if (m.index === 0 && words.length > 3) continue;
      return word;
    }
  }
  return null;
}

// Speech-to-text writes every name in lower case, so an unlisted product is read from where it stands:
// the start of a reply to "what do you use?" ("dentrix", "buildium and we're paying…"), or right after
// "we use / we're on". A name is one to three words up to the next function word, none of them ordinary.
const fillerStart = "(?:(?:uh|oh|well|so|honestly|um|okay|ok|yeah|yes|right now|currently|mostly|basically|still|just|at the moment|today)[,]? )*";
const saysUse = new RegExp(`^${fillerStart}(?:we|i) (?:use|are using|'re using|run|are on|'re on|went with|switched to|moved to) |^${fillerStart}we're on |^${fillerStart}(?:we're |i'm )?using `);
const repliesWithName = new RegExp(`^${fillerStart}(?:(?:it's|its|we're on|on) )?`);
const nameEnd = new Set(
  "and but for which that it's its is are was were right now mostly plus with to so because cause though across everywhere at in on we i they really pretty honestly basically who like um uh or then too also as of from since until if when while it this these those our my their your a an the".split(' '),
);
// A name may be followed only by the rest of a reply about it: "buildium and we're paying…", "tableau but…".
const afterName = new Set(['and', 'but', 'which', 'for', "it's", 'its', 'mostly', 'right', 'now', 'though', 'because', 'plus', 'with', 'at', 'currently', 'today', 'across', 'everywhere']);
const notAProduct = new Set(
  "nothing anything everything something paper pen pencil hand hands phone phones email emails text texts notebook notebooks whiteboard calendar memory heads head sticky notes spreadsheet word docs doc own thing stuff system software tool tools app apps program programs platform crm one couple few lot bunch mix combination different various old same nobody none sort kind mm hmm yeah checks check cash grand k thousand hundred million dollars bucks expensive cheap slow fine good great okay ok bad terrible awful clunky free easy hard broken old new".split(' '),
);
const numberWords = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)$/;
const brandPrefixes = new Set(['google', 'microsoft', 'apple', 'amazon']);

// "something called sling": the name is what follows "called".
const calledName = /\b(?:something|a thing|an app|a program|a software|software|a tool|a system|a platform|this (?:app|thing|program|tool)) called /;

/** An unlisted product named in lower case, title-cased: "follow up boss" → "Follow Up Boss". */
function spokenName(text: string, answering: boolean): string | null {
  const use = calledName.exec(text) ?? saysUse.exec(text);
  const m = use ?? (answering ? repliesWithName.exec(text) : null);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length).split(/[,.!?;]/)[0].trim().split(/\s+/);
  const words: string[] = [];
  for (const w of rest) {
    if (!w || nameEnd.has(w) || words.length === 3) break;
    words.push(w);
  }
  if (!words.length) return null;
  const next = rest[words.length];
  if (next !== undefined && !afterName.has(next)) return null;
  // "google calendar", "applied epic": a brand or a first word that could be ordinary, once it has a second.
  const branded = words.length > 1 && brandPrefixes.has(words[0]);
  const notAName = (w: string) =>
    (!branded && (notAProduct.has(w) || ordinaryWords.has(w))) || numberWords.test(w) || /\d|'/.test(w) || (w.length > 5 && /(?:ing|ly)$/.test(w)) || (words.length === 1 && /ed$/.test(w));
  if (words.some(notAName)) return null;
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

/** The tool they use today (first named); null when none is named. */
export function extractCurrentTool(utterances: readonly LeadUtterance[]): string | null {
  for (const u of utterances) {
    const asked = u.question !== null && toolQuestion.test(u.question);
    for (const clause of clausesOf(u.text)) {
      const [first] = mentionsIn(clause, asked);
      if (first) return first.name;
    }
    const raw = namedAfterUse.exec(u.raw.replace(/[’']re\b/g, "'re"));
    if (raw && !notAName.has(raw[1].split(/\s/)[0])) return raw[1].replace(/[.,]$/, '');
    if (u.question && workQuestion.test(u.question)) {
      const name = capitalisedName(u.raw);
      if (name) return name;
    }
    // The lead's own words only, never a name the agent said.
    const name = spokenName(u.text, asked);
    if (name) return name;
  }
  // "Are you on Salesforce?" "Yeah." — a tool only the agent named, confirmed by the lead.
  for (const u of utterances) {
    if (u.question && replyPolarity(u.text) === 'yes') {
      const [proposed] = mentionsIn(u.question, true);
      if (proposed) return proposed.name;
    }
  }
  return null;
}
