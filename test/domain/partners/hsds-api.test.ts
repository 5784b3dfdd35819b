import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_PER_PAGE,
  MAX_PER_PAGE,
  parseServicesQuery,
  type ServicesQuery,
  servicesNdjson,
  servicesPage,
} from '../../../src/domain/partners/hsds-api.ts';
import { emptyDirectory } from '../../../src/domain/partners/hsds-model.ts';
import {
  CLINIC,
  ELM_PANTRY,
  FOOD_TERM,
  fixture,
  id,
  RIVER_PANTRY,
  service,
} from './directory-fixture.ts';
import { openapi, pageErrors, schemaErrors } from './hsds-schema.ts';

const query = (raw: Record<string, string> = {}): ServicesQuery => {
  const q = parseServicesQuery(raw);
  assert.ok(q.ok, JSON.stringify(q));
  return q.query;
};

describe('the /services parameters are the ones the HSDS OpenAPI names', () => {
  it('every parameter of getPaginatedListOfServices is read', () => {
    const op = openapi.paths['/services'].get;
    const names = op.parameters.map((p: { $ref: string }) => {
      const key = p.$ref.split('/').pop();
      return openapi.components.parameters[key!].name;
    });
    assert.deepEqual(names.sort(), [
      'format',
      'full',
      'minimal',
      'modified_after',
      'organization_id',
      'page',
      'per_page',
      'search',
      'taxonomy_id',
      'taxonomy_term_id',
    ]);
    const q = query(Object.fromEntries(names.map((n: string) => [n, ''])));
    assert.equal(q.page, 1);
    assert.equal(q.perPage, DEFAULT_PER_PAGE);
  });

  it('the page validates against the OpenAPI Page schema (JSON Schema 2020-12), which can fail', () => {
    const page = servicesPage(fixture(), query());
    assert.deepEqual(pageErrors(page), []);
    assert.notDeepEqual(pageErrors({ ...page, total_items: '3' }), []);
    assert.notDeepEqual(pageErrors({ ...page, last_page: undefined }), []);
    assert.deepEqual(
      Object.keys(page).sort(),
      [...Object.keys(openapi.components.schemas.Page.properties), 'contents'].sort(),
    );
  });

  it('bad parameters each get a message key, never a 500', () => {
    const r = parseServicesQuery({
      page: '0',
      per_page: '5000',
      full: 'maybe',
      organization_id: 'elm',
      modified_after: 'yesterday',
      format: 'xml',
    });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => [e.param, e.key]),
      [
        ['page', 'partners.hsds.query.integer_range'],
        ['per_page', 'partners.hsds.query.integer_range'],
        ['format', 'partners.hsds.query.format'],
        ['modified_after', 'partners.hsds.query.datetime'],
        ['organization_id', 'partners.hsds.query.uuid'],
        ['full', 'partners.hsds.query.boolean'],
      ],
    );
    assert.deepEqual(r.errors[1]!.params, { param: 'per_page', min: 1, max: MAX_PER_PAGE });
  });
});

describe('listing services', () => {
  const big = () => {
    const d = fixture();
    for (let i = 0; i < 7; i++) d.service.push(service(id(100 + i), CLINIC, `Clinic ${i}`));
    return d;
  };

  it('pages by name, with the page flags right at the edges', () => {
    const d = big();
    const p1 = servicesPage(d, query({ per_page: '4' }));
    const p3 = servicesPage(d, query({ per_page: '4', page: '3' }));
    assert.deepEqual(
      [p1.total_items, p1.total_pages, p1.size, p1.first_page, p1.last_page, p1.empty],
      [10, 3, 4, true, false, false],
    );
    assert.deepEqual([p3.size, p3.first_page, p3.last_page], [2, false, true]);
    assert.deepEqual(
      p1.contents.map((s) => s.name),
      ['Clinic 0', 'Clinic 1', 'Clinic 2', 'Clinic 3'],
    );
    const past = servicesPage(d, query({ per_page: '4', page: '9' }));
    assert.deepEqual([past.size, past.empty, past.last_page], [0, true, true]);
    const none = servicesPage(emptyDirectory(), query());
    assert.deepEqual(
      [none.total_pages, none.empty, none.first_page, none.last_page],
      [0, true, true, true],
    );
  });

  it('search ignores case and accents, across service and organization names', () => {
    const d = fixture();
    d.service[1]!.description = 'Despensa de alimentos, café';
    assert.deepEqual(
      servicesPage(d, query({ search: 'CAFE' })).contents.map((s) => s.id),
      [RIVER_PANTRY],
    );
    assert.deepEqual(
      servicesPage(d, query({ search: 'elm food' })).contents.map((s) => s.id),
      [ELM_PANTRY],
    );
    assert.equal(servicesPage(d, query({ search: 'nothing here' })).total_items, 0);
  });

  it('filters by organization, taxonomy term, taxonomy and modification date', () => {
    const d = fixture();
    d.taxonomy_term[0]!.taxonomy_id = id(99);
    d.service[0]!.last_modified = '2026-02-01T00:00:00Z';
    d.service[1]!.last_modified = '2025-02-01T00:00:00Z';
    const ids = (raw: Record<string, string>) =>
      servicesPage(d, query(raw))
        .contents.map((s) => s.id)
        .sort();
    assert.deepEqual(ids({ organization_id: CLINIC }), [id(13)]);
    assert.deepEqual(ids({ taxonomy_term_id: FOOD_TERM }), [ELM_PANTRY, RIVER_PANTRY].sort());
    assert.deepEqual(ids({ taxonomy_id: id(99) }), [ELM_PANTRY, RIVER_PANTRY].sort());
    assert.deepEqual(ids({ modified_after: '2026-01-01' }), [ELM_PANTRY]);
  });

  it('list items, full items and minimal items; each validates (minimal is only ids)', () => {
    const d = fixture();
    const list = servicesPage(d, query()).contents;
    for (const item of list) assert.deepEqual(schemaErrors('service', item), []);
    assert.ok('organization' in list[0]! && !('schedules' in list[0]!));
    const full = servicesPage(d, query({ full: 'true' })).contents;
    for (const item of full) assert.deepEqual(schemaErrors('service', item), []);
    assert.ok(
      full.some((s) => Array.isArray(s.schedules) && (s.schedules as unknown[]).length > 0),
    );
    const minimal = servicesPage(d, query({ minimal: 'true' })).contents;
    assert.ok(
      minimal.every((s) => Object.keys(s).every((k) => k === 'id' || k === 'last_modified')),
    );
  });

  it('ndjson: every match, one per line, no paging', () => {
    const text = servicesNdjson(big(), query({ format: 'ndjson', per_page: '2' }));
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 10);
    assert.ok(lines.every((l) => typeof JSON.parse(l).id === 'string'));
  });
});
