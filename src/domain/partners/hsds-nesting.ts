/**
 * How HSDS 3.0 nests records in its API JSON: which key of which object holds which table,
 * and which foreign key the nesting stands for. Import reads it to take the JSON apart;
 * export reads it to put the JSON together, so the two cannot disagree.
 */
import type { HsdsTable } from './hsds-model.ts';

export type Nested =
  /** An array of children, each pointing at the parent through `fk`. */
  | { key: string; table: HsdsTable; many: true; fk: string }
  /** One object that the parent points at through its own field `via`. */
  | { key: string; table: HsdsTable; many: false; via: string };

const attributes: Nested = { key: 'attributes', table: 'attribute', many: true, fk: 'link_id' };

export const NESTED: Record<HsdsTable, readonly Nested[]> = {
  service: [
    { key: 'organization', table: 'organization', many: false, via: 'organization_id' },
    { key: 'phones', table: 'phone', many: true, fk: 'service_id' },
    { key: 'schedules', table: 'schedule', many: true, fk: 'service_id' },
    { key: 'service_areas', table: 'service_area', many: true, fk: 'service_id' },
    { key: 'service_at_locations', table: 'service_at_location', many: true, fk: 'service_id' },
    { key: 'languages', table: 'language', many: true, fk: 'service_id' },
    { key: 'cost_options', table: 'cost_option', many: true, fk: 'service_id' },
    { key: 'required_documents', table: 'required_document', many: true, fk: 'service_id' },
    { key: 'contacts', table: 'contact', many: true, fk: 'service_id' },
    attributes,
  ],
  organization: [
    { key: 'contacts', table: 'contact', many: true, fk: 'organization_id' },
    { key: 'phones', table: 'phone', many: true, fk: 'organization_id' },
    { key: 'locations', table: 'location', many: true, fk: 'organization_id' },
    // Only in the organization endpoint (`/organizations/{id}?full_service=true`).
    { key: 'services', table: 'service', many: true, fk: 'organization_id' },
    attributes,
  ],
  location: [
    { key: 'languages', table: 'language', many: true, fk: 'location_id' },
    { key: 'addresses', table: 'address', many: true, fk: 'location_id' },
    { key: 'contacts', table: 'contact', many: true, fk: 'location_id' },
    { key: 'accessibility', table: 'accessibility', many: true, fk: 'location_id' },
    { key: 'phones', table: 'phone', many: true, fk: 'location_id' },
    { key: 'schedules', table: 'schedule', many: true, fk: 'location_id' },
    attributes,
  ],
  service_at_location: [
    { key: 'service', table: 'service', many: false, via: 'service_id' },
    { key: 'location', table: 'location', many: false, via: 'location_id' },
    { key: 'contacts', table: 'contact', many: true, fk: 'service_at_location_id' },
    { key: 'phones', table: 'phone', many: true, fk: 'service_at_location_id' },
    { key: 'schedules', table: 'schedule', many: true, fk: 'service_at_location_id' },
    attributes,
  ],
  contact: [{ key: 'phones', table: 'phone', many: true, fk: 'contact_id' }, attributes],
  phone: [{ key: 'languages', table: 'language', many: true, fk: 'phone_id' }, attributes],
  attribute: [
    { key: 'taxonomy_term', table: 'taxonomy_term', many: false, via: 'taxonomy_term_id' },
  ],
  taxonomy_term: [{ key: 'taxonomy_detail', table: 'taxonomy', many: false, via: 'taxonomy_id' }],
  address: [attributes],
  schedule: [attributes],
  language: [attributes],
  service_area: [attributes],
  cost_option: [attributes],
  required_document: [attributes],
  accessibility: [attributes],
  taxonomy: [],
};

/** Nested keys of tables Mutua does not keep, and the HSDS table each holds. */
export const NOT_KEPT_NESTED: Record<string, string> = {
  funding: 'funding',
  program: 'program',
  programs: 'program',
  organization_identifiers: 'organization_identifier',
  metadata: 'metadata',
};
