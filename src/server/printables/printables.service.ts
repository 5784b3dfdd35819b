import { formatCode } from '../../domain/requests/request-code.ts';
import { helpKeyword } from '../../domain/sms/keywords.ts';
import { DAYS, PARTS, slotBit } from '../../domain/time/weekly-slots.ts';
import { type Language, type MessageKey, translator } from '../../i18n/i18n.ts';
import { isoNow } from '../../shared/clock.ts';
import { dateFormat } from '../../shared/intl.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import type { Network } from '../core/network.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { smsNumberFor } from '../core/sms-number.ts';
import { revealRequest } from '../privacy/privacy-gate.ts';
import type { RequestPrivate, RequestSummary } from '../requests/request.types.ts';
import { sealedRequest } from '../requests/request-lookup.service.ts';
import { myTasks } from '../requests/task.service.ts';
import { flyerPdf } from './flyer.pdf.ts';
import { dateInWords } from './pdf.ts';
import { tableSheetPdf } from './pdf-table.ts';

/** The public request form, where a flyer's QR code leads. */
export function requestFormUrl(config: Deps['config'], network: Pick<Network, 'slug'>): string {
  return `${config.baseUrl}/n/${network.slug}/ask`;
}

/** Today as 2026-12-05 in the network's time zone. */
export function today(clock: Deps['clock'], timeZone: string): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return dateFormat('en-CA', { timeZone }).format(clock.now());
  } catch {
    return isoNow(clock).slice(0, 10);
  }
}

/**
 * A flyer for noticeboards and door-knocking: per language, how to ask (QR code and web
 * address) and, when the network has a number, the word to text. Nothing personal on it.
 */
export async function flyer(
  deps: Pick<Deps, 'config'>,
  {
    scope,
    languages,
    layout,
  }: { scope: NetworkScope; languages: Language[]; layout: 'sections' | 'pages' },
): Promise<Buffer> {
  authorize(scope, 'printables.network');
  const url = requestFormUrl(deps.config, scope.network);
  const number = smsNumberFor(scope.network, deps.config);
  const parts = languages.map((lang) => {
    const t = translator(lang);
    return {
      lang,
      network: scope.network.name,
      heading: t('print.flyer.heading'),
      lead: t('print.flyer.lead'),
      scan: t('print.flyer.scan'),
      url,
      sms: number
        ? {
            line: t('print.flyer.text', { keyword: helpKeyword(lang), number }),
            hint: t('print.flyer.textHint'),
          }
        : null,
    };
  });
  return flyerPdf({ title: `${scope.network.name}: ${parts[0]!.heading}`, parts, layout });
}

/**
 * A blank sign-in sheet (name, household, street, signature) for a distribution day when
 * phones or the network are down. Distribution days will pass their own title, date and site.
 */
export async function signInSheet(
  _deps: Pick<Deps, 'config'>,
  {
    scope,
    input,
  }: {
    scope: NetworkScope;
    input: { title: string; date: string; place: string; rows: number; language: Language };
  },
): Promise<Buffer> {
  authorize(scope, 'printables.network');
  const lang = input.language;
  const t = translator(lang);
  return tableSheetPdf({
    lang,
    title: input.title,
    lines: [
      scope.network.name,
      t('print.sheet.date', { date: dateInWords(lang, input.date) }),
      t('print.sheet.place', { place: input.place }),
    ],
    columns: [
      { label: t('print.col.number'), weight: 0.5 },
      { label: t('print.col.name'), weight: 4 },
      { label: t('print.col.household'), weight: 1.5 },
      { label: t('print.col.area'), weight: 3 },
      { label: t('print.col.signature'), weight: 3 },
    ],
    // Numbered lines make a count at the end of the day quick.
    rows: Array.from({ length: input.rows }, (_, i) => [String(i + 1)]),
    blankRows: 0,
    pageLabel: (page, pages) => t('print.sheet.page', { page, pages }),
  });
}

/** When the requester said suits them on the sheet's weekday, in the sheet's language. */
function whenOnDay(lang: Language, slots: number, isoDate: string): string {
  const t = translator(lang);
  const day = DAYS[(new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  const parts = PARTS.filter((p) => slots & slotBit(day, p));
  return parts.length === 0
    ? t('print.route.notThatDay')
    : parts.map((p) => t(`volunteering.part.${p}` as MessageKey)).join(', ');
}

/**
 * A volunteer's route sheet: their own assigned and in-progress tasks in this network, with
 * name, address and phone opened by the privacy gate, which audits each one as a view with
 * the purpose 'route_sheet'; the print itself is audited too. Nobody prints another's tasks:
 * the list is the actor's own, whatever their role.
 */
export async function routeSheet(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    date,
    language,
  }: { actor: Actor; scope: NetworkScope; date: string; language: Language },
): Promise<Buffer> {
  authorize(scope, 'tasks.feed');
  const opened: { summary: RequestSummary; private: RequestPrivate }[] = [];
  for (const task of await myTasks(deps, { scope })) {
    const found = await sealedRequest(deps.db, scope.network.id, task.id);
    if (!found || found.summary.redacted || found.summary.volunteerId !== scope.personId) continue;
    const details = await revealRequest(deps, {
      actor,
      scope,
      request: found.summary,
      sealed: found.sealed,
      purpose: 'route_sheet',
    });
    opened.push({ summary: found.summary, private: details });
  }
  await audit(deps.db, deps.clock, {
    actor,
    action: 'route_sheet.printed',
    networkId: scope.network.id,
    details: { date, tasks: opened.length, codes: opened.map((o) => o.summary.code).join(' ') },
  });

  const t = translator(language);
  const name = actor.kind === 'person' ? actor.displayName : '';
  return tableSheetPdf({
    lang: language,
    layout: 'landscape',
    title: t('print.route.heading', { name }),
    lines: [scope.network.name, t('print.sheet.date', { date: dateInWords(language, date) })],
    note: t('print.route.private'),
    columns: [
      { label: t('print.col.number'), weight: 0.5 },
      { label: t('print.col.task'), weight: 2 },
      { label: t('print.col.name'), weight: 1.6 },
      { label: t('print.col.address'), weight: 2.6 },
      { label: t('print.col.phone'), weight: 1.6 },
      { label: t('print.col.when'), weight: 1.6 },
      { label: t('print.col.notes'), weight: 3.2 },
      { label: t('print.col.done'), weight: 0.8 },
    ],
    rows: opened.map(({ summary: s, private: p }, i) => [
      String(i + 1),
      [
        formatCode(s.code),
        t(`category.${s.category}` as MessageKey),
        t(`urgency.${s.urgency}` as MessageKey),
        s.areaName ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      p.name ?? '—',
      p.address ?? '—',
      p.phone ?? '—',
      whenOnDay(language, s.slots, date),
      [p.details, p.accessibility].filter(Boolean).join('\n'),
      '',
    ]),
    blankRows: 0,
    empty: t('print.route.none'),
    pageLabel: (page, pages) => t('print.sheet.page', { page, pages }),
  });
}
