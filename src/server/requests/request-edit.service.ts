/**
 * Editing a request after intake (issue 12): every field a coordinator took or the neighbour
 * typed. The request is refused if it changed since the form was opened (its `version`); the
 * old and new values go into the timeline as one sealed change record (personal values never
 * leave the privacy layer in clear), the audit entry names the fields and, for those that are
 * not personal, the old and new values; the blind indexes follow the phone, email and name.
 */
import { createHash } from 'node:crypto';
import { normaliseEmail, normalisePhone } from '../../domain/people/contact.ts';
import { URGENCIES, type Urgency } from '../../domain/requests/categories.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { blindIndex } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { revealRequest, sealNote, sealPrivate } from '../privacy/privacy-gate.ts';
import { findRequest } from './request.repository.ts';
import type { RequestPrivate, RequestSummary, SealedPrivate } from './request.types.ts';
import { insertEvent } from './request-event.repository.ts';
import { updateIntakeFields } from './request-intake.repository.ts';
import { event, intakeProblems } from './request-intake.service.ts';
import { writeSearchIndex } from './request-search.repository.ts';
import { searchEntries } from './request-search.ts';

/** The fields an edit may change, in the order the form and the timeline list them. */
export const EDIT_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'details',
  'accessibility',
  'category',
  'urgency',
  'householdSize',
  'areaId',
  'language',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];
/** Sealed at rest: their old and new values are only in the sealed change record. */
export const PERSONAL_EDIT_FIELDS: readonly EditField[] = [
  'name',
  'phone',
  'email',
  'address',
  'details',
  'accessibility',
];

export type EditValues = Record<EditField, string | null>;

/** One line of a change record: a field, what it was, what it became. */
export interface FieldChange {
  field: EditField;
  from: string | null;
  to: string | null;
}

export interface EditInput {
  category: string;
  urgency: Urgency;
  householdSize: number;
  areaId?: string | undefined;
  language: string;
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  details?: string | undefined;
  accessibility?: string | undefined;
}

function valuesOf(r: RequestSummary, p: RequestPrivate): EditValues {
  return {
    name: p.name,
    phone: p.phone,
    email: p.email,
    address: p.address,
    details: p.details,
    accessibility: p.accessibility,
    category: r.category,
    urgency: r.urgency,
    householdSize: String(r.householdSize),
    areaId: r.areaId,
    language: r.language,
  };
}

/** The request as the form shows it: a change to any field (sealed ones too) changes it. */
function versionOf(r: RequestSummary, sealed: SealedPrivate): string {
  const basis = JSON.stringify([
    r.category,
    r.urgency,
    r.householdSize,
    r.areaId,
    r.language,
    r.status,
    ...Object.values(sealed),
  ]);
  return createHash('sha256').update(basis).digest('base64url').slice(0, 32);
}

async function load(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  scope: NetworkScope,
  requestId: string,
) {
  authorize(scope, 'requests.triage');
  const found = await findRequest(deps.db, scope.network.id, requestId);
  if (!found) throw new AppError('NOT_FOUND');
  if (found.summary.redacted) throw new AppError('NOT_FOUND');
  const opened = await revealRequest(deps, {
    actor,
    scope,
    request: found.summary,
    sealed: found.sealed,
    purpose: 'edit',
  });
  return { summary: found.summary, values: valuesOf(found.summary, opened), sealed: found.sealed };
}

/** What the edit form shows: the values now (opened through the gate, audited) and the version. */
export async function requestForEdit(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, requestId }: { actor: Actor; scope: NetworkScope; requestId: string },
): Promise<{
  summary: RequestSummary;
  values: EditValues;
  version: string;
  areas: { id: string; name: string }[];
}> {
  const { summary, values, sealed } = await load(deps, actor, scope, requestId);
  const areas = (await listAreas(deps.db, scope.network.id)).map((a) => ({
    id: a.id,
    name: a.name,
  }));
  return { summary, values, version: versionOf(summary, sealed), areas };
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * Saves an edit. Refused with REQUEST_EDIT_CONFLICT when the request changed since `version`,
 * with VALIDATION_FAILED (each mistake at its field) when the input does not fit the network.
 * Returns the fields that changed (none: nothing written).
 */
export async function editRequest(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'openTasks'>,
  {
    actor,
    scope,
    requestId,
    version,
    input,
  }: {
    actor: Actor;
    scope: NetworkScope;
    requestId: string;
    version: string;
    input: EditInput;
  },
): Promise<EditField[]> {
  const { summary, values: before, sealed } = await load(deps, actor, scope, requestId);
  const areas = await listAreas(deps.db, scope.network.id);
  const fields = intakeProblems(scope.network, areas, input);
  if (!URGENCIES.includes(input.urgency)) fields.urgency = { key: 'field.choose' };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  if (version !== versionOf(summary, sealed)) throw new AppError('REQUEST_EDIT_CONFLICT');

  const phone = input.phone ? normalisePhone(input.phone) : null;
  const email = input.email ? normaliseEmail(input.email) : null;
  const after: EditValues = {
    name: input.name.trim(),
    phone,
    email,
    address: blank(input.address),
    details: blank(input.details),
    accessibility: blank(input.accessibility),
    category: input.category,
    urgency: input.urgency,
    householdSize: String(input.householdSize),
    areaId: input.areaId || null,
    language: input.language,
  };
  // An area is kept by name in the record: the timeline reads it as people know it.
  const areaName = (v: string | null) => (v ? (areas.find((a) => a.id === v)?.name ?? v) : null);
  const changes: FieldChange[] = EDIT_FIELDS.filter((f) => before[f] !== after[f]).map((f) =>
    f === 'areaId'
      ? { field: f, from: areaName(before[f]), to: areaName(after[f]) }
      : { field: f, from: before[f], to: after[f] },
  );
  if (changes.length === 0) return [];

  const now = isoNow(deps.clock);
  const personal = {
    name: after.name,
    phone: after.phone,
    email: after.email,
    address: after.address,
    details: after.details,
    accessibility: after.accessibility,
  };
  const eventId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await updateIntakeFields(
      trx,
      requestId,
      {
        category: input.category,
        urgency: input.urgency,
        householdSize: input.householdSize,
        areaId: after.areaId,
        language: input.language,
        sealed: sealPrivate(deps.config.keys, requestId, personal),
        index: {
          phone: phone ? blindIndex(deps.config.keys, 'phone', phone) : null,
          email: email ? blindIndex(deps.config.keys, 'email', email) : null,
        },
      },
      now,
    );
    if (changes.some((c) => c.field === 'name' || c.field === 'phone'))
      await writeSearchIndex(
        trx,
        { id: requestId, networkId: scope.network.id },
        searchEntries(deps.config.keys, { name: after.name, phone }),
      );
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'fields_edited', {
        id: eventId,
        createdAt: now,
        bodySealed: sealNote(deps.config.keys, eventId, JSON.stringify({ changes })),
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.fields_edited',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: {
        code: summary.code,
        fields: changes.map((c) => c.field).join(','),
        ...Object.fromEntries(
          changes
            .filter((c) => !PERSONAL_EDIT_FIELDS.includes(c.field))
            .map((c) => [c.field, `${c.from ?? ''} → ${c.to ?? ''}`]),
        ),
      },
    });
  });
  deps.openTasks.touch(scope.network.id, requestId);
  return changes.map((c) => c.field);
}

/** A change record as the timeline stored it (opened by the triage service), or null. */
export function readChanges(note: string | null): FieldChange[] | null {
  if (!note) return null;
  try {
    const parsed = JSON.parse(note) as { changes?: FieldChange[] };
    return Array.isArray(parsed.changes) ? parsed.changes : null;
  } catch {
    return null;
  }
}

/** 2,000 characters: a note between coordinators, not a document. */
export const INTERNAL_NOTE_MAX = 2000;

/**
 * A note coordinators leave each other on a request ("called her daughter, call back after 6"):
 * sealed at rest like the log's notes, shown only on the coordinators' request page (never on a
 * volunteer's task or the requester's status page); the audit entry says a note was left, not what.
 */
export async function addInternalNote(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    requestId,
    text,
  }: { actor: Actor; scope: NetworkScope; requestId: string; text: string },
): Promise<void> {
  authorize(scope, 'requests.triage');
  const body = text.trim();
  if (!body) throw new AppError('VALIDATION_FAILED', {}, { note: { key: 'field.required' } });
  if (body.length > INTERNAL_NOTE_MAX)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { note: { key: 'field.tooLong', params: { max: INTERNAL_NOTE_MAX } } },
    );
  const found = await findRequest(deps.db, scope.network.id, requestId);
  if (!found || found.summary.redacted) throw new AppError('NOT_FOUND');
  const now = isoNow(deps.clock);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertEvent(
      trx,
      event(requestId, scope.personId, 'internal_note', {
        id,
        bodySealed: sealNote(deps.config.keys, id, body),
        createdAt: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'request.internal_note',
      networkId: scope.network.id,
      subject: { type: 'request', id: requestId },
      details: { code: found.summary.code },
    });
  });
}
