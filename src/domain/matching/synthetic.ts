/**
 * Seeded synthetic cities for tests and benchmarks: the same seed always gives the same city.
 * Pure (no clock, no Math.random).
 */
import type { LatLng } from '../geo/geo.ts';
import { DEFAULT_CATEGORIES, URGENCIES, type Urgency } from '../requests/categories.ts';
import { ALL_WEEK } from '../time/weekly-slots.ts';
import type { MatchRequest, MatchVolunteer } from './types.ts';

/** mulberry32: a small, fast, seeded PRNG; numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CityOptions {
  requests: number;
  volunteers: number;
  /** Side of the square city, km (100). */
  sizeKm?: number;
  /** Volunteers' capacity, inclusive range ([1, 3]). */
  capacity?: [number, number];
  /** Chance that a volunteer already holds open tasks (0.3). */
  busy?: number;
  /** Volunteers' travel radius, km ([2, 8]). */
  radiusKm?: [number, number];
  /** Share of requests placed around the towns, like volunteers (0.5); the rest anywhere. */
  requestsInTowns?: number;
  /** Weekly hour caps ([8, 20]); tasks take 1 to 3 hours (half of them 1). */
  hourCap?: [number, number];
}

const CENTRE: LatLng = { lat: 40.4, lng: -3.7 };
const KM_PER_DEG = 111.195;
const LANGS = ['es', 'en', 'ar', 'ro', 'uk', 'fr', 'ti', 'zh'] as const;
const LANG_SHARE = [0.62, 0.14, 0.08, 0.05, 0.04, 0.03, 0.02, 0.02];

export function syntheticCity(seed: number, o: CityOptions) {
  const rnd = mulberry32(seed);
  const size = o.sizeKm ?? 100;
  const [capLo, capHi] = o.capacity ?? [1, 3];
  const [radLo, radHi] = o.radiusKm ?? [2, 8];
  const [capHLo, capHHi] = o.hourCap ?? [8, 20];
  const busy = o.busy ?? 0.3;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[], shares?: readonly number[]): T => {
    if (!shares) return xs[Math.floor(rnd() * xs.length)]!;
    let x = rnd();
    for (let k = 0; k < xs.length; k++) {
      x -= shares[k]!;
      if (x < 0) return xs[k]!;
    }
    return xs[xs.length - 1]!;
  };
  // Towns: half the people live around a few centres, the rest anywhere.
  const towns = Array.from({ length: 6 }, () => ({
    x: rnd() * size,
    y: rnd() * size,
    s: 3 + rnd() * 6,
  }));
  const place = (inTowns = 0.5): LatLng => {
    let x: number;
    let y: number;
    if (rnd() < inTowns) {
      const t = pick(towns);
      const r = t.s * Math.sqrt(-2 * Math.log(1 - rnd()));
      const a = 2 * Math.PI * rnd();
      x = Math.min(size, Math.max(0, t.x + r * Math.cos(a)));
      y = Math.min(size, Math.max(0, t.y + r * Math.sin(a)));
    } else {
      x = rnd() * size;
      y = rnd() * size;
    }
    const lat = CENTRE.lat + (y - size / 2) / KM_PER_DEG;
    const lng = CENTRE.lng + (x - size / 2) / (KM_PER_DEG * Math.cos((lat * Math.PI) / 180));
    return { lat, lng };
  };
  const someSlots = (lo: number, hi: number) => {
    let mask = 0;
    for (let k = int(lo, hi); k > 0; k--) mask |= 1 << int(0, 20);
    return mask;
  };

  const volunteers: MatchVolunteer[] = [];
  for (let j = 0; j < o.volunteers; j++) {
    const capacity = int(capLo, capHi);
    const weeklyHourCap = int(capHLo, capHHi);
    const langs = new Set<string>([pick(LANGS, LANG_SHARE)]);
    if (rnd() < 0.4) langs.add(rnd() < 0.7 ? 'en' : pick(LANGS));
    if (rnd() < 0.8) langs.add('es');
    const cats = new Set<string>();
    for (let k = int(1, 4); k > 0; k--) cats.add(pick(DEFAULT_CATEGORIES));
    volunteers.push({
      id: `v${j}`,
      home: place(),
      radiusKm: radLo + rnd() * (radHi - radLo),
      categories: [...cats],
      languages: [...langs],
      hasCar: rnd() < 0.4,
      slots: rnd() < 0.15 ? ALL_WEEK : someSlots(4, 12),
      capacity,
      openTasks: rnd() < busy ? int(0, capacity - 1) : 0,
      weeklyHourCap,
      hoursThisWeek: rnd() < busy ? int(0, Math.floor(weeklyHourCap / 3)) : 0,
      onBreak: rnd() < 0.05,
    });
  }

  const urgencyShare = [0.3, 0.45, 0.18, 0.07];
  const catShare = [0.3, 0.15, 0.12, 0.1, 0.06, 0.05, 0.05, 0.1, 0.07];
  const requests: MatchRequest[] = [];
  const now = 1_750_000_000_000;
  for (let i = 0; i < o.requests; i++) {
    const category = pick(DEFAULT_CATEGORIES, catShare);
    const language = rnd() < 0.1 ? null : pick(LANGS, LANG_SHARE);
    requests.push({
      id: `r${i}`,
      location: place(o.requestsInTowns ?? 0.5),
      category,
      urgency: pick<Urgency>(URGENCIES, urgencyShare),
      language,
      languageRequired: language !== null && language !== 'es' && rnd() < 0.5,
      slots: rnd() < 0.4 ? ALL_WEEK : someSlots(3, 9),
      hours: pick([1, 2, 3], [0.5, 0.35, 0.15]),
      needsCar: category === 'ride' || rnd() < 0.08,
      createdAt: now - Math.floor(rnd() * 7 * 86_400_000),
    });
  }
  return { requests, volunteers };
}
