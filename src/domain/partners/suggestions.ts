/**
 * Partner services worth showing next to a new request: "the Elm St food bank serves this
 * area on Tuesdays". Pure: the request's category, area (and rounded point) and language,
 * the directory as members see it, the network's map from taxonomy terms to its categories
 * and from HSDS service areas to its own areas. Every reason and warning is a message key
 * with params; the score only orders them, it is never shown as a verdict.
 *
 * A service is suggested only when its terms map to the request's category, it is active
 * and listed, and it does not say it serves only other areas. Then, in this order of weight:
 * serving the request's area (40; an unknown area 10), speaking the request's language (25;
 * -10 and a warning when it lists languages and not this one), opening in the next days
 * (up to 15, sooner more), a fresh check (10; stale -10 with a warning), nearness (up to 10).
 */
import { distanceKm, type LatLng } from '../geo/geo.ts';
import type { Directory, RRuleWeekday, Service } from './hsds-model.ts';
import { openingsBetween, weeklyDays } from './schedule.ts';
import { type Verification, verificationStatus } from './verification.ts';

export interface SuggestionInput {
  category: string;
  areaId: string | null;
  /** The request's point as lists show it (rounded for privacy), if any. */
  point: LatLng | null;
  /** ISO 639 code of the language the person asked in. */
  language: string | null;
  /** The network's default language: everyone is taken to speak it. */
  defaultLanguage: string;
  /** Local day of the request, and how many days ahead an opening counts. */
  today: string;
  horizonDays?: number;
  staleAfterMonths?: number;
}

export interface NetworkMaps {
  /** Mutua category key → the taxonomy term ids that mean it (`groceries` → food pantry terms). */
  categoryTerms: Record<string, readonly string[]>;
  /** HSDS service_area id → the network's area ids it covers. */
  serviceAreaAreas: Record<string, readonly string[]>;
  areaNames: Record<string, string>;
}

export interface Message {
  key: string;
  params: Record<string, string | number | string[]>;
}

export interface Suggestion {
  serviceId: string;
  organizationId: string | null;
  score: number;
  headline: Message;
  reasons: Message[];
  warnings: Message[];
}

export const MAX_SUGGESTIONS = 5;
const DEFAULT_HORIZON_DAYS = 7;
/** Beyond this a service is "not near" and gains nothing from distance. */
const NEAR_KM = 10;

/** Languages compare by their primary subtag, in lower case: `es-MX` speaks `es`. */
function sameLanguage(a: string, b: string): boolean {
  const p = (s: string) => s.trim().toLowerCase().split(/[-_]/)[0];
  const [x, y] = [p(a), p(b)];
  // ISO 639-2 codes of the languages Mutua ships, so `spa` meets `es`.
  const three: Record<string, string> = {
    spa: 'es',
    eng: 'en',
    fra: 'fr',
    fre: 'fr',
    ara: 'ar',
    por: 'pt',
  };
  return (three[x!] ?? x) === (three[y!] ?? y);
}

export function suggestServices(
  dir: Directory,
  verifications: readonly Verification[],
  maps: NetworkMaps,
  input: SuggestionInput,
): Suggestion[] {
  const terms = new Set(maps.categoryTerms[input.category] ?? []);
  if (terms.size === 0) return [];
  const checks = new Map(verifications.map((v) => [v.serviceId, v]));
  const horizonEnd = addDaysLocal(input.today, (input.horizonDays ?? DEFAULT_HORIZON_DAYS) - 1);
  const out: Suggestion[] = [];
  for (const s of dir.service) {
    if (s.status !== 'active') continue;
    const check = checks.get(s.id);
    if (check?.doNotList) continue;
    const term = dir.attribute.find(
      (a) => a.link_id === s.id && a.taxonomy_term_id && terms.has(a.taxonomy_term_id),
    );
    if (!term) continue;
    const reasons: Message[] = [];
    const warnings: Message[] = [];
    let score = 0;
    const org = dir.organization.find((o) => o.id === s.organization_id) ?? null;
    const name = org ? `${org.name}: ${s.name}` : s.name;

    const areas = dir.service_area.filter((a) => a.service_id === s.id);
    const covered = new Set(areas.flatMap((a) => maps.serviceAreaAreas[a.id] ?? []));
    const mapped = areas.some((a) => (maps.serviceAreaAreas[a.id] ?? []).length > 0);
    let servesArea = false;
    if (input.areaId && covered.has(input.areaId)) {
      servesArea = true;
      score += 40;
    } else if (input.areaId && mapped) {
      continue; // it says where it serves, and this is not there
    } else {
      score += 10;
      warnings.push({ key: 'partners.suggest.area_unknown', params: {} });
    }

    if (input.language && !sameLanguage(input.language, input.defaultLanguage)) {
      const spoken = dir.language.filter((l) => l.service_id === s.id && l.code);
      if (spoken.some((l) => sameLanguage(l.code!, input.language!))) {
        score += 25;
        reasons.push({ key: 'partners.suggest.speaks', params: { language: input.language } });
      } else {
        score -= 10;
        warnings.push({
          key: 'partners.suggest.language_not_listed',
          params: { language: input.language },
        });
      }
    }

    const schedules = schedulesOf(dir, s);
    const next = openingsBetween(schedules, input.today, horizonEnd, 1)[0];
    if (next) {
      const daysAway = Math.round((Date.parse(next.date) - Date.parse(input.today)) / 86_400_000);
      score += Math.max(1, 15 - 2 * daysAway);
      reasons.push({
        key: 'partners.suggest.next_open',
        params: { date: next.date, opens: next.opensAt ?? '', closes: next.closesAt ?? '' },
      });
    }

    const status = verificationStatus(
      { assuredDate: check?.assuredDate ?? s.assured_date, doNotList: null },
      input.today,
      input.staleAfterMonths,
    );
    if (status.state === 'fresh' || status.state === 'due_soon') score += 10;
    else if (status.state === 'stale') {
      score -= 10;
      warnings.push({
        key: 'partners.suggest.stale',
        params: { assuredDate: check?.assuredDate ?? s.assured_date ?? '' },
      });
    } else warnings.push({ key: 'partners.suggest.unchecked', params: {} });

    if (input.point) {
      const km = nearestKm(dir, s, input.point);
      if (km !== null && km < NEAR_KM) {
        score += Math.round(NEAR_KM - km);
        reasons.push({ key: 'partners.suggest.near', params: { km: Math.round(km * 10) / 10 } });
      }
    }

    const days = weeklyDaysOf(schedules);
    const areaName = input.areaId ? (maps.areaNames[input.areaId] ?? '') : '';
    const headline: Message =
      servesArea && days.length
        ? { key: 'partners.suggest.serves_area_on_days', params: { name, area: areaName, days } }
        : servesArea
          ? { key: 'partners.suggest.serves_area', params: { name, area: areaName } }
          : { key: 'partners.suggest.offers_category', params: { name, category: input.category } };
    out.push({
      serviceId: s.id,
      organizationId: s.organization_id,
      score,
      headline,
      reasons,
      warnings,
    });
  }
  const nameOf = (id: string) => dir.service.find((s) => s.id === id)?.name ?? '';
  return out
    .sort(
      (a, b) =>
        b.score - a.score ||
        nameOf(a.serviceId).localeCompare(nameOf(b.serviceId)) ||
        a.serviceId.localeCompare(b.serviceId),
    )
    .slice(0, MAX_SUGGESTIONS);
}

function schedulesOf(dir: Directory, s: Service) {
  const sals = new Set(
    dir.service_at_location.filter((x) => x.service_id === s.id).map((x) => x.id),
  );
  return dir.schedule.filter(
    (x) =>
      x.service_id === s.id || (x.service_at_location_id && sals.has(x.service_at_location_id)),
  );
}

function weeklyDaysOf(schedules: ReturnType<typeof schedulesOf>): RRuleWeekday[] {
  const order = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const days = new Set(schedules.flatMap((x) => weeklyDays(x) ?? []));
  return [...days].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function nearestKm(dir: Directory, s: Service, point: LatLng): number | null {
  const locationIds = new Set(
    dir.service_at_location.filter((x) => x.service_id === s.id).map((x) => x.location_id),
  );
  let best: number | null = null;
  for (const l of dir.location) {
    if (!locationIds.has(l.id) || l.latitude === null || l.longitude === null) continue;
    const km = distanceKm(point, { lat: l.latitude, lng: l.longitude });
    if (best === null || km < best) best = km;
  }
  return best;
}

function addDaysLocal(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
