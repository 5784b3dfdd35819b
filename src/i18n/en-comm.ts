/**
 * English for communication (M6): emails and texts, notifications, SMS conversations,
 * the outbox, announcements and the community board. Spread into `en` (en.ts);
 * es-comm.ts has the same keys.
 */
export const commEn = {
  'mail.footer':
    'You get this from Mutua because of your part in a mutual aid network. Choose how and when we reach you: {link}',
} as const;
