/**
 * The words a neighbour texts, per language. Matching ignores case, accents and surrounding
 * spaces (see `parseKeyword`). STOP and START follow carrier rules in every language.
 */
export const HELP_KEYWORDS = { en: 'HELP', es: 'AYUDA' } as const;
export const STATUS_KEYWORDS = { en: 'STATUS', es: 'ESTADO' } as const;
export const YES_KEYWORDS = { en: 'YES', es: 'SI' } as const;
/** A volunteer with SMS but no data says a task is done: DONE <code> <hours>. */
export const DONE_KEYWORDS = { en: 'DONE', es: 'LISTO' } as const;
export const STOP_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'PARAR',
  'BAJA',
];
export const START_KEYWORDS = ['START', 'UNSTOP', 'SUBSCRIBE', 'ALTA'];

export type SmsLanguage = keyof typeof HELP_KEYWORDS;

/** The keyword a neighbour of this language texts to ask for help, for flyers and replies. */
export function helpKeyword(language: string): string {
  return HELP_KEYWORDS[language as SmsLanguage] ?? HELP_KEYWORDS.en;
}

/** What a text asks for, read from its first word(s). */
export type Inbound =
  | { kind: 'stop' }
  | { kind: 'start' }
  | { kind: 'help'; language: SmsLanguage }
  | { kind: 'status'; code: string; language: SmsLanguage }
  | { kind: 'yes'; code: string; language: SmsLanguage }
  | { kind: 'done'; code: string; hours: number | null; language: SmsLanguage }
  | { kind: 'text'; text: string };

/** Upper case, without accents, single spaces: "  sí  abc " → "SI ABC". */
export function normaliseText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

function keywordLanguage(table: Record<SmsLanguage, string>, word: string): SmsLanguage | null {
  for (const [lang, kw] of Object.entries(table)) if (kw === word) return lang as SmsLanguage;
  return null;
}

/**
 * Reads an inbound text. Keywords are whole first words (so "HELPING HANDS" is just text);
 * STATUS and YES take a request code after them (spaces and dashes in the code are ignored).
 */
export function parseInbound(body: string): Inbound {
  const norm = normaliseText(body);
  const [first = '', ...rest] = norm.split(' ');
  const word = first.replace(/[^A-Z]/g, '');
  if (STOP_KEYWORDS.includes(word) && rest.length === 0) return { kind: 'stop' };
  if (START_KEYWORDS.includes(word) && rest.length === 0) return { kind: 'start' };
  const help = keywordLanguage(HELP_KEYWORDS, word);
  if (help && rest.length <= 2) return { kind: 'help', language: help };
  const code = rest.join('').replace(/[^A-Z0-9]/g, '');
  const status = keywordLanguage(STATUS_KEYWORDS, word);
  if (status && code) return { kind: 'status', code, language: status };
  const yes = keywordLanguage(YES_KEYWORDS, word);
  if (yes && code) return { kind: 'yes', code, language: yes };
  const done = keywordLanguage(DONE_KEYWORDS, word);
  if (done && code) return { kind: 'done', ...codeAndHours(rest, code), language: done };
  return { kind: 'text', text: body.trim() };
}

/** Hours as texted: "2", "1.5" or "1,5". */
const HOURS = /^\d{1,2}(?:[.,]\d{1,2})?$/;

/**
 * The code and the hours of a DONE text. The code's alphabet has digits too (K7M-4QP), so the
 * last word is read as hours only when what stands before it is a whole code's length; "DONE
 * K7M4QP" alone asks for the hours.
 */
function codeAndHours(words: string[], whole: string): { code: string; hours: number | null } {
  const last = words[words.length - 1] ?? '';
  const before = words
    .slice(0, -1)
    .join('')
    .replace(/[^A-Z0-9]/g, '');
  if (words.length >= 2 && HOURS.test(last) && before.length === 6)
    return { code: before, hours: Number(last.replace(',', '.')) };
  return { code: whole, hours: null };
}

/**
 * Which of `options` a reply names: its number in the list ("2"), or a word close to a word
 * of its label ("medicina" for "Medicamentos": one starts the other, or they share their first
 * five letters), ignoring case and accents. Null when none or several match.
 */
export function pickOption(
  reply: string,
  options: readonly { key: string; label: string }[],
): string | null {
  const norm = normaliseText(reply);
  const n = Number(norm);
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1]!.key;
  const words = norm.split(' ').filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  const close = (a: string, b: string) =>
    a.startsWith(b) ||
    b.startsWith(a) ||
    (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
  const exact = options.filter((o) => normaliseText(o.label) === norm);
  if (exact.length === 1) return exact[0]!.key;
  const hits = options.filter((o) =>
    normaliseText(o.label)
      .split(' ')
      .filter((w) => w.length >= 3)
      .some((lw) => words.some((w) => close(w, lw))),
  );
  return hits.length === 1 ? hits[0]!.key : null;
}
