/**
 * A partner: an HSDS organization the network works with, plus what only the network's
 * members may see (a coordinators' direct line, the intake worker's name, a location that
 * must not be published, a note: "ring before 10, use the back door") and how it takes
 * referrals. The public HSDS API, the public pages and any export leave the members-only
 * records out, and every service marked "do not list"; members see the first, nobody but
 * coordinators sees the second (with its reason, on the directory's own pages).
 */
import { FIELDS, type FieldSpec } from './hsds-fields.ts';
import { type Directory, emptyDirectory, type HsdsTable } from './hsds-model.ts';
import type { Verification } from './verification.ts';

/** The tables whose records a partner may mark members-only. */
export const MEMBERS_ONLY_TABLES = ['service', 'location', 'phone', 'contact'] as const;
export type MembersOnlyTable = (typeof MEMBERS_ONLY_TABLES)[number];

export const REFERRAL_CHANNELS = ['partner_account', 'signed_link', 'not_accepted'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];
export const MEMBERS_NOTE_MAX = 2000;

export interface PartnerProfile {
  organizationId: string;
  membersOnly: { [T in MembersOnlyTable]: string[] };
  membersNote: string | null;
  referrals: ReferralChannel;
}

export type Audience = 'public' | 'members';

/**
 * The directory as `audience` may see it. Members-only records (for the public) and
 * do-not-list services (for both) are taken out, and with them what exists only through
 * them: a phone of a hidden service stays if it is also its location's phone (with the
 * link to the hidden service emptied), and goes if the service was its only link.
 */
export function directoryFor(
  audience: Audience,
  dir: Directory,
  profiles: readonly PartnerProfile[],
  verifications: readonly Verification[],
): Directory {
  const hidden = new Map<HsdsTable, Set<string>>();
  const hide = (table: HsdsTable, id: string) => addTo(hidden, table, id);
  for (const v of verifications) if (v.doNotList) hide('service', v.serviceId);
  if (audience === 'public')
    for (const p of profiles)
      for (const t of MEMBERS_ONLY_TABLES) for (const id of p.membersOnly[t]) hide(t, id);
  return withoutRecords(dir, hidden);
}

/** `dir` less the `hidden` records and the records that hang only from them (to any depth). */
export function withoutRecords(dir: Directory, hidden: Map<HsdsTable, Set<string>>): Directory {
  const removed = new Map<HsdsTable, Set<string>>();
  for (const [t, ids] of hidden) removed.set(t, new Set(ids));
  const isRemoved = (t: HsdsTable, id: unknown) =>
    typeof id === 'string' && (removed.get(t)?.has(id) ?? false);
  const anyRemoved = (id: unknown) =>
    [...removed.values()].some((s) => typeof id === 'string' && s.has(id));
  let rows = cloneRows(dir);
  // Each pass removes the records whose every link went; a chain (service > contact > phone >
  // language) needs one pass per step, so this ends in at most as many passes as tables.
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of Object.keys(rows) as HsdsTable[]) {
      const spec = FIELDS[table] as Record<string, FieldSpec>;
      const links = Object.entries(spec).filter(
        ([, f]) => f.kind.type === 'ref' || f.kind.type === 'link',
      );
      const kept: Record<string, unknown>[] = [];
      for (const row of rows[table]) {
        if (isRemoved(table, row.id)) continue;
        const before = links.filter(([c]) => row[c] !== null).length;
        for (const [column, f] of links) {
          const gone =
            f.kind.type === 'ref' ? isRemoved(f.kind.table, row[column]) : anyRemoved(row[column]);
          if (gone) row[column] = null;
        }
        const after = links.filter(([c]) => row[c] !== null).length;
        // Hanging only from removed records: removed too. (A term or a taxonomy is kept:
        // `taxonomy_id` is a classification, not ownership.)
        if (before > 0 && after === 0 && table !== 'taxonomy_term') {
          addTo(removed, table, row.id as string);
          changed = true;
          continue;
        }
        kept.push(row);
      }
      rows = { ...rows, [table]: kept };
    }
  }
  return rows as unknown as Directory;
}

function addTo(map: Map<HsdsTable, Set<string>>, table: HsdsTable, id: string): void {
  const set = map.get(table);
  if (set) set.add(id);
  else map.set(table, new Set([id]));
}

function cloneRows(dir: Directory): Record<HsdsTable, Record<string, unknown>[]> {
  const out = emptyDirectory() as unknown as Record<HsdsTable, Record<string, unknown>[]>;
  for (const t of Object.keys(out) as HsdsTable[])
    out[t] = (dir[t] as unknown as Record<string, unknown>[]).map((r) => ({ ...r }));
  return out;
}

export type ProfileCheck =
  | { ok: true; profile: PartnerProfile }
  | { ok: false; field: string; key: string };

/** A profile as a coordinator edits it: members-only ids must be records of this organization. */
export function checkProfile(p: PartnerProfile, dir: Directory): ProfileCheck {
  const note = p.membersNote?.trim() || null;
  if (note && note.length > MEMBERS_NOTE_MAX)
    return { ok: false, field: 'membersNote', key: 'partners.profile.note_too_long' };
  const own = ownRecords(dir, p.organizationId);
  for (const t of MEMBERS_ONLY_TABLES)
    for (const id of p.membersOnly[t])
      if (!own[t].has(id))
        return { ok: false, field: `membersOnly.${t}`, key: 'partners.profile.not_own_record' };
  return { ok: true, profile: { ...p, membersNote: note } };
}

function ownRecords(dir: Directory, orgId: string): { [T in MembersOnlyTable]: Set<string> } {
  const services = new Set(dir.service.filter((s) => s.organization_id === orgId).map((s) => s.id));
  const sals = new Set(
    dir.service_at_location
      .filter((x) => x.service_id && services.has(x.service_id))
      .map((x) => x.id),
  );
  const locations = new Set(
    dir.location
      .filter(
        (l) =>
          l.organization_id === orgId ||
          dir.service_at_location.some((x) => sals.has(x.id) && x.location_id === l.id),
      )
      .map((l) => l.id),
  );
  const mine = (r: {
    organization_id?: string | null;
    service_id?: string | null;
    location_id?: string | null;
    service_at_location_id?: string | null;
  }) =>
    r.organization_id === orgId ||
    (r.service_id != null && services.has(r.service_id)) ||
    (r.location_id != null && locations.has(r.location_id)) ||
    (r.service_at_location_id != null && sals.has(r.service_at_location_id));
  const contacts = new Set(dir.contact.filter(mine).map((c) => c.id));
  const phones = new Set(
    dir.phone
      .filter((p) => mine(p) || (p.contact_id != null && contacts.has(p.contact_id)))
      .map((p) => p.id),
  );
  return { service: services, location: locations, phone: phones, contact: contacts };
}
