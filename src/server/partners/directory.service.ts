/**
 * The partner directory (issue 15, ADR 0023): import of HSDS 3.0 (API JSON or the CSV data
 * package), all or nothing with every problem named; the published directory behind the
 * public HSDS API (no members-only records, no "do not list" service); verification and the
 * review queue. The HSDS rules themselves live in domain/partners/.
 */
import {
  type ServicesPage,
  type ServicesQuery,
  servicesPage,
} from '../../domain/partners/hsds-api.ts';
import { importHsdsDataPackage } from '../../domain/partners/hsds-csv.ts';
import {
  apiMetaJson,
  DirectoryIndex,
  serviceFullJson,
} from '../../domain/partners/hsds-json-export.ts';
import { importHsdsJson } from '../../domain/partners/hsds-json-import.ts';
import type { Directory } from '../../domain/partners/hsds-model.ts';
import type { ImportProblem } from '../../domain/partners/hsds-records.ts';
import { directoryFor } from '../../domain/partners/partner.ts';
import {
  type CheckMethod,
  type DoNotListReason,
  markDoNotList,
  recordCheck,
  reviewQueue,
  type Verification,
  type VerificationStatus,
} from '../../domain/partners/verification.ts';
import { isTimeZone, utcToLocal } from '../../domain/time/zoned-time.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import type { Network } from '../core/network.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import {
  listVerifications,
  loadDirectory,
  saveVerification,
  staleAfterMonths,
  upsertDirectory,
} from './directory.repository.ts';

export type ImportInput =
  | { format: 'json'; source: string; text: string }
  | { format: 'csv'; files: Record<string, string> };

export type ImportOutcome =
  | { ok: true; counts: Record<string, number>; warnings: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

function today(deps: Pick<Deps, 'clock'>, network: Network): string {
  const tz = isTimeZone(network.timeZone) ? network.timeZone : 'UTC';
  return utcToLocal(deps.clock.now(), tz).date;
}

/**
 * Imports a directory: if any record has an error nothing is written and every problem comes
 * back (file, place, field); else every record is written (same id: replaced) in one
 * transaction, with the file's `assured_date` as the service's check by import, audited.
 */
export async function importDirectory(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: ImportInput },
): Promise<ImportOutcome> {
  authorize(scope, 'partners.manage');
  const r =
    input.format === 'json'
      ? importHsdsJson(input.text, { source: input.source })
      : importHsdsDataPackage(input.files);
  const errors = r.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: r.problems };
  const dir = r.directory;
  const n = scope.network;
  const at = isoNow(deps.clock);
  const counts = Object.fromEntries(
    Object.entries(dir)
      .filter(([, rows]) => rows.length > 0)
      .map(([t, rows]) => [t, rows.length]),
  );
  await deps.db.transaction().execute(async (trx) => {
    await upsertDirectory(trx, n.id, dir, at);
    const known = new Map((await listVerifications(trx, n.id)).map((v) => [v.serviceId, v]));
    for (const s of dir.service) {
      const before = known.get(s.id) ?? blank(s.id);
      if (!s.assured_date || (before.assuredDate && before.assuredDate >= s.assured_date)) {
        if (!known.has(s.id)) await saveVerification(trx, n.id, before, at);
        continue;
      }
      await saveVerification(
        trx,
        n.id,
        { ...before, assuredDate: s.assured_date, checkedBy: null, method: 'import' },
        at,
      );
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'partners.imported',
      networkId: n.id,
      details: { format: input.format, ...counts },
    });
  });
  return { ok: true, counts, warnings: r.problems };
}

function blank(serviceId: string): Verification {
  return { serviceId, assuredDate: null, checkedBy: null, method: null, doNotList: null };
}

/** The directory as published: HSDS `assured_date` from the verifications, nothing unlisted. */
async function publishedDirectory(
  deps: Pick<Deps, 'db'>,
  network: Network,
  audience: 'public' | 'members',
): Promise<Directory> {
  const [dir, verifications] = await Promise.all([
    loadDirectory(deps.db, network.id),
    listVerifications(deps.db, network.id),
  ]);
  const byService = new Map(verifications.map((v) => [v.serviceId, v]));
  const withDates: Directory = {
    ...dir,
    service: dir.service.map((s) => ({
      ...s,
      assured_date: byService.get(s.id)?.assuredDate ?? s.assured_date,
    })),
  };
  return directoryFor(audience, withDates, [], verifications);
}

/** `GET /n/:slug/hsds/`: what the API is and where its description lives. */
export function hsdsMeta(openapiUrl: string): Record<string, unknown> {
  return apiMetaJson({ openapiUrl });
}

/** `GET /n/:slug/hsds/services`: a page of the published services (anyone may read it). */
export async function publicServices(
  deps: Pick<Deps, 'db'>,
  network: Network,
  query: ServicesQuery,
): Promise<ServicesPage> {
  return servicesPage(await publishedDirectory(deps, network, 'public'), query);
}

/** `GET /n/:slug/hsds/services/:id`: one published service fully nested, or null. */
export async function publicService(
  deps: Pick<Deps, 'db'>,
  network: Network,
  id: string,
): Promise<Record<string, unknown> | null> {
  const dir = await publishedDirectory(deps, network, 'public');
  return serviceFullJson(new DirectoryIndex(dir), id);
}

export interface ReviewItem {
  serviceId: string;
  name: string;
  organization: string | null;
  status: VerificationStatus;
}

/** The services nobody has vouched for lately, most urgent first (coordinators). */
export async function partnerReviewQueue(
  deps: Pick<Deps, 'db' | 'clock'>,
  scope: NetworkScope,
): Promise<ReviewItem[]> {
  authorize(scope, 'partners.manage');
  const n = scope.network;
  const [dir, verifications, months] = await Promise.all([
    loadDirectory(deps.db, n.id),
    listVerifications(deps.db, n.id),
    staleAfterMonths(deps.db, n.id),
  ]);
  const orgs = new Map(dir.organization.map((o) => [o.id, o.name]));
  const services = new Map(dir.service.map((s) => [s.id, s]));
  return reviewQueue(verifications, today(deps, n), months).flatMap((q) => {
    const s = services.get(q.serviceId);
    if (!s) return [];
    const organization = s.organization_id ? (orgs.get(s.organization_id) ?? null) : null;
    return [{ serviceId: q.serviceId, name: s.name, organization, status: q.status }];
  });
}

async function verificationFor(
  deps: Pick<Deps, 'db'>,
  networkId: string,
  serviceId: string,
): Promise<Verification> {
  const dir = await loadDirectory(deps.db, networkId);
  if (!dir.service.some((s) => s.id === serviceId))
    throw new AppError('NOT_FOUND', { what: 'service' });
  const v = (await listVerifications(deps.db, networkId)).find((x) => x.serviceId === serviceId);
  return v ?? blank(serviceId);
}

/** A coordinator checked a service (today): it leaves the review queue until it is stale again. */
export async function checkService(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    serviceId,
    method,
  }: {
    actor: Actor;
    scope: NetworkScope;
    serviceId: string;
    method: CheckMethod;
  },
): Promise<{ ok: true } | { ok: false; code: string }> {
  authorize(scope, 'partners.manage');
  const by = requirePerson(actor);
  const n = scope.network;
  const day = today(deps, n);
  const v = await verificationFor(deps, n.id, serviceId);
  const r = recordCheck(v, { by, method, on: day, today: day });
  if (!r.ok) return { ok: false, code: r.code };
  await deps.db.transaction().execute(async (trx) => {
    await saveVerification(trx, n.id, r.verification, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'partners.service_checked',
      networkId: n.id,
      subject: { type: 'hsds_service', id: serviceId },
      details: { method },
    });
  });
  return { ok: true };
}

/** Takes a service off every list (public API, suggestions) with a reason; its record stays. */
export async function doNotListService(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    serviceId,
    reason,
    note,
  }: {
    actor: Actor;
    scope: NetworkScope;
    serviceId: string;
    reason: DoNotListReason;
    note: string | null;
  },
): Promise<{ ok: true } | { ok: false; code: string }> {
  authorize(scope, 'partners.manage');
  const by = requirePerson(actor);
  const n = scope.network;
  const v = await verificationFor(deps, n.id, serviceId);
  const r = markDoNotList(v, { reason, note, by, on: today(deps, n) });
  if (!r.ok) return { ok: false, code: r.code };
  await deps.db.transaction().execute(async (trx) => {
    await saveVerification(trx, n.id, r.verification, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'partners.service_not_listed',
      networkId: n.id,
      subject: { type: 'hsds_service', id: serviceId },
      details: { reason },
    });
  });
  return { ok: true };
}
