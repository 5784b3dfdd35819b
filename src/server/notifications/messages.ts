import { formatCode } from '../../domain/requests/request-code.ts';
import type { Translate } from '../../i18n/i18n.ts';
import type { Message } from './notification.service.ts';

/**
 * The words of each moment Mutua tells someone about, in the reader's language. Nothing
 * private goes in them beyond what the reader may already see: a requester hears the
 * volunteer's first name only; volunteers and coordinators see category, area and code.
 */
export const messages = {
  requestReceived: (t: Translate, o: { network: string; code: string; link: string }): Message => ({
    title: t('notify.received.title', { network: o.network }),
    text: t('notify.received.text', { code: formatCode(o.code) }),
    link: o.link,
    linkLabel: t('notify.received.link'),
  }),
  onTheWay: (t: Translate, o: { firstName: string; code: string }): Message => ({
    title: t('notify.onTheWay.title'),
    text: t('notify.onTheWay.text', { name: o.firstName, code: formatCode(o.code) }),
  }),
  urgentRequest: (
    t: Translate,
    o: { code: string; category: string; urgency: string; area: string | null; link: string },
  ): Message => ({
    title: t('notify.urgent.title', {
      urgency: t(`urgency.${o.urgency}` as never),
      code: formatCode(o.code),
    }),
    text: t('notify.urgent.text', {
      category: t(`category.${o.category}` as never),
      area: o.area ?? t('tasks.areaUnknown'),
    }),
    link: o.link,
    linkLabel: t('notify.open'),
  }),
  taskReminder: (t: Translate, o: { code: string; category: string; link: string }): Message => ({
    title: t('notify.reminder.title', { code: formatCode(o.code) }),
    text: t('notify.reminder.text', { category: t(`category.${o.category}` as never) }),
    link: o.link,
    linkLabel: t('notify.open'),
  }),
  taskOffered: (
    t: Translate,
    o: { code: string; category: string; area: string | null; link: string },
  ): Message => ({
    title: t('notify.offered.title'),
    text: t('notify.offered.text', {
      category: t(`category.${o.category}` as never),
      area: o.area ?? t('tasks.areaUnknown'),
      code: formatCode(o.code),
    }),
    link: o.link,
    linkLabel: t('notify.open'),
  }),
  taskCancelled: (t: Translate, o: { code: string; link: string }): Message => ({
    title: t('notify.cancelled.title', { code: formatCode(o.code) }),
    text: t('notify.cancelled.text', { code: formatCode(o.code) }),
    link: o.link,
    linkLabel: t('notify.cancelled.link'),
  }),
};
