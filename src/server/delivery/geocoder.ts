import type { Config } from '../../config.ts';
import type { LatLng } from '../../domain/geo/geo.ts';

/**
 * Addresses to points through the operator's geocoder (GEOCODER_URL), for a request typed with
 * an address and no place on the map. Two APIs are understood: Nominatim's `/search` (an array
 * of places with `lat` and `lon` as strings) and Pelias' `/v1/search` (GeoJSON features). Only
 * the address goes out, never a name or a contact; the caller keeps only the 500 m cell.
 * A geocoder that is slow, down or unsure is not an error: the request is filed without a
 * point, as it would be with no geocoder at all.
 */
export async function geocodeAddress(
  config: Pick<Config, 'geocoderUrl' | 'baseUrl'>,
  address: string,
  { countryCode, timeoutMs = 3000 }: { countryCode?: string | null; timeoutMs?: number } = {},
): Promise<LatLng | null> {
  if (!config.geocoderUrl) return null;
  const q = address.trim().slice(0, 300);
  if (q.length < 3) return null;
  const pelias = /\/v1\/?$/.test(config.geocoderUrl);
  const params = new URLSearchParams(
    pelias ? { text: q, size: '1' } : { q, format: 'jsonv2', limit: '1', addressdetails: '0' },
  );
  if (countryCode && /^[A-Za-z]{2}$/.test(countryCode))
    params.set(pelias ? 'boundary.country' : 'countrycodes', countryCode.toLowerCase());
  const url = `${config.geocoderUrl}/search?${params}`;
  try {
    const res = await fetch(url, {
      headers: { 'User-Agent': `Mutua (${config.baseUrl})`, Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!res.ok) return null;
    const text = await res.text();
    if (text.length > 1_000_000) return null;
    return pointOf(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The first place of either answer's shape, if its numbers are a real point. */
function pointOf(body: unknown): LatLng | null {
  let lat: unknown;
  let lng: unknown;
  if (Array.isArray(body)) {
    const first = body[0] as { lat?: unknown; lon?: unknown } | undefined;
    lat = first?.lat;
    lng = first?.lon;
  } else if (body && typeof body === 'object') {
    const f = (body as { features?: { geometry?: { coordinates?: unknown[] } }[] }).features?.[0];
    [lng, lat] = f?.geometry?.coordinates ?? [];
  }
  const la = typeof lat === 'string' ? Number(lat) : lat;
  const ln = typeof lng === 'string' ? Number(lng) : lng;
  if (typeof la !== 'number' || typeof ln !== 'number') return null;
  if (!Number.isFinite(la) || !Number.isFinite(ln) || Math.abs(la) > 90 || Math.abs(ln) > 180)
    return null;
  return { lat: la, lng: ln };
}
