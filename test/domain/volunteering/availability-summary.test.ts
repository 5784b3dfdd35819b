import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskFromNames } from '../../../src/domain/time/weekly-slots.ts';
import {
  type AvailabilitySummary,
  availabilityWords,
  daysOf,
  maskOf,
  summariseAvailability,
} from '../../../src/domain/volunteering/availability-summary.ts';
import { rng } from '../seeded-rng.ts';

const EN: Record<string, string> = {
  'availability.none': 'not set',
  'availability.anyTime': 'any time',
  'availability.everyDay': 'every day',
  'availability.weekdays': 'weekdays',
  'availability.weekends': 'weekends',
  'availability.day.mon': 'Monday',
  'availability.day.tue': 'Tuesday',
  'availability.day.wed': 'Wednesday',
  'availability.day.thu': 'Thursday',
  'availability.day.fri': 'Friday',
  'availability.day.sat': 'Saturday',
  'availability.day.sun': 'Sunday',
  'availability.part.morning': 'mornings',
  'availability.part.afternoon': 'afternoons',
  'availability.part.evening': 'evenings',
  'availability.range': '{from} to {to}',
  'availability.group': '{days}, {parts}',
  'availability.separator': '; ',
};
const ES: Record<string, string> = {
  ...EN,
  'availability.weekdays': 'entre semana',
  'availability.everyDay': 'todos los días',
  'availability.day.mon': 'lunes',
  'availability.day.wed': 'miércoles',
  'availability.day.fri': 'viernes',
  'availability.part.morning': 'mañanas',
  'availability.part.evening': 'noches',
  'availability.range': 'de {from} a {to}',
};
const words = (dict: Record<string, string>) => (key: string, params?: Record<string, string>) =>
  (dict[key] ?? `?${key}`).replace(/\{(\w+)\}/g, (_, k) => params?.[k] ?? '');

const say = (names: string, dict = EN, locale = 'en') =>
  availabilityWords(
    summariseAvailability(maskFromNames(names.split(' ').filter(Boolean))),
    locale,
    words(dict),
  );

const each = (days: string, parts: string) =>
  days
    .split(' ')
    .flatMap((d) => parts.split(' ').map((p) => `${d}-${p}`))
    .join(' ');
const WD = 'mon tue wed thu fri';
const ALL = 'mon tue wed thu fri sat sun';

describe('availability in words', () => {
  it('says a week the way people do', () => {
    assert.equal(say(each(WD, 'evening')), 'weekdays, evenings');
    assert.equal(say(each('sat sun', 'morning afternoon evening')), 'weekends');
    assert.equal(say(each(ALL, 'morning')), 'every day, mornings');
    assert.equal(say(each(ALL, 'morning evening')), 'every day, mornings and evenings');
    assert.equal(say(each(ALL, 'morning afternoon evening')), 'any time');
    assert.equal(say(''), 'not set');
    assert.equal(
      say(`${each('mon tue wed', 'afternoon')} sat-morning`),
      'Monday to Wednesday, afternoons; Saturday, mornings',
    );
    assert.equal(say(each('mon wed fri', 'evening')), 'Monday, Wednesday, and Friday, evenings');
    assert.equal(say(each('mon tue', 'morning afternoon evening')), 'Monday and Tuesday');
    // The shorter telling: "every day, mornings; weekends, afternoons", not split by weekdays.
    assert.equal(
      say(`${each(ALL, 'morning')} ${each('sat sun', 'afternoon')}`),
      'every day, mornings; weekends, afternoons',
    );
    assert.equal(
      say(`${each(WD, 'evening')} ${each('sat sun', 'morning afternoon evening')}`),
      'weekdays, evenings; weekends',
    );
  });

  it('in Spanish, with its own list words', () => {
    assert.equal(say(each(WD, 'evening'), ES, 'es'), 'entre semana, noches');
    assert.equal(
      say(each('mon wed fri', 'morning evening'), ES, 'es'),
      'lunes, miércoles y viernes, mañanas y noches',
    );
    assert.equal(say(each('mon tue wed', 'morning'), ES, 'es'), 'de lunes a miércoles, mañanas');
  });

  it('a week comes back exactly, each slot told once (150,000 random weeks and the simple ones)', () => {
    const masks: number[] = [];
    // Every week of one set of parts on some days, and every week of up to three slots.
    for (let days = 0; days < 128; days++)
      for (let parts = 0; parts < 8; parts++) {
        let m = 0;
        for (let d = 0; d < 7; d++) if (days & (1 << d)) m |= parts << (d * 3);
        masks.push(m);
      }
    for (let a = 0; a < 21; a++)
      for (let b = a; b < 21; b++)
        for (let c = b; c < 21; c++) masks.push((1 << a) | (1 << b) | (1 << c));
    const r = rng(7);
    for (let i = 0; i < 150_000; i++) masks.push(r.int(0, (1 << 21) - 1));
    for (const mask of masks) {
      const s = summariseAvailability(mask);
      if (maskOf(s) !== mask) assert.fail(`${mask}: ${JSON.stringify(s)}`);
      if (s.kind !== 'groups') continue;
      let told = 0;
      for (const g of s.groups)
        told += daysOf(g.days).length * (g.parts === 'allDay' ? 3 : g.parts.length);
      if (told !== popcount(mask)) assert.fail(`${mask}: ${told} slots told`);
    }
  });

  it('groups are in week order, runs of three days or more are ranges, and no group is empty', () => {
    const r = rng(1);
    for (let i = 0; i < 20_000; i++) {
      const s: AvailabilitySummary = summariseAvailability(r.int(1, (1 << 21) - 2));
      assert.equal(s.kind, 'groups');
      if (s.kind !== 'groups') continue;
      const firsts = s.groups.map((g) => daysOf(g.days)[0]!);
      const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
      for (let k = 1; k < firsts.length; k++)
        assert.ok(order.indexOf(firsts[k]!) >= order.indexOf(firsts[k - 1]!));
      for (const g of s.groups) {
        assert.ok(daysOf(g.days).length > 0);
        assert.ok(g.parts === 'allDay' || g.parts.length > 0);
        if (g.days.kind === 'days')
          for (let k = 0; k + 2 < g.days.items.length; k++) {
            const [a, b, c] = g.days.items
              .slice(k, k + 3)
              .map((x) => (typeof x === 'string' ? order.indexOf(x) : -9));
            assert.ok(!(b === a! + 1 && c === b + 1), 'three days in a row must be a range');
          }
      }
    }
  });

  it('ignores bits beyond the 21 slots', () => {
    assert.deepEqual(summariseAvailability(1 << 21), { kind: 'none' });
    assert.deepEqual(summariseAvailability(-1), { kind: 'anyTime' });
  });
});

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
