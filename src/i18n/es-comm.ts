import type { commEn } from './en-comm.ts';

/** Spanish for communication; the same keys and {placeholders} as en-comm.ts. */
export const commEs: Record<keyof typeof commEn, string> = {
  'mail.footer':
    'Recibe esto de Mutua por su participación en una red de ayuda mutua. Elija cómo y cuándo le contactamos: {link}',
};
