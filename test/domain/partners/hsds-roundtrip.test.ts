import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseServicesQuery, servicesPage } from '../../../src/domain/partners/hsds-api.ts';
import {
  exportHsdsDataPackage,
  importHsdsDataPackage,
} from '../../../src/domain/partners/hsds-csv.ts';
import {
  apiMetaJson,
  DirectoryIndex,
  flatJson,
  organizationFullJson,
  serviceFullJson,
} from '../../../src/domain/partners/hsds-json-export.ts';
import { importHsdsJson } from '../../../src/domain/partners/hsds-json-import.ts';
import {
  canonicalDirectory,
  type Directory,
  emptyDirectory,
} from '../../../src/domain/partners/hsds-model.ts';
import { example, exampleFiles, FIXTURES, schemaErrors } from './hsds-schema.ts';

const count = (d: Directory) =>
  Object.values(d).reduce((n: number, rows: unknown[]) => n + rows.length, 0);
const errorsOf = (problems: { severity: string }[]) =>
  problems.filter((p) => p.severity === 'error');

const JSON_EXAMPLES = readdirSync(new URL('examples/', FIXTURES)).filter((f) =>
  f.endsWith('.json'),
);

describe('every official HSDS 3.0 example imports', () => {
  it('finds all 13 JSON examples', () => assert.equal(JSON_EXAMPLES.length, 13));

  for (const file of JSON_EXAMPLES) {
    it(file, () => {
      const r = importHsdsJson(example(file), { source: file });
      assert.notEqual(r.kind, null);
      assert.deepEqual(errorsOf(r.problems), [], `${file} imports without errors`);
      if (file === 'base.json') assert.equal(r.version, '3.0');
      else assert.ok(count(r.directory) > 0, `${file} brings records`);
    });
  }

  it('the CSV data package, although its datapackage.json is a link file, not JSON', () => {
    const r = importHsdsDataPackage(exampleFiles('csv'));
    assert.deepEqual(errorsOf(r.problems), []);
    assert.equal(r.problems[0]!.key, 'partners.hsds.problem.datapackage_unreadable');
    for (const rows of Object.values(r.directory)) assert.equal(rows.length, 1);
  });

  it('the full service becomes flat records joined by id, each copy merged once', () => {
    const { directory: d } = importHsdsJson(example('service_full.json'), { source: 'x' });
    const [service] = d.service;
    assert.equal(service!.organization_id, d.organization[0]!.id);
    // The same phone sits under the service, its location, its contact, its organization and
    // its service_at_location: one record, carrying every link.
    assert.equal(d.phone.length, 1);
    const phone = d.phone[0]!;
    assert.equal(phone.service_id, service!.id);
    assert.equal(phone.service_at_location_id, d.service_at_location[0]!.id);
    assert.equal(phone.location_id, d.location[0]!.id);
    assert.equal(phone.contact_id, d.contact[0]!.id);
    assert.equal(phone.organization_id, d.organization[0]!.id);
    assert.equal(d.attribute[0]!.link_id, service!.id);
    assert.equal(d.attribute[0]!.taxonomy_term_id, d.taxonomy_term[0]!.id);
    assert.equal(d.taxonomy_term[0]!.taxonomy_id, d.taxonomy[0]!.id);
    assert.equal(d.schedule[0]!.byday, 'TH,FR');
    assert.equal(d.schedule[0]!.opens_at, '10:00:00');
  });

  it('names what it does not keep, per record, and the point that is not on Earth', () => {
    const r = importHsdsJson(example('service_full.json'), { source: 'service_full.json' });
    const notKept = r.problems.filter((p) => p.key === 'partners.hsds.problem.not_kept');
    assert.deepEqual(
      notKept.map((p) => p.origin.pointer).sort(),
      [
        '/funding',
        '/metadata',
        '/organization/funding',
        '/organization/organization_identifiers',
        '/organization/programs',
        '/program',
      ].sort(),
    );
    const dropped = r.problems.find((p) => p.key === 'partners.hsds.problem.coordinates_dropped');
    assert.deepEqual(dropped?.params, { latitude: '100', longitude: '101' });
    assert.equal(r.directory.location[0]!.latitude, null);
  });
});

describe('export validates against the official schemas', () => {
  for (const file of [
    'service_full.json',
    'organization_full.json',
    'service_at_location_full.json',
    'tabular.json',
  ]) {
    it(`every service imported from ${file}, fully nested`, () => {
      const { directory } = importHsdsJson(example(file), { source: file });
      const index = new DirectoryIndex(directory);
      assert.ok(directory.service.length > 0);
      for (const s of directory.service)
        assert.deepEqual(schemaErrors('service', serviceFullJson(index, s.id)), []);
    });
  }

  it('organization, list items, pages and the API meta', () => {
    const { directory } = importHsdsJson(example('organization_full.json'), { source: 'o' });
    const index = new DirectoryIndex(directory);
    const org = organizationFullJson(index, directory.organization[0]!.id);
    assert.deepEqual(schemaErrors('organization', org), []);
    const q = parseServicesQuery({});
    assert.ok(q.ok);
    const page = servicesPage(directory, q.query);
    for (const item of page.contents) assert.deepEqual(schemaErrors('service', item), []);
    const full = servicesPage(directory, { ...q.query, full: true });
    for (const item of full.contents) assert.deepEqual(schemaErrors('service', item), []);
    const meta = apiMetaJson({ openapiUrl: 'https://mutua.example/hsds/openapi.json' });
    assert.deepEqual(meta, {
      version: '3.0',
      openapi_url: 'https://mutua.example/hsds/openapi.json',
    });
  });

  it('a schema check that can fail: a missing status, a nested phone without its number', () => {
    assert.notDeepEqual(
      schemaErrors('service', { id: 'ac148810-d857-441c-9679-408f346de14b', name: 'x' }),
      [],
    );
    const { directory } = importHsdsJson(example('service_full.json'), { source: 's' });
    const full = serviceFullJson(new DirectoryIndex(directory), directory.service[0]!.id)!;
    const sal = (full.service_at_locations as Record<string, unknown>[])[0]!;
    const phone = (sal.phones as Record<string, unknown>[])[0]!;
    delete phone.number;
    assert.ok(schemaErrors('service', full).some((e) => e.includes('number')));
  });
});

describe('round trip: import, export, validate, import again, deep-equal', () => {
  for (const file of [
    'service_full.json',
    'organization_full.json',
    'service_at_location_full.json',
  ]) {
    it(`JSON: ${file}`, () => {
      const first = importHsdsJson(example(file), { source: file }).directory;
      const index = new DirectoryIndex(first);
      const exported =
        file === 'organization_full.json'
          ? organizationFullJson(index, first.organization[0]!.id)
          : serviceFullJson(index, first.service[0]!.id);
      const schema = file === 'organization_full.json' ? 'organization' : 'service';
      assert.deepEqual(schemaErrors(schema, exported), []);
      const again = importHsdsJson(JSON.stringify(exported), {
        source: 'export',
        kind: schema,
      });
      assert.deepEqual(errorsOf(again.problems), []);
      assert.deepEqual(canonicalDirectory(again.directory), canonicalDirectory(first));
    });
  }

  it('CSV data package: the example package, and the package Mutua writes', () => {
    const first = importHsdsDataPackage(exampleFiles('csv')).directory;
    const files = exportHsdsDataPackage(first, { name: 'mutua-test' });
    const again = importHsdsDataPackage(files);
    assert.deepEqual(again.problems, [], 'Mutua reads its own package without a remark');
    assert.deepEqual(canonicalDirectory(again.directory), canonicalDirectory(first));
  });

  it('every record of the package Mutua writes validates against its table’s schema', () => {
    const first = importHsdsDataPackage(exampleFiles('csv')).directory;
    const again = importHsdsDataPackage(exportHsdsDataPackage(first, { name: 'x' })).directory;
    let checked = 0;
    for (const table of Object.keys(again) as (keyof Directory)[])
      for (const row of again[table] as unknown as Record<string, unknown>[]) {
        assert.deepEqual(schemaErrors(table, flatJson(table, row)), [], `${table} ${row.id}`);
        checked++;
      }
    assert.equal(checked, 16);
  });

  it('the data package descriptor names every table, its fields, key and references', () => {
    const files = exportHsdsDataPackage(emptyDirectory(), { name: 'mutua-elm' });
    const d = JSON.parse(files['datapackage.json']!);
    assert.equal(d.profile, 'tabular-data-package');
    assert.equal(d.resources.length, 16);
    const phones = d.resources.find((r: { name: string }) => r.name === 'phone');
    assert.equal(phones.path, 'phones.csv');
    assert.equal(phones.schema.primaryKey, 'id');
    assert.ok(
      phones.schema.foreignKeys.some(
        (f: { fields: string; reference: { resource: string } }) =>
          f.fields === 'contact_id' && f.reference.resource === 'contact',
      ),
    );
    assert.equal(
      files['phones.csv'],
      'id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description\r\n',
    );
  });

  it('JSON to CSV and back: the tabular JSON example through the data package', () => {
    const first = importHsdsJson(example('tabular.json'), { source: 't' }).directory;
    const again = importHsdsDataPackage(exportHsdsDataPackage(first, { name: 'x' })).directory;
    assert.deepEqual(canonicalDirectory(again), canonicalDirectory(first));
  });
});
