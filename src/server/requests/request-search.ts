import { phoneSearchKey } from '../../domain/people/contact.ts';
import { nameTokens } from '../../domain/search/name-tokens.ts';
import { isEmptySearch, readSearch } from '../../domain/search/query.ts';
import { blindIndex, type KeyRing } from '../../shared/crypto.ts';
import type { SearchIndexEntry } from './request-search.repository.ts';

/**
 * How a request is found by its name and phone without either being stored in clear: the
 * tokens of domain/search are hashed with the index key (kinds `request-name` and
 * `request-phone-search`, see docs/adr/DRAFT-workbench.md). The migration
 * 2026_12_02_0100_queue_workbench indexed the requests taken before it with the same kinds.
 */
export function searchEntries(
  keys: KeyRing,
  p: { name: string | null | undefined; phone: string | null | undefined },
): SearchIndexEntry[] {
  const out: SearchIndexEntry[] = (p.name ? nameTokens(p.name) : []).map((t) => ({
    kind: 'name',
    token: blindIndex(keys, 'request-name', t),
  }));
  const phone = p.phone ? phoneSearchKey(p.phone) : null;
  if (phone) out.push({ kind: 'phone', token: blindIndex(keys, 'request-phone-search', phone) });
  return out;
}

/** A search box's text as the HMACs and code the queue's repository looks up. */
export interface HashedSearch {
  code: string | null;
  emailIndex: string | null;
  phoneToken: string | null;
  nameTokens: string[];
}

export function hashSearch(keys: KeyRing, text: string): HashedSearch | null {
  const r = readSearch(text);
  if (isEmptySearch(r)) return null;
  return {
    code: r.code,
    emailIndex: r.email ? blindIndex(keys, 'email', r.email) : null,
    phoneToken: r.phoneKey ? blindIndex(keys, 'request-phone-search', r.phoneKey) : null,
    nameTokens: r.nameTokens.map((t) => blindIndex(keys, 'request-name', t)),
  };
}
