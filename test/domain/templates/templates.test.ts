import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOODS_CATEGORY_KEYS } from '../../../src/domain/goods/categories.ts';
import { plainText, renderMarkdown } from '../../../src/domain/playbook/markdown.ts';
import { indexTerms } from '../../../src/domain/playbook/search.ts';
import { DEFAULT_CATEGORIES } from '../../../src/domain/requests/categories.ts';
import { BUILTIN_TEMPLATE_KEYS, builtinTemplate } from '../../../src/domain/templates/builtin.ts';
import {
  canonicalize,
  canonicalJson,
  sameTemplate,
} from '../../../src/domain/templates/canonical.ts';
import { findPersonalData } from '../../../src/domain/templates/personal-data.ts';
import type { NetworkTemplate } from '../../../src/domain/templates/schema.ts';
import { checkTemplate, checkTemplateText } from '../../../src/domain/templates/validate.ts';
import { GOODS_CATEGORIES } from '../../../src/server/goods/goods.rules.ts';

const errorsOf = (doc: unknown) => {
  const r = checkTemplate(doc);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.key}`);
};

/** A template changed by `edit`, from a fresh copy of the food pantry. */
function edited(edit: (t: NetworkTemplate & Record<string, unknown>) => void): unknown {
  const t = builtinTemplate('food-pantry') as NetworkTemplate & Record<string, unknown>;
  edit(t);
  return t;
}

describe('built-in templates', () => {
  for (const key of BUILTIN_TEMPLATE_KEYS) {
    it(`${key} passes the validator, with no personal data at all`, () => {
      const t = builtinTemplate(key);
      assert.deepEqual(errorsOf(t), []);
      assert.deepEqual(findPersonalData(t), []);
      assert.equal(t.meta.key, key);
    });

    it(`${key} is complete in English and Spanish`, () => {
      const t = builtinTemplate(key);
      const texts: Record<string, string>[] = [
        t.meta.name,
        t.meta.description,
        ...t.categories.map((c) => c.labels),
        ...t.roles.flatMap((r) => [r.labels, r.duties]),
        ...t.trainings.flatMap((x) => [x.name, x.description]),
        ...t.items.flatMap((x) => [x.name, x.unit]),
        ...t.eventSeries.flatMap((s) => [s.title, s.description]),
      ];
      for (const text of texts)
        assert.deepEqual(Object.keys(text).sort(), ['en', 'es'], JSON.stringify(text));
      for (const p of t.playbook)
        assert.deepEqual(Object.keys(p.translations).sort(), ['en', 'es'], p.slug);
      assert.ok(t.playbook.length >= 3, 'a few pages of practice');
      assert.ok(t.trainings.length >= 3 && t.items.length >= 3 && t.eventSeries.length >= 2);
    });

    it(`${key}: its playbook renders safely, with headings or lists, and is searchable`, () => {
      for (const p of builtinTemplate(key).playbook)
        for (const [lang, page] of Object.entries(p.translations)) {
          const r = renderMarkdown(page.body);
          assert.deepEqual(r.problems, [], `${p.slug}/${lang}`);
          assert.match(r.html, /<(h2|ol|ul|table)>|<h2 /, `${p.slug}/${lang}`);
          assert.ok(
            indexTerms({ title: page.title, tags: p.tags, body: plainText(page.body) }).size > 20,
          );
        }
    });

    it(`${key}: every default request category is there, labelled`, () => {
      const keys = builtinTemplate(key).categories.map((c) => c.key);
      for (const c of DEFAULT_CATEGORIES) assert.ok(keys.includes(c), c);
    });
  }

  it('gives a fresh copy each time', () => {
    const a = builtinTemplate('food-pantry');
    a.categories.length = 0;
    assert.ok(builtinTemplate('food-pantry').categories.length > 0);
  });

  it('the goods categories of the domain are the server’s, and items use them', () => {
    assert.deepEqual([...GOODS_CATEGORY_KEYS], [...GOODS_CATEGORIES]);
    for (const key of BUILTIN_TEMPLATE_KEYS)
      for (const i of builtinTemplate(key).items)
        assert.ok(GOODS_CATEGORY_KEYS.includes(i.category));
  });
});

describe('template validator: errors by JSON path', () => {
  it('not JSON, not a template, another version', () => {
    assert.deepEqual(checkTemplateText('{oops').ok, false);
    assert.ok(errorsOf({}).includes('/format template.error.required'));
    assert.ok(
      errorsOf(edited((t) => ((t as { version: number }).version = 2))).includes(
        '/version template.error.value',
      ),
    );
  });

  it('unknown fields are refused, not dropped', () => {
    assert.deepEqual(errorsOf(edited((t) => (t.extra = 1))), [
      '/extra template.error.unknownField',
    ]);
    assert.deepEqual(errorsOf(edited((t) => Object.assign(t.categories[0]!, { colour: 'red' }))), [
      '/categories/0/colour template.error.unknownField',
    ]);
  });

  it('wrong types and values name their place', () => {
    assert.deepEqual(
      errorsOf(
        edited((t) => ((t.settings as { retentionDays: unknown }).retentionDays = 'ninety')),
      ),
      ['/settings/retentionDays template.error.type'],
    );
    assert.deepEqual(errorsOf(edited((t) => (t.items[0]!.lowStock = -1))), [
      '/items/0/lowStock template.error.range',
    ]);
    assert.deepEqual(
      errorsOf(edited((t) => ((t.categories[1] as { key: string }).key = 'Cooked Meals'))),
      ['/categories/1/key template.error.pattern'],
    );
  });

  it('references, duplicates, languages, rules and polygons', () => {
    assert.deepEqual(errorsOf(edited((t) => (t.roles[0]!.trainings = ['training:nowhere']))), [
      '/roles/0/trainings/0 template.error.unknownRef',
    ]);
    // The training that used the renamed category now points nowhere, and says so too.
    assert.deepEqual(errorsOf(edited((t) => (t.categories[1]!.key = t.categories[0]!.key))), [
      '/categories/1/key template.error.duplicate',
      '/trainings/0/categories/1 template.error.unknownRef',
    ]);
    assert.deepEqual(errorsOf(edited((t) => delete t.trainings[0]!.name.en)), [
      '/trainings/0/name template.error.defaultLanguageMissing',
    ]);
    assert.deepEqual(errorsOf(edited((t) => (t.eventSeries[0]!.rrule = 'FREQ=DAILY'))), [
      '/eventSeries/0/rrule template.error.rrule',
    ]);
    assert.deepEqual(errorsOf(edited((t) => (t.settings.timeZone = 'Mars/Olympus'))), [
      '/settings/timeZone template.error.timeZone',
    ]);
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [0, 1],
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      ],
    };
    const area = {
      ref: 'area:centre',
      name: 'Centre',
      center: { lat: 0.5, lng: 0.5 },
      polygon: square,
    };
    assert.deepEqual(errorsOf(edited((t) => t.areas.push(area))), []);
    const open = {
      ...area,
      polygon: {
        ...square,
        coordinates: [
          [
            [0, 0],
            [0, 1],
            [1, 1],
            [1, 0],
          ],
        ],
      },
    };
    assert.deepEqual(errorsOf(edited((t) => t.areas.push(open))), [
      '/areas/0/polygon template.error.polygon',
    ]);
    assert.deepEqual(
      errorsOf(
        edited((t) => t.areas.push({ ref: 'area:x', name: 'X', center: { lat: 0, lng: 0 } })),
      ),
      ['/areas/0 template.error.areaShape'],
    );
    assert.deepEqual(errorsOf(edited((t) => (t.playbook[0]!.tags = ['Food Safety']))), [
      '/playbook/0/tags template.error.tagsNotNormal',
    ]);
  });

  it('refuses personal data fields, wherever someone typed them in', () => {
    assert.deepEqual(
      errorsOf(edited((t) => Object.assign(t.settings, { coordinatorPhone: '+1 555 0102' }))),
      ['/settings/coordinatorPhone template.personal.field'],
    );
    assert.deepEqual(errorsOf(edited((t) => Object.assign(t.settings, { phone: '+1 555 0102' }))), [
      '/settings/phone template.personal.field',
    ]);
    assert.deepEqual(
      errorsOf(
        edited((t) =>
          t.surveys.push({
            key: 'intake',
            version: 1,
            data: { volunteers: [{ name: 'Ana', email: 'a@x.org' }] },
          }),
        ),
      ),
      ['/surveys/0/data/volunteers template.personal.field'],
    );
    assert.deepEqual(errorsOf(edited((t) => Object.assign(t.trainings[0]!, { 'E-mail': 'x' }))), [
      '/trainings/0/E-mail template.personal.field',
    ]);
    assert.deepEqual(
      errorsOf(edited((t) => Object.assign(t.items[0]!, { donor_enc: 'v1.k1.abc' }))),
      ['/items/0/donor_enc template.personal.field'],
    );
  });

  it('warns about email addresses and phone numbers in text, without refusing', () => {
    const doc = edited((t) => {
      t.playbook[0]!.translations.en!.body +=
        '\nCall Ana at (555) 010-2000 or write to ana@example.org.\n';
    });
    const r = checkTemplate(doc);
    assert.equal(r.ok, true);
    assert.deepEqual(
      r.warnings.map((w) => `${w.path} ${w.kind}`),
      ['/playbook/0/translations/en/body email', '/playbook/0/translations/en/body phone'],
    );
    assert.deepEqual(
      findPersonalData({ when: '2024-03-14', hours: '09:00-12:00', tel: 'Call 211' }),
      [],
    );
  });
});

/** What an export of an imported template looks like: new ids everywhere, lists reordered. */
function asIfReimported(t: NetworkTemplate): NetworkTemplate {
  const c = structuredClone(t);
  const rename = (r: string) =>
    `${r.split(':')[0]}:id-${Buffer.from(r).toString('hex').slice(-12)}`;
  c.trainings.reverse();
  for (const x of c.trainings) x.ref = rename(x.ref);
  for (const r of c.roles) r.trainings = r.trainings.map(rename).reverse();
  c.roles.reverse();
  c.items.reverse();
  for (const x of c.items) x.ref = rename(x.ref);
  c.eventSeries.reverse();
  for (const s of c.eventSeries) {
    s.ref = rename(s.ref);
    s.shifts.reverse();
  }
  c.playbook.reverse();
  for (const p of c.playbook) p.tags.reverse();
  c.meta.createdAt = '2027-01-01T00:00:00.000Z';
  return c;
}

describe('canonical form for round-trip comparison', () => {
  for (const key of BUILTIN_TEMPLATE_KEYS)
    it(`${key}: the same setup compares equal with other ids and order`, () => {
      const t = builtinTemplate(key);
      const again = asIfReimported(t);
      assert.notEqual(JSON.stringify(again), JSON.stringify(t));
      assert.equal(canonicalJson(again), canonicalJson(t));
      assert.ok(sameTemplate(t, again));
      assert.deepEqual(errorsOf(canonicalize(t)), [], 'the canonical form is itself valid');
    });

  it('a real change is a difference', () => {
    const t = builtinTemplate('food-pantry');
    const changed = structuredClone(t);
    changed.items[0]!.lowStock += 1;
    assert.equal(sameTemplate(t, changed), false);
    const relabelled = structuredClone(t);
    relabelled.categories[0]!.labels.es = 'Compras';
    assert.equal(sameTemplate(t, relabelled), false);
  });

  it('refs become local references in a stable order, and keys are sorted', () => {
    const c = canonicalize(builtinTemplate('food-pantry'));
    assert.deepEqual(
      c.trainings.map((x) => x.ref),
      c.trainings.map((_, i) => `training:${i + 1}`),
    );
    for (const r of c.roles) for (const ref of r.trainings) assert.match(ref, /^training:\d+$/);
    const text = canonicalJson(builtinTemplate('food-pantry'));
    assert.ok(text.indexOf('"agreements"') < text.indexOf('"areas"'));
    assert.equal(canonicalJson(JSON.parse(text)), text, 'canonical of canonical is itself');
  });
});
