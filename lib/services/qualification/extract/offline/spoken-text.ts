// Speech-to-text writes a phone call without case or punctuation, with fillers ("um", "uh"), stutters
// ("its its", "eight eight people") and no sentence ends. The rules read clauses, so this module gives
// the lead's words the shape the rules expect: tokens from wink-nlp's English model, fillers dropped,
// an immediate repeat said once, and a clause break (a comma) where speech turns to a new clause without
// saying so: before "oh / yeah / okay…", before "can you…", before a fresh subject ("…right now i'm at an
// appointment"), before an imperative aimed at someone ("…all morning try him this afternoon") and at a
// self-correction ("fifty thousand no wait fifteen"). Only the tokenizer runs (no tagger): it is linear
// and cheap enough for the largest transcript the API accepts.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model, []);
const its = nlp.its;

const fillers = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'hmm', 'hm', 'ah', 'eh']);

// Words that open a new clause in speech when they come mid-utterance.
const discourse = new Set(['oh', 'yeah', 'yep', 'yup', 'yes', 'okay', 'ok', 'nah', 'nope', 'anyway', 'anyways', 'sorry', 'thanks', 'listen', 'honestly', 'alright']);
// Said to the caller, then a new clause: "buddy call me wednesday".
const vocatives = new Set(['buddy', 'man', 'dude', 'mate', 'pal', 'sir', 'maam', "ma'am", 'hon', 'honey', 'friend']);
// A new subject, written as speech-to-text writes it (apostrophes often dropped).
const subjects = new Set(['i', 'im', "i'm", 'ive', "i've", 'ill', "i'll", 'id', "i'd", 'we', "we're", 'weve', "we've", "we'll", 'hes', "he's", 'shes', "she's", 'theyre', "they're", 'theres', "there's", 'thats', "that's", 'its', "it's", 'he', 'she', 'they']);
// After these a subject continues the clause: "i think we have budget", "the guy who i report to", "if we do".
const bindsNext = new Set([
  'think', 'thought', 'know', 'knew', 'guess', 'believe', 'say', 'said', 'mean', 'feel', 'suppose', 'hope', 'sure', 'wish', 'bet', 'reckon', 'figure', 'told', 'tell', 'hear', 'heard', 'means', 'doubt',
  'that', 'what', 'who', 'whom', 'which', 'if', 'when', 'whenever', 'where', 'why', 'how', 'because', 'cause', 'cuz', 'since', 'unless', 'until', 'till', 'while', 'whether', 'than', 'as', 'so', 'and', 'or', 'but', 'once', 'before', 'after',
  'do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'shall', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'am', 'be', 'been', 'have', 'has', 'had', 'to', 'not', "n't", 'nt', 'never', 'no',
  'i', 'we', 'you', 'he', 'she', 'they', 'it', 'me', 'us', 'him', 'her', 'them', 'let', 'lets', "let's", 'like', 'of', 'for', 'with', 'about', 'at', 'on', 'in', 'from', 'by', 'the', 'a', 'an', 'my', 'our', 'your', 'this', 'these', 'those', 'all', 'even', 'just', 'only', 'also', 'maybe', 'probably',
  // A relative clause with no "that": "not something we need", "anything i'd use".
  'something', 'anything', 'nothing', 'everything', 'someone', 'anyone', 'everyone', 'somebody', 'anybody',
]);
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'my', 'our', 'your', 'his', 'her', 'their', 'some', 'any', 'every', 'no']);
const modals = new Set(['can', 'could', 'would', 'will']);
// Imperatives a lead aims at the caller: "call me", "try him", "put me on…", "remove this number".
const imperatives = new Set(['call', 'try', 'ring', 'give', 'email', 'text', 'send', 'remove', 'take', 'put', 'stop', 'lose', 'ask', 'reach', 'catch']);
// "please don't ever call this number again": no break inside a request or a refusal.
const notBeforeImperative = new Set(['ever', 'please', 'kindly', 'again', 'really', 'actually', 'also', 'even', 'maybe', 'probably', 'definitely', 'dont', "don't", 'never', 'not', 'nt', "n't", 'to', 'and', 'or']);
const imperativeObjects = new Set(['me', 'us', 'him', 'her', 'them', 'back', 'again', 'later', 'this', 'my', 'our']);
// A self-correction starts a clause: "thursday no wait friday", "fifty no sorry fifteen".
const corrections = new Set(['wait', 'sorry', 'actually', 'scratch', 'make']);

const unitNumbers = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);

type Token = { value: string; type: string; space: string };

/**
 * The tokens of each text. One document for the whole call, the texts joined by line breaks: reading
 * one document is several times cheaper than reading hundreds of small ones.
 */
function tokensOfEach(texts: readonly string[]): Token[][] {
  const doc = nlp.readDoc(texts.map((t) => t.replace(/[\r\n]+/g, ' ')).join('\n'));
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const out: Token[][] = texts.map(() => []);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    // The line breaks that join the texts come back as tokens of their own.
    if (types[i] === 'tabCRLF') {
      at = Math.min(at + (values[i].split('\n').length - 1), texts.length - 1);
      continue;
    }
    out[at].push({ value: values[i], type: types[i], space: out[at].length ? spaces[i] : '' });
  }
  return out;
}

const numberWords = new Set([...unitNumbers, 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
const isNumberWord = (t: Token | undefined) => t !== undefined && (t.type === 'number' || numberWords.has(t.value));
// After these, "can you / could you" continues the clause: "what can you do", "if you could call".
const modalBinds = new Set(['what', 'how', 'when', 'where', 'why', 'who', 'which', 'if', 'that', 'so', 'and', 'or', 'but', 'i', 'we', 'they', 'he', 'she', 'it', 'you', 'not', 'never', 'think', 'wonder', 'wondering', 'asking', 'ask']);

/** Whether a clause break belongs before token i (i > 0) of the utterance. */
function breaksBefore(tokens: Token[], i: number): boolean {
  const t = tokens[i].value;
  const prev = tokens[i - 1];
  const next = tokens[i + 1]?.value;
  if (prev.type === 'punctuation') return false;
  // A contraction's second half ("do|nt", "we|'re") belongs to the word before it.
  if (tokens[i].space === '') return false;
  // "no thanks", "not yet okay" stay whole.
  if (discourse.has(t)) return prev.value !== 'no' && prev.value !== 'not' && (!(t === 'yes' || t === 'yeah') || !bindsNext.has(prev.value));
  if (vocatives.has(prev.value) && !bindsNext.has(t) && (i < 2 || !determiners.has(tokens[i - 2].value))) return true;
  if (t === 'no' && next !== undefined && (corrections.has(next) || subjects.has(next) || next === 'no')) return true;
  // "eighteen no nineteen": one number corrected by the next.
  if (t === 'no' && isNumberWord(prev) && isNumberWord(tokens[i + 1])) return true;
  if (modals.has(t) && (next === 'you' || next === 'i' || next === 'we') && !modalBinds.has(prev.value)) return true;
  if (subjects.has(t) && !bindsNext.has(prev.value) && prev.type === 'word') return true;
  if (imperatives.has(t) && next !== undefined && imperativeObjects.has(next) && !bindsNext.has(prev.value) && !notBeforeImperative.has(prev.value) && !subjects.has(prev.value)) return true;
  return false;
}

/** Whether raw[i…] starts a repeat of the phrase just kept: n words equal to the n kept before them. */
function repeatsPhrase(raw: Token[], i: number, kept: Token[]): boolean {
  for (const n of [3, 2]) {
    if (kept.length < n || i + n > raw.length) continue;
    let same = true;
    for (let k = 0; k < n && same; k++) same = raw[i + k].value === kept[kept.length - n + k].value && raw[i + k].type === 'word';
    if (same) {
      // Drop the rest of the repeat too: mark the following n-1 tokens as fillers of the repeat.
      for (let k = 1; k < n; k++) raw[i + k] = { ...raw[i + k], value: '', type: 'repeat' };
      return true;
    }
  }
  return false;
}

/**
 * Each of the lead's texts (lower case) with fillers dropped, a stutter said once, and a comma at each
 * unmarked clause break. Punctuation the transcriber did write is kept.
 */
export function segmentSpeech(lowerTexts: readonly string[]): string[] {
  return tokensOfEach(lowerTexts).map(segmentTokens);
}

function segmentTokens(raw: Token[]): string {
  const kept: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (t.type === 'repeat') continue;
    if (fillers.has(t.value)) {
      // The filler's space stays with the next word.
      if (raw[i + 1] && raw[i + 1].space === '') raw[i + 1] = { ...raw[i + 1], space: t.space || ' ' };
      else if (raw[i + 1]) raw[i + 1] = { ...raw[i + 1], space: raw[i + 1].space || t.space };
      continue;
    }
    // "we could do we could do fifty": a repeated phrase of two or three words is said once.
    if (t.type === 'word' && repeatsPhrase(raw, i, kept)) continue;
    const last = kept[kept.length - 1];
    // "its its", "eight eight people"; not "twenty twenty five".
    if (last && t.type === 'word' && last.value === t.value && t.space !== '' && !(isNumberWord(t) && isNumberWord(raw[i + 1]) && unitNumbers.has(raw[i + 1].value))) continue;
    if (last && t.type === 'number' && last.type === 'number' && last.value === t.value && !isNumberWord(raw[i + 1])) continue;
    kept.push(t);
  }
  let out = '';
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i];
    const space = i === 0 ? '' : t.space;
    out += (i > 0 && breaksBefore(kept, i) ? ',' : '') + space + t.value;
  }
  return out;
}
