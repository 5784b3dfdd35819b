import type { MessageKey, Translate } from '../../i18n/i18n.ts';

/** After a form, pages redirect with ?done=<what>; only these words turn into a message. */
const DONE = [
  'saved',
  'joined',
  'joinedWithoutPhone',
  'passwordChanged',
  'roleChanged',
  'removed',
  'added',
  'revoked',
  'areaAdded',
  'areaDeleted',
  'created',
  'welcome',
] as const;

export function doneNotice(t: Translate, done: unknown): string | undefined {
  return typeof done === 'string' && (DONE as readonly string[]).includes(done)
    ? t(`done.${done}` as MessageKey)
    : undefined;
}
