/**
 * The emergency number a network shows a neighbour who says "right now: health or safety at
 * risk", before anything is sent: the network sets its own, and until it does, this default
 * for its country (ISO 3166-1 alpha-2). Where one number serves every emergency it is that
 * number; where police, ambulance and fire have their own, `main` is the ambulance's (a
 * mutual aid request at risk is most often about health) and the page shows the others too.
 *
 * Sources (checked 2025): Wikipedia, "List of emergency telephone numbers" and "112 (emergency
 * telephone number)"; the European Electronic Communications Code, Directive (EU) 2018/1972,
 * art. 109 (112 in every member state); national services' own pages for the split numbers
 * (e.g. Japan 110/119, Brazil 190/192/193, Chile 131/132/133). Numbers change (Türkiye moved
 * to 112 in 2021): a default, never a promise, and the settings page says so.
 *
 * The fallback is 112: GSM and 3GPP handsets treat 112 (and 911) as an emergency call on any
 * network, with or without a SIM, and route it to the local service (3GPP TS 22.101 §10).
 * Pure.
 */
export interface EmergencyNumbers {
  /** The one number to show first. */
  main: string;
  police?: string;
  ambulance?: string;
  fire?: string;
}

export const FALLBACK_EMERGENCY_NUMBER = '112';

const one = (main: string): EmergencyNumbers => ({ main });
const split = (police: string, ambulance: string, fire: string, main = ambulance) => ({
  main,
  police,
  ambulance,
  fire,
});

const ONE_NUMBER: Record<string, string> = {
  // 911: the North American Numbering Plan and most of Latin America, the Philippines, Jordan.
  ...Object.fromEntries(
    'US CA MX PR VI GU AS MP BS BZ CR PA SV HN DO EC UY PY VE PH JO'
      .split(' ')
      .map((c) => [c, '911']),
  ),
  // 112: every EU member state (Directive (EU) 2018/1972), the EEA, Switzerland, and others
  // that made it their single number.
  ...Object.fromEntries(
    (
      'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
      'IS NO LI CH MC AD ME MK RU UA MD GE KZ TR IN ID NG KW'
    )
      .split(' ')
      .map((c) => [c, '112']),
  ),
  // 999: the United Kingdom (112 works too) and places that took its number.
  ...Object.fromEntries('GB IM JE GG HK MO MY BD QA BH ZW KE UG'.split(' ').map((c) => [c, '999'])),
  AU: '000',
  NZ: '111',
  CO: '123',
};

const SPLIT: Record<string, EmergencyNumbers> = {
  AR: { main: '911', police: '911', ambulance: '107', fire: '100' },
  BR: split('190', '192', '193'),
  CL: split('133', '131', '132'),
  PE: split('105', '106', '116'),
  BO: split('110', '118', '119'),
  JM: split('119', '110', '110'),
  JP: split('110', '119', '119'),
  KR: split('112', '119', '119'),
  TW: split('110', '119', '119'),
  CN: split('110', '120', '119'),
  TH: split('191', '1669', '199'),
  VN: split('113', '115', '114'),
  NP: split('100', '102', '101'),
  LK: split('119', '1990', '110'),
  SG: split('999', '995', '995'),
  AE: split('999', '998', '997'),
  SA: split('999', '997', '998', '911'),
  IL: split('100', '101', '102'),
  LB: split('112', '140', '175'),
  EG: split('122', '123', '180'),
  MA: split('19', '15', '15'),
  DZ: split('17', '14', '14'),
  TN: split('197', '190', '198'),
  ZA: split('10111', '10177', '10177', '112'),
};

/** The default numbers for a country, and whether the country is one this table knows. */
export function emergencyNumbers(country: string | null | undefined): EmergencyNumbers & {
  known: boolean;
} {
  const c = (country ?? '').trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) {
    const s = SPLIT[c];
    if (s) return { ...s, known: true };
    const n = ONE_NUMBER[c];
    if (n) return { ...one(n), known: true };
  }
  return { main: FALLBACK_EMERGENCY_NUMBER, known: false };
}

/** The number a network shows by default: its country's main number, else 112. */
export function defaultEmergencyNumber(country: string | null | undefined): string {
  return emergencyNumbers(country).main;
}

/** The countries this table knows (for tests and for the settings page's hint). */
export function knownEmergencyCountries(): string[] {
  return [...new Set([...Object.keys(ONE_NUMBER), ...Object.keys(SPLIT)])].sort();
}

/**
 * A number as an admin types it in the network's settings ("1 1 2", "000", "10111"): 2 to 8
 * digits, spaces and hyphens ignored, or null. Emergency numbers are short codes, never a
 * full phone number with a country code.
 */
export function parseEmergencyNumber(raw: string): string | null {
  const s = raw.replace(/[\s-]/g, '');
  return /^\d{2,8}$/.test(s) ? s : null;
}
