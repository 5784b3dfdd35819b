/**
 * The words a neighbour texts, per language. Matching ignores case, accents and surrounding
 * spaces (see `parseKeyword`). STOP and START follow carrier rules in every language.
 */
export const HELP_KEYWORDS = { en: 'HELP', es: 'AYUDA' } as const;
export const STATUS_KEYWORDS = { en: 'STATUS', es: 'ESTADO' } as const;
export const YES_KEYWORDS = { en: 'YES', es: 'SI' } as const;
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
