/** A small directory built in code for the rule tests: two food banks and a clinic. */
import {
  type Directory,
  emptyDirectory,
  type Schedule,
  type Service,
} from '../../../src/domain/partners/hsds-model.ts';
import type { Verification } from '../../../src/domain/partners/verification.ts';

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ELM = id(1);
export const RIVER = id(2);
export const CLINIC = id(3);
export const ELM_PANTRY = id(11);
export const RIVER_PANTRY = id(12);
export const CLINIC_CARE = id(13);
export const FOOD_TERM = id(21);
export const HEALTH_TERM = id(22);
export const NORTH = 'area-north';
export const SOUTH = 'area-south';

export function service(
  sid: string,
  org: string,
  name: string,
  extra: Partial<Service> = {},
): Service {
  return {
    id: sid,
    organization_id: org,
    name,
    alternate_name: null,
    description: null,
    url: null,
    email: null,
    status: 'active',
    interpretation_services: null,
    application_process: null,
    fees_description: null,
    wait_time: null,
    fees: null,
    accreditations: null,
    eligibility_description: null,
    minimum_age: null,
    maximum_age: null,
    assured_date: null,
    assurer_email: null,
    licenses: null,
    alert: null,
    last_modified: null,
    ...extra,
  };
}

export function schedule(sid: string, serviceId: string, extra: Partial<Schedule>): Schedule {
  return {
    id: sid,
    service_id: serviceId,
    location_id: null,
    service_at_location_id: null,
    valid_from: null,
    valid_to: null,
    dtstart: null,
    timezone: null,
    until: null,
    count: null,
    wkst: null,
    freq: null,
    interval: null,
    byday: null,
    byweekno: null,
    bymonthday: null,
    byyearday: null,
    description: null,
    opens_at: null,
    closes_at: null,
    schedule_link: null,
    attending_type: null,
    notes: null,
    ...extra,
  };
}

export function fixture(): Directory {
  const d = emptyDirectory();
  const org = (oid: string, name: string) => ({
    id: oid,
    name,
    alternate_name: null,
    description: `${name} description`,
    email: null,
    website: null,
    tax_status: null,
    tax_id: null,
    year_incorporated: null,
    legal_status: null,
    logo: null,
    uri: null,
    parent_organization_id: null,
  });
  d.organization.push(
    org(ELM, 'Elm St Food Bank'),
    org(RIVER, 'River Pantry'),
    org(CLINIC, 'Free Clinic'),
  );
  d.service.push(
    service(ELM_PANTRY, ELM, 'Elm pantry', { assured_date: '2026-01-10' }),
    service(RIVER_PANTRY, RIVER, 'River pantry', { assured_date: '2025-01-10' }),
    service(CLINIC_CARE, CLINIC, 'Walk-in care', { assured_date: '2026-01-10' }),
  );
  const area = (aid: number, sid: string, name: string) => ({
    id: id(aid),
    service_id: sid,
    name,
    description: null,
    extent: null,
    extent_type: null,
    uri: null,
  });
  d.service_area.push(area(31, ELM_PANTRY, 'North side'), area(32, RIVER_PANTRY, 'South side'));
  const attr = (aid: number, link: string, term: string) => ({
    id: id(aid),
    link_id: link,
    taxonomy_term_id: term,
    link_type: null,
    link_entity: 'service',
    value: null,
  });
  d.attribute.push(
    attr(41, ELM_PANTRY, FOOD_TERM),
    attr(42, RIVER_PANTRY, FOOD_TERM),
    attr(43, CLINIC_CARE, HEALTH_TERM),
  );
  const term = (tid: string, name: string) => ({
    id: tid,
    code: null,
    name,
    description: name,
    parent_id: null,
    taxonomy: null,
    language: null,
    taxonomy_id: null,
    term_uri: null,
  });
  d.taxonomy_term.push(term(FOOD_TERM, 'Food pantry'), term(HEALTH_TERM, 'Health'));
  // Elm opens on Tuesdays; River on Mondays, Wednesdays and Fridays.
  d.schedule.push(
    schedule(id(51), ELM_PANTRY, {
      freq: 'WEEKLY',
      byday: 'TU',
      opens_at: '10:00:00',
      closes_at: '14:00:00',
    }),
    schedule(id(52), RIVER_PANTRY, { byday: 'MO,WE,FR', opens_at: '09:00', closes_at: '12:00' }),
  );
  d.language.push({
    id: id(61),
    service_id: RIVER_PANTRY,
    location_id: null,
    phone_id: null,
    name: 'Spanish',
    code: 'spa',
    note: null,
  });
  return d;
}

export function verification(serviceId: string, extra: Partial<Verification> = {}): Verification {
  return { serviceId, assuredDate: null, checkedBy: null, method: null, doNotList: null, ...extra };
}
