import { type LatLng, roundForPrivacy } from '../../domain/geo/geo.ts';
import { normaliseEmail, normalisePhone } from '../../domain/people/contact.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import { intakeVerdict } from '../../domain/requests/intake-limit.ts';
import { newRequestCode } from '../../domain/requests/request-code.ts';
import { OPEN_STATUSES } from '../../domain/requests/request-status.ts';
import { ALL_WEEK, DAYS, maskFromNames, PARTS } from '../../domain/time/weekly-slots.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, HOUR, isoNow } from '../../shared/clock.ts';
import { blindIndex } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { memberIdsWithRole } from '../core/membership.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { geocodeAddress } from '../delivery/geocoder.ts';
import { messages } from '../notifications/messages.ts';
import { notifyContact, notifyPerson } from '../notifications/notification.service.ts';
import { sealPrivate } from '../privacy/privacy-gate.ts';
import { countWindow, limitKey } from '../rate-limit/rate-limit.service.ts';
import type { WHEN } from './request.schema.ts';
import type { Channel, NewRequestEvent, RequestSummary } from './request.types.ts';
import { insertEvent } from './request-event.repository.ts';
import {
  codeTaken,
  findPossibleDuplicates,
  insertRequest,
  markDuplicate,
} from './request-intake.repository.ts';
import { writeSearchIndex } from './request-search.repository.ts';
import { searchEntries } from './request-search.ts';

/** A request with the same phone or email within 14 days is probably the same need. */
export const DUPLICATE_WINDOW = 14 * DAY;

export interface IntakeInput {
  category: string;
  details?: string | undefined;
  urgency: Urgency;
  householdSize: number;
  areaId?: string | undefined;
  address?: string | undefined;
  when: (typeof WHEN)[number];
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  language: string;
  languageRequired?: boolean | undefined;
  accessibility?: string | undefined;
  needsCar?: boolean | undefined;
  /** An exact point, when the channel has one (API); stored only rounded to 500 m. */
  point?: LatLng | undefined;
}

const WEEKDAYS = DAYS.slice(0, 5);
const WEEKEND = DAYS.slice(5);
export function slotsForWhen(when: IntakeInput['when']): number {
  const all = (days: readonly string[], parts: readonly string[]) =>
    maskFromNames(days.flatMap((d) => parts.map((p) => `${d}-${p}`)));
  switch (when) {
    case 'mornings':
      return all(DAYS, ['morning']);
    case 'afternoons':
      return all(DAYS, ['afternoon']);
    case 'evenings':
      return all(DAYS, ['evening']);
    case 'weekdays':
      return all(WEEKDAYS, PARTS);
    case 'weekends':
      return all(WEEKEND, PARTS);
    default:
      return ALL_WEEK;
  }
}

/**
 * Where a request came from, for the per-address protection against floods: the internet
 * address of the web form's or the API's caller. Null for channels with no such address to
 * count (a coordinator typing a phone call in; SMS, where the gateway is the caller and
 * repeats are caught per phone number as possible duplicates).
 */
export interface IntakeSource {
  address: string;
}

/** One window of the per-address count: an hour (the network's number is per hour). */
const ADDRESS_WINDOW = HOUR;

/**
 * Counts the request against its address and says whether it is ordinary or one to review;
 * a flood past the hard ceiling is refused (INTAKE_LIMITED, with the minutes left of the
 * hour). Only requests that passed validation count: a mistyped form sent again is no flood.
 * See domain/requests/intake-limit.ts for the numbers.
 */
async function checkAddress(
  deps: Pick<Deps, 'db' | 'clock'>,
  network: NetworkScope['network'],
  source: IntakeSource,
): Promise<{ manyFromAddress: boolean }> {
  const key = limitKey(`intake:${network.id}`, source.address);
  const { hits, minutesLeft } = await countWindow(deps.db, deps.clock, key, ADDRESS_WINDOW);
  const verdict = intakeVerdict(hits, network.hourlyRequestsPerAddress);
  if (verdict === 'refuse') throw new AppError('INTAKE_LIMITED', { minutes: minutesLeft });
  return { manyFromAddress: verdict === 'review' };
}

/**
 * The mistakes of an intake that the network decides (a category it does not offer, an area
 * not its own) and the contact rule (a valid phone, or an email): pure, so the ask form runs
 * it beside the schema and lists every mistake at once (issue 12).
 */
export function intakeProblems(
  network: Pick<NetworkScope['network'], 'categories'>,
  areas: readonly { id: string }[],
  input: {
    category?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    areaId?: string | undefined;
  },
): Record<string, { key: string }> {
  const fields: Record<string, { key: string }> = {};
  if (input.category && !network.categories.includes(input.category))
    fields.category = { key: 'field.choose' };
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) fields.phone = { key: 'field.phoneInvalid' };
  const email = input.email ? normaliseEmail(input.email) : null;
  if (!phone && !email && !fields.phone) fields.phone = { key: 'field.phoneOrEmail' };
  if (input.areaId && !areas.some((a) => a.id === input.areaId))
    fields.areaId = { key: 'field.choose' };
  return fields;
}

/**
 * The one intake every channel uses: the public form, a coordinator after a phone call, the
 * API, and (later) SMS. It checks the input against the network (its categories and areas),
 * seals the personal fields, gives the request a short code, and links it to any open
 * request of the last 14 days with the same phone or email (flagged for a coordinator, never
 * merged). Returns the status token once: it lets the requester follow and give feedback.
 */
export async function createRequest(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'openTasks' | 'mailer' | 'sms'>,
  {
    actor,
    scope,
    channel,
    source,
    input,
    formToken,
  }: {
    actor: Actor;
    scope: NetworkScope;
    channel: Channel;
    /**
     * The ask form's one-time token (24 base64url characters), used as the status token so a
     * second post of the same form finds this request (the column's unique index holds it).
     */
    formToken?: string | undefined;
    /** The caller's address for the web form and the API; null where there is none to count. */
    source: IntakeSource | null;
    input: IntakeInput;
  },
): Promise<{ summary: RequestSummary; statusToken: string }> {
  if (channel === 'phone' || channel === 'api') authorize(scope, 'requests.intake_for_others');
  const network = scope.network;
  const areas = await listAreas(deps.db, network.id);
  const fields = intakeProblems(network, areas, input);
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const phone = input.phone ? normalisePhone(input.phone) : null;
  const email = input.email ? normaliseEmail(input.email) : null;
  const area = input.areaId ? areas.find((a) => a.id === input.areaId) : undefined;
  // Many people share some addresses (a library, a carrier): past the network's number a
  // request is taken and marked for review, never refused until a flood's ceiling.
  const { manyFromAddress } = source
    ? await checkAddress(deps, network, source)
    : { manyFromAddress: false };

  const id = newId();
  const now = isoNow(deps.clock);
  // An address without a place: the operator's geocoder may place it (only its cell is kept).
  const located =
    input.point ??
    (input.address && !area
      ? await geocodeAddress(deps.config, input.address, { countryCode: network.country })
      : null);
  const point = located ?? area?.centre ?? null;
  const approx = point ? roundForPrivacy(point) : null;
  const statusToken = formToken ?? randomToken(18);
  const sealed = sealPrivate(deps.config.keys, id, {
    name: input.name,
    phone,
    email,
    address: input.address ?? null,
    details: input.details ?? null,
    accessibility: input.accessibility ?? null,
  });
  const index = {
    phone: phone ? blindIndex(deps.config.keys, 'phone', phone) : null,
    email: email ? blindIndex(deps.config.keys, 'email', email) : null,
  };

  const summary = await deps.db.transaction().execute(async (trx) => {
    let code = newRequestCode();
    while (await codeTaken(trx, network.id, code)) code = newRequestCode();
    const since = new Date(deps.clock.now().getTime() - DUPLICATE_WINDOW).toISOString();
    const earlier = await findPossibleDuplicates(trx, network.id, index, since, OPEN_STATUSES);
    let filed = await insertRequest(trx, {
      id,
      networkId: network.id,
      code,
      channel,
      category: input.category,
      urgency: input.urgency,
      householdSize: input.householdSize,
      areaId: area?.id ?? null,
      approx,
      slots: slotsForWhen(input.when),
      language: input.language,
      languageRequired: input.languageRequired === true,
      needsCar: input.needsCar === true || input.category === 'ride',
      sealed,
      index,
      consentAt: now,
      statusTokenHash: hashToken(statusToken),
      requesterId: channel === 'web' && actor.kind === 'person' ? actor.personId : null,
      enteredBy: channel === 'phone' || channel === 'api' ? scope.personId : null,
      manyFromAddress,
      createdAt: now,
    });
    await writeSearchIndex(
      trx,
      { id, networkId: network.id },
      searchEntries(deps.config.keys, { name: input.name, phone }),
    );
    await insertEvent(
      trx,
      event(id, scope.personId, 'created', { toStatus: 'new', channel, createdAt: now }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.created',
      networkId: network.id,
      subject: { type: 'request', id },
      details: {
        code,
        channel,
        category: input.category,
        urgency: input.urgency,
        ...(manyFromAddress ? { many_from_address: true } : {}),
      },
    });
    const first = earlier[0];
    if (first) {
      // Linked and flagged, never merged: a coordinator decides whether it is the same need.
      await markDuplicate(trx, id, first.id, now);
      await insertEvent(trx, event(id, null, 'duplicate', { outcome: first.id, createdAt: now }));
      await insertEvent(trx, event(first.id, null, 'duplicate', { outcome: id, createdAt: now }));
      await audit(trx, deps.clock, {
        actor: { kind: 'system', label: 'duplicates' },
        action: 'request.duplicate_linked',
        networkId: network.id,
        subject: { type: 'request', id },
        details: { of: first.id, matches: earlier.length },
      });
      filed = { ...filed, duplicateOf: first.id, duplicateFlag: true };
    }
    await announceRequest(trx, deps, {
      network,
      request: filed,
      areaName: area?.name ?? null,
      statusToken,
      contact: { email, phone },
    });
    return { ...filed, areaName: area?.name ?? null };
  });
  deps.openTasks.touch(network.id, summary.id);
  return { summary, statusToken };
}

/**
 * The messages a new request causes, in its transaction: the requester hears it arrived, with
 * its code and their status link (texts filed by SMS get that answer in the conversation);
 * for urgent needs, every coordinator of the network is told (right away when critical).
 */
async function announceRequest(
  trx: Db,
  deps: Pick<Deps, 'config' | 'clock' | 'mailer' | 'sms'>,
  o: {
    network: NetworkScope['network'];
    request: RequestSummary;
    areaName: string | null;
    statusToken: string;
    contact: { email: string | null; phone: string | null };
  },
): Promise<void> {
  const { network, request: row } = o;
  if (row.channel !== 'sms') {
    await notifyContact(trx, deps, {
      networkId: network.id,
      kind: 'request.received',
      key: `request.received:${row.id}`,
      language: row.language,
      email: o.contact.email,
      phone: o.contact.phone,
      compose: (t) =>
        messages.requestReceived(t, {
          network: network.name,
          code: row.code,
          link: `/n/${network.slug}/r/${row.code}?k=${o.statusToken}`,
        }),
    });
  }
  if (row.urgency !== 'critical' && row.urgency !== 'high') return;
  for (const personId of await memberIdsWithRole(trx, network.id, ['coordinator', 'admin'])) {
    await notifyPerson(trx, deps, {
      personId,
      networkId: network.id,
      kind: 'request.urgent',
      key: `request.urgent:${row.id}:${personId}`,
      urgent: row.urgency === 'critical',
      compose: (t) =>
        messages.urgentRequest(t, {
          code: row.code,
          category: row.category,
          urgency: row.urgency,
          area: o.areaName,
          link: `/n/${network.slug}/requests/${row.id}`,
        }),
    });
  }
}

export function event(
  requestId: string,
  actorId: string | null,
  kind: string,
  e: {
    createdAt: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    channel?: string | null;
    outcome?: string | null;
    followUp?: boolean;
    bodySealed?: string | null;
    id?: string;
  },
): NewRequestEvent {
  return {
    id: e.id ?? newId(),
    requestId,
    actorId,
    kind,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    channel: e.channel ?? null,
    outcome: e.outcome ?? null,
    followUp: e.followUp ?? false,
    bodySealed: e.bodySealed ?? null,
    createdAt: e.createdAt,
  };
}
