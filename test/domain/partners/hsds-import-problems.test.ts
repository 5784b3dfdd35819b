import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv, writeCsv } from '../../../src/domain/partners/csv.ts';
import { importHsdsDataPackage } from '../../../src/domain/partners/hsds-csv.ts';
import { guessJsonKind, importHsdsJson } from '../../../src/domain/partners/hsds-json-import.ts';
import { uuidFromKey } from '../../../src/domain/partners/hsds-values.ts';

const ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
const SVC = 'ac148810-d857-441c-9679-408f346de14b';
const codes = (problems: { key: string }[]) =>
  problems.map((p) => p.key.replace('partners.hsds.problem.', ''));

function service(extra: Record<string, unknown> = {}) {
  return { id: SVC, name: 'Pantry', status: 'active', ...extra };
}

describe('HSDS JSON import: each problem is named, with its record and place', () => {
  it('text that is not JSON, and JSON that is no HSDS shape', () => {
    const a = importHsdsJson('{"id": ', { source: 'a.json' });
    assert.deepEqual(codes(a.problems), ['not_json']);
    assert.equal(a.kind, null);
    const b = importHsdsJson('[1,2]', { source: 'b.json' });
    assert.deepEqual(codes(b.problems), ['unknown_shape']);
  });

  it('a service with a status HSDS does not know is skipped, and so are its children, each named', () => {
    const r = importHsdsJson(
      service({ status: 'open', phones: [{ id: uuidFromKey('p'), number: '1' }] }),
      { source: 's.json', kind: 'service' },
    );
    assert.equal(r.directory.service.length, 0);
    assert.equal(r.directory.phone.length, 0);
    assert.deepEqual(codes(r.problems), ['record_skipped', 'record_skipped']);
    assert.deepEqual(r.problems[0]!.params, {
      reason: 'required_invalid',
      field: 'status',
      expected: 'one_of',
      value: 'open',
    });
    assert.equal(r.problems[1]!.params.reason, 'parent_skipped');
    assert.equal(r.problems[1]!.origin.pointer, '/phones/0');
  });

  it('a status in other capitals is taken, with a notice', () => {
    const r = importHsdsJson(service({ status: 'Temporarily Closed' }), {
      source: 's',
      kind: 'service',
    });
    assert.equal(r.directory.service[0]!.status, 'temporarily closed');
    assert.deepEqual(codes(r.problems), ['coerced']);
  });

  it('a timestamp without a zone is taken as UTC, with a notice; a day alone as its midnight', () => {
    const a = importHsdsJson(service({ last_modified: '2026-03-02 10:30' }), {
      source: 's',
      kind: 'service',
    });
    assert.equal(a.directory.service[0]!.last_modified, '2026-03-02T10:30:00Z');
    assert.deepEqual(codes(a.problems), ['coerced']);
    const b = importHsdsJson(service({ last_modified: '2026-03-02', assured_date: '2026-02-30' }), {
      source: 's',
      kind: 'service',
    });
    assert.equal(b.directory.service[0]!.last_modified, '2026-03-02T00:00:00Z');
    assert.equal(b.directory.service[0]!.assured_date, null, 'February has no 30th');
    assert.deepEqual(codes(b.problems), ['invalid_value', 'coerced']);
  });

  it('a missing required text keeps the record with an empty value and an error', () => {
    const r = importHsdsJson({ id: ORG, name: 'Food bank' }, { source: 'o', kind: 'organization' });
    assert.equal(r.directory.organization[0]!.description, '');
    assert.deepEqual(codes(r.problems), ['required_missing']);
    assert.equal(r.problems[0]!.field, 'description');
  });

  it('ids that are not uuids become the same uuid every time, and references still meet', () => {
    const input = {
      id: 'SVC-1',
      name: 'Pantry',
      status: 'active',
      organization: { id: 'ORG-1', name: 'Elm St', description: 'Food' },
    };
    const r = importHsdsJson(input, { source: 's', kind: 'service' });
    const s = r.directory.service[0]!;
    assert.equal(s.id, uuidFromKey('SVC-1'));
    assert.equal(s.organization_id, uuidFromKey('ORG-1'));
    assert.equal(r.directory.organization[0]!.id, uuidFromKey('ORG-1'));
    assert.deepEqual(codes(r.problems), ['id_replaced', 'id_replaced']);
    assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('an unreadable optional value is left empty with what was expected; unknown fields are named', () => {
    const r = importHsdsJson(
      service({ email: 'not an email', url: 'elm st', minimum_age: 'twelve', colour: 'red' }),
      { source: 's', kind: 'service' },
    );
    const s = r.directory.service[0]!;
    assert.equal(s.email, null);
    assert.equal(s.url, null);
    assert.equal(s.minimum_age, null);
    assert.deepEqual(codes(r.problems), [
      'invalid_value',
      'invalid_value',
      'invalid_value',
      'unknown_field',
    ]);
    assert.deepEqual(
      r.problems.map((p) => p.params.expected ?? p.params.field),
      ['uri', 'email', 'number', 'colour'],
    );
  });

  it('two copies of one record that disagree: the first value is kept and the other named', () => {
    const phone = { id: uuidFromKey('p'), number: '555 0100' };
    const r = importHsdsJson(
      service({
        phones: [phone],
        contacts: [{ id: uuidFromKey('c'), phones: [{ ...phone, number: '555 0199' }] }],
      }),
      { source: 's', kind: 'service' },
    );
    assert.equal(r.directory.phone.length, 1);
    assert.equal(r.directory.phone[0]!.number, '555 0100');
    assert.equal(r.directory.phone[0]!.contact_id, uuidFromKey('c'));
    assert.deepEqual(codes(r.problems), ['conflicting_copy']);
    assert.equal(r.problems[0]!.origin.pointer, '/contacts/0/phones/0');
  });

  it('a nested record naming another parent than the one it sits in: the nesting wins', () => {
    const r = importHsdsJson(
      service({
        phones: [{ id: uuidFromKey('p'), number: '1', service_id: uuidFromKey('other') }],
      }),
      { source: 's', kind: 'service' },
    );
    assert.equal(r.directory.phone[0]!.service_id, SVC);
    assert.deepEqual(codes(r.problems), ['parent_mismatch']);
  });

  it('a page whose items are not objects, or whose counts are not counts', () => {
    const r = importHsdsJson(
      { total_items: -1, page_number: 1, contents: [service(), 'x'] },
      { source: 'p' },
    );
    assert.equal(r.kind, 'page');
    assert.equal(r.directory.service.length, 1);
    assert.deepEqual(codes(r.problems), ['page_field', 'unknown_shape']);
    assert.equal(r.problems[1]!.origin.pointer, '/contents/1');
  });

  it('guesses the kind of each official shape', () => {
    assert.equal(guessJsonKind({ version: '3.0', openapi_url: 'x' }), 'api_meta');
    assert.equal(guessJsonKind({ 'services.csv': [] }), 'tabular');
    assert.equal(guessJsonKind({ id: 'x', location_type: 'physical' }), 'location');
    assert.equal(guessJsonKind({ id: 'x', service: {}, location: {} }), 'service_at_location');
    assert.equal(guessJsonKind({ id: 'x', name: 'n', description: 'd', version: '1' }), 'taxonomy');
    assert.equal(
      guessJsonKind({ id: 'x', name: 'n', code: 'c', description: 'd' }),
      'taxonomy_term',
    );
    assert.equal(
      guessJsonKind({ id: 'x', name: 'n', description: 'd', website: 'w' }),
      'organization',
    );
  });
});

describe('CSV data package import', () => {
  const orgs = `id,name,description\r\n${ORG},Elm St,Food\r\n`;

  it('a malformed file is refused with its line, the others still read', () => {
    const r = importHsdsDataPackage({
      'organizations.csv': orgs,
      'services.csv': `id,name,status\n${SVC},"Pantry,active\n`,
    });
    assert.equal(r.directory.organization.length, 1);
    assert.deepEqual(codes(r.problems), ['csv_malformed']);
    assert.deepEqual(r.problems[0]!.params, {
      file: 'services.csv',
      line: 2,
      reason: 'unclosed_quote',
    });
  });

  it('short rows, duplicate ids, a file without an id column, a file HSDS does not have', () => {
    const r = importHsdsDataPackage({
      'organizations.csv': `${orgs}${ORG},Elm St,Food\r\n`,
      'services.csv': `id,organization_id,name,status\n${SVC},${ORG},Pantry\n`,
      'phones.csv': 'number\n555\n',
      'notes.csv': 'a\n1\n',
      'readme.txt': 'hello',
    });
    assert.deepEqual(codes(r.problems).sort(), [
      'duplicate_row',
      'missing_id_column',
      'record_skipped',
      'row_length',
      'unknown_file',
      'unknown_file',
    ]);
    const dup = r.problems.find((p) => p.key.endsWith('duplicate_row'))!;
    assert.deepEqual(dup.origin, { source: 'organizations.csv', row: 3 });
  });

  it('a descriptor that names a file that is not there', () => {
    const r = importHsdsDataPackage({
      'datapackage.json': JSON.stringify({
        resources: [
          { name: 'organization', path: 'orgs.csv' },
          { name: 'service', path: 'services.csv' },
        ],
      }),
      'orgs.csv': orgs,
    });
    assert.equal(r.directory.organization.length, 1, 'read by the name the descriptor gives');
    assert.deepEqual(codes(r.problems), ['missing_file']);
  });

  it('a dangling reference is emptied and named', () => {
    const r = importHsdsDataPackage({
      'services.csv': `id,organization_id,name,status\n${SVC},${ORG},Pantry,active\n`,
    });
    assert.equal(r.directory.service[0]!.organization_id, null);
    assert.deepEqual(codes(r.problems), ['dangling_reference']);
    assert.deepEqual(r.problems[0]!.origin, { source: 'services.csv', row: 2 });
  });
});

describe('CSV text', () => {
  it('reads quotes, doubled quotes, line breaks in cells, CRLF and a BOM', () => {
    const r = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",\n\n');
    assert.ok(r.ok);
    assert.deepEqual(r.rows, [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', ''] },
    ]);
    assert.deepEqual(parseCsv('"a"b'), { ok: false, line: 1, code: 'text_after_quote' });
  });

  it('property: whatever is written is read back the same (seeded, 500 tables)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', '字', '0'];
    for (let t = 0; t < 500; t++) {
      const cols = 1 + Math.floor(rand() * 4);
      const rows = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
        Array.from({ length: cols }, () =>
          Array.from(
            { length: Math.floor(rand() * 6) },
            () => alphabet[Math.floor(rand() * alphabet.length)],
          ).join(''),
        ),
      );
      // A row of one empty cell is a blank line, which CSV cannot tell from nothing.
      const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
      const parsed = parseCsv(writeCsv(kept));
      assert.ok(parsed.ok);
      assert.deepEqual(
        parsed.rows.map((r) => r.cells),
        kept,
      );
    }
  });
});
