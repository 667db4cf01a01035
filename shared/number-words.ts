// Numbers said in words ("fifty thousand", "a hundred and fifty", "one point five million") turned into
// digits, so the amount, team-size and time rules only ever read digits.

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const scales: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

const numberWord = [...Object.keys(units), ...Object.keys(tens), 'hundred', ...Object.keys(scales)].join('|');
const scaleWord = `hundred|${Object.keys(scales).join('|')}`;
const startWord = [...Object.keys(units), ...Object.keys(tens)].join('|');

// A phrase starts with a unit or tens word, "a/an" before a scale, or "half a" before a scale; it goes
// on through number words, "and", "point" and "a half". A scale word alone after digits ("35 thousand")
// is left for the amount rules.
const phrase = new RegExp(
  `\\b(?:(?:half\\s+an?\\s+(?=(?:${scaleWord})\\b))|(?:an?\\s+(?=(?:${scaleWord})\\b)))?` +
    `(?:${startWord}|(?<=\\b(?:an?|half\\s+an?)\\s+)(?:${scaleWord}))(?:(?:\\s+|-)(?:(?:and\\s+)?(?:${numberWord})|point\\s+(?:${Object.keys(units).join('|')})|and\\s+a\\s+half))*\\b`,
  'g',
);

type Parsed = { value: number; scale: string | null };

/** The numbers in a phrase of number words; "two thirty" is two numbers, 2 and 30 (a time). */
export function parseNumberWords(text: string): Parsed[] {
  const words = text.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const out: Parsed[] = [];
  let total = 0;
  let current = 0;
  let last: 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | null = null;
  let lastScale: string | null = null;
  let started = false;
  let half = false;

  const flush = () => {
    if (started) out.push({ value: total + current, scale: last === 'scale' ? lastScale : null });
    total = 0;
    current = 0;
    last = null;
    lastScale = null;
    started = false;
  };

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'and') {
      if (words[i + 1] === 'a' && words[i + 2] === 'half') {
        current += 0.5;
        i += 2;
      }
      continue;
    }
    if (w === 'half' && (words[i + 1] === 'a' || words[i + 1] === 'an')) {
      half = true;
      i += 1;
      continue;
    }
    if (w === 'a' || w === 'an') {
      current = current || 1;
      started = true;
      last = 'unit';
      continue;
    }
    if (w === 'point') {
      let decimals = '';
      while (i + 1 < words.length && units[words[i + 1]] !== undefined && units[words[i + 1]] < 10) decimals += String(units[words[++i]]);
      if (decimals) current += Number(`0.${decimals}`);
      continue;
    }
    if (units[w] !== undefined) {
      const n = units[w];
      if (last === 'unit' || last === 'teen' || (last === 'tens' && n >= 10)) flush();
      current += n;
      started = true;
      last = n < 10 ? 'unit' : 'teen';
      continue;
    }
    if (tens[w] !== undefined) {
      if (last === 'unit' || last === 'teen' || last === 'tens') flush();
      current += tens[w];
      started = true;
      last = 'tens';
      continue;
    }
    if (w === 'hundred') {
      current = (current || 1) * 100;
      started = true;
      last = 'hundred';
      continue;
    }
    if (scales[w] !== undefined) {
      const base = half ? 0.5 : current || 1;
      half = false;
      total += base * scales[w];
      current = 0;
      started = true;
      last = 'scale';
      lastScale = w;
    }
  }
  flush();
  return out;
}

function format({ value, scale }: Parsed): string {
  // "fifty thousand" → "50 thousand" keeps the scale word, so "twenty to thirty thousand" stays a range.
  if (scale) {
    const base = value / scales[scale];
    if (Number.isInteger(base * 1000)) return `${Number(base.toFixed(3))} ${scale}`;
  }
  return String(Number(value.toFixed(3)));
}

const notANumber = /\b(?:no|any|some|every|each|which|another|anyone|someone)\s+$/;

// Spoken approximations of a scale: "a couple hundred", "a few grand", "a quarter of a million".
const approximations: [RegExp, string][] = [
  [/\b(?:a )?couple(?: of)? (?=(?:hundred|thousand|million|grand|k)\b)/g, 'two '],
  [/\ba few (?=(?:hundred|thousand|million|grand)\b)/g, 'three '],
  [/\b(?:a )?quarter (?:of )?a (million|thousand)\b/g, '0.25 $1'],
  [/\bthree quarters (?:of )?a (million|thousand)\b/g, '0.75 $1'],
  [/\b(\w+)-odd\b/g, '$1'],
  [/\bhalf a dozen\b/g, '6'],
  [/\b(?:a )?couple(?: of)? dozen\b/g, '24'],
  [/\ba dozen\b/g, '12'],
];

// "On the twentieth": a day of the month, written the way the date rules read it ("the 20th"); only
// where a date can end, so "the first patient" stays words.
const ordinalUnits: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const ordinalTens: Record<string, number> = { twentieth: 20, thirtieth: 30 };
const ordinal = new RegExp(`\\bthe (?:(twenty|thirty)[- ])?(${[...Object.keys(ordinalUnits), ...Object.keys(ordinalTens)].join('|')})\\b(?=\\s*(?:$|[,.!?;]|(?:of|when|at|in|on|or|and|then|works?|is|would|please|if|after|before|because|cause|i|i'm|we|maybe|ok|okay)\\b))`, 'g');
const suffix = (n: number) => (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');

function ordinalDay(match: string, tensWord: string | undefined, word: string): string {
  const n = (tensWord ? tens[tensWord] : 0) + (ordinalUnits[word] ?? ordinalTens[word] ?? 0);
  if (tensWord && ordinalTens[word]) return match;
  return n >= 1 && n <= 31 ? `the ${n}${suffix(n)}` : match;
}

/** The text with every number said in words written in digits. */
export function digitize(text: string): string {
  for (const [pattern, replacement] of approximations) text = text.replace(pattern, replacement);
  text = text.replace(ordinal, ordinalDay);
  return text.replace(phrase, (match, offset: number, whole: string) => {
    // "no one", "any one", "which one": pronouns, not numbers.
    if (/^one$/i.test(match) && notANumber.test(whole.slice(0, offset).toLowerCase())) return match;
    const numbers = parseNumberWords(match);
    return numbers.length ? numbers.map(format).join(' ') : match;
  });
}
