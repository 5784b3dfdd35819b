/**
 * Language names as people write them in a spreadsheet ("Spanish", "Español", "castellano",
 * "ES", "Kreyòl") to the codes Mutua stores ("es", "ht"). The languages of the networks
 * Mutua is written for first, with their English and Spanish names and their own. Pure.
 */
import { fold, foldedWords } from '../text/fold.ts';

/** code: names, folded, separated by |. */
const NAMES: Record<string, string> = {
  en: 'english|ingles|anglais',
  es: 'spanish|espanol|castellano|espagnol',
  fr: 'french|frances|francais',
  pt: 'portuguese|portugues',
  ht: 'haitian creole|creole|kreyol|criollo haitiano|kreyol ayisyen',
  zh: 'chinese|chino|mandarin|mandarin chinese|zhongwen|中文|普通话',
  yue: 'cantonese|cantones|廣東話|粤语',
  ar: 'arabic|arabe|العربية',
  vi: 'vietnamese|vietnamita|tieng viet',
  ko: 'korean|coreano|한국어',
  ru: 'russian|ruso|русский',
  uk: 'ukrainian|ucraniano|українська',
  tl: 'tagalog|filipino',
  hi: 'hindi|हिन्दी',
  bn: 'bengali|bangla|বাংলা',
  ur: 'urdu|اردو',
  fa: 'persian|farsi|persa|dari|فارسی',
  ps: 'pashto|pastun|پښتو',
  tr: 'turkish|turco|turkce',
  pl: 'polish|polaco|polski',
  ro: 'romanian|rumano|romana',
  de: 'german|aleman|deutsch',
  it: 'italian|italiano',
  ca: 'catalan|catala',
  eu: 'basque|euskera|euskara|vasco',
  gl: 'galician|gallego|galego',
  qu: 'quechua|runasimi',
  gn: 'guarani',
  ay: 'aymara',
  nah: 'nahuatl',
  am: 'amharic|amharico|አማርኛ',
  ti: 'tigrinya|tigriña|tigrina|ትግርኛ',
  so: 'somali|soomaali',
  sw: 'swahili|suajili|kiswahili',
  wo: 'wolof',
  ff: 'fula|fulani|pular|fulfulde',
  ne: 'nepali|नेपाली',
  my: 'burmese|birmano|myanmar',
  km: 'khmer|camboyano',
  asl: 'asl|american sign language|sign language|lengua de signos|lengua de senas|lse',
};

const BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(NAMES)) {
  BY_NAME.set(code, code);
  for (const n of names.split('|')) BY_NAME.set(fold(n), code);
}

/** The code of one language name or code, or null when it is not one we know. */
export function languageCode(raw: string): string | null {
  const key = fold(raw).replace(/[().]/g, ' ').replace(/\s+/g, ' ').trim();
  if (key === '') return null;
  const direct = BY_NAME.get(key);
  if (direct) return direct;
  // "es-MX", "en_US", "Spanish (Mexico)", "español de México": the language part decides.
  const head = key.split(/[-_\s]/)[0] ?? '';
  if (/^[a-z]{2,3}$/.test(head) && BY_NAME.has(head)) return BY_NAME.get(head) ?? null;
  const ws = foldedWords(raw);
  for (let n = Math.min(3, ws.length); n >= 1; n--) {
    const hit = BY_NAME.get(ws.slice(0, n).join(' '));
    if (hit) return hit;
  }
  return null;
}

/** Several languages in one cell: "English, Spanish", "es / en", "Español y francés". */
export function languageCodes(raw: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of raw.split(/[,;/|+&]|\s+(?:and|y|e)\s+/i)) {
    const p = part.trim();
    if (!p) continue;
    const code = languageCode(p);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(p);
  }
  return { codes, unknown };
}
