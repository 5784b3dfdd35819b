import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openArchive, sealArchive } from '../../../src/domain/archive/crypto-stream.ts';
import {
  LineSplitter,
  ManifestError,
  type ManifestEvent,
  type ManifestHead,
  ManifestReader,
  ManifestWriter,
  type Scalar,
} from '../../../src/domain/archive/manifest.ts';

const head = (counts: [number, number] = [1, 3]): ManifestHead => ({
  format: 'mutua-export',
  version: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  source: { dialect: 'sqlite', schema: '2026_11_24_0900_create_requests', app: '0.1.0' },
  network: { id: 'n1', slug: 'north' },
  tables: [
    { name: 'networks', columns: ['id', 'slug', 'name'], rows: counts[0], sealed: [] },
    {
      name: 'requests',
      columns: ['id', 'name_enc', 'household_size', 'needs_car'],
      rows: counts[1],
      sealed: ['name_enc'],
    },
  ],
});

const ROWS: Scalar[][] = [
  ['r1', 'María José Núñez', 4, false],
  ['r2', 'Tom "the" O\'Brien\nline two', 1, true],
  ['r3', null, 2, false],
];

function writeAll(h = head()): string {
  const w = new ManifestWriter(h);
  let out = w.begin() + w.section('networks') + w.row(['n1', 'north', 'North Mutual Aid']);
  out += w.section('requests');
  for (const r of ROWS) out += w.row(r);
  return out + w.end();
}

function readAll(text: string): ManifestEvent[] {
  const r = new ManifestReader();
  const events = text
    .split('\n')
    .filter((l, i, a) => i < a.length - 1 || l !== '')
    .map((l) => r.push(l));
  r.finish();
  return events;
}

function code(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (e) {
    return e instanceof ManifestError ? e.code : String(e);
  }
}

describe('export manifest', () => {
  it('writes and reads back the table list, each section and every row', () => {
    const events = readAll(writeAll());
    assert.deepEqual(
      events.map((e) => e.kind),
      ['head', 'table', 'row', 'table', 'row', 'row', 'row', 'end'],
    );
    const rows = events.filter((e) => e.kind === 'row' && e.table.name === 'requests');
    assert.deepEqual(
      rows.map((e) => (e.kind === 'row' ? e.values : null)),
      ROWS,
    );
    const first = events[0];
    assert.equal(first?.kind === 'head' && first.head.tables[1]?.sealed[0], 'name_enc');
  });

  it('the writer refuses a wrong count, a row of the wrong shape, a table out of order', () => {
    const w = new ManifestWriter(head());
    w.begin();
    assert.equal(
      code(() => w.section('requests')),
      'MANIFEST_ORDER',
    );
    const w2 = new ManifestWriter(head());
    w2.begin();
    w2.section('networks');
    assert.equal(
      code(() => w2.row(['n1', 'north'])),
      'MANIFEST_ROW_SHAPE',
    );
    assert.equal(
      code(() => w2.row(['n1', 'north', { x: 1 } as unknown as Scalar])),
      'MANIFEST_ROW_SHAPE',
    );
    assert.equal(
      code(() => w2.row(['n1', 'north', Number.NaN])),
      'MANIFEST_ROW_SHAPE',
    );
    assert.equal(
      code(() => w2.section('requests')),
      'MANIFEST_ROW_COUNT',
    );
    assert.equal(
      code(() => new ManifestWriter({ ...head(), tables: [head().tables[0]!, head().tables[0]!] })),
      'MANIFEST_INVALID',
    );
  });

  it('the reader refuses an altered row, a missing row, a missing end, and lines after it', () => {
    const text = writeAll();
    assert.equal(
      code(() => readAll(text.replace('"María José Núñez"', '"Maria"'))),
      'MANIFEST_CHECKSUM',
    );
    const lines = text.split('\n');
    const withoutRow = [...lines.slice(0, 4), ...lines.slice(5)].join('\n');
    assert.equal(
      code(() => readAll(withoutRow)),
      'MANIFEST_ROW_COUNT',
    );
    assert.equal(
      code(() => readAll(lines.slice(0, -2).join('\n'))),
      'MANIFEST_INCOMPLETE',
    );
    assert.equal(
      code(() => readAll(`${text}["x"]\n`)),
      'MANIFEST_INVALID',
    );
    assert.equal(
      code(() => readAll(text.replace('"rows":3}', '"rows":2}'))),
      'MANIFEST_ORDER',
    );
    assert.equal(
      code(() => readAll(text.replace('"version":1', '"version":2'))),
      'MANIFEST_VERSION_UNSUPPORTED',
    );
    assert.equal(
      code(() => readAll('{"format":"something"}\n')),
      'MANIFEST_INVALID',
    );
    assert.equal(
      code(() => readAll('not json\n')),
      'MANIFEST_INVALID',
    );
  });

  it('splits lines without cutting a letter in two', () => {
    const bytes = Buffer.from('ñandú\n{"a":"€"}\nlast');
    const s = new LineSplitter();
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) lines.push(...s.push(bytes.subarray(i, i + 1)));
    assert.deepEqual(lines, ['ñandú', '{"a":"€"}']);
    assert.equal(s.finish(), 'last');
  });

  it('through the encrypted archive and back, streamed', async () => {
    const big = head([1, 20_000]);
    const w = new ManifestWriter(big);
    async function* produce() {
      yield Buffer.from(w.begin() + w.section('networks') + w.row(['n1', 'north', 'North']));
      yield Buffer.from(w.section('requests'));
      for (let i = 0; i < 20_000; i++)
        yield Buffer.from(w.row([`r${i}`, `Name ${i} ñ`, i % 9, i % 2 === 0]));
      yield Buffer.from(w.end());
    }
    const archive: Buffer[] = [];
    for await (const c of sealArchive(produce(), {
      passphrase: 'a long enough passphrase',
      logN: 14,
    }))
      archive.push(c);
    const reader = new ManifestReader();
    const split = new LineSplitter();
    let rows = 0;
    let last: Scalar[] = [];
    for await (const plain of openArchive(archive, 'a long enough passphrase'))
      for (const line of split.push(plain)) {
        const e = reader.push(line);
        if (e.kind === 'row' && e.table.name === 'requests') {
          rows++;
          last = e.values;
        }
      }
    assert.equal(split.finish(), null);
    reader.finish();
    assert.equal(rows, 20_000);
    assert.deepEqual(last, ['r19999', 'Name 19999 ñ', 19999 % 9, false]);
  });
});
