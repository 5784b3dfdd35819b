import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DirectoryIndex, serviceFullJson } from '../../../src/domain/partners/hsds-json-export.ts';
import { importHsdsJson } from '../../../src/domain/partners/hsds-json-import.ts';
import {
  checkProfile,
  directoryFor,
  type PartnerProfile,
} from '../../../src/domain/partners/partner.ts';
import {
  describeSchedule,
  openingsBetween,
  opensOn,
  weeklyDays,
} from '../../../src/domain/partners/schedule.ts';
import { suggestServices } from '../../../src/domain/partners/suggestions.ts';
import {
  addMonths,
  markDoNotList,
  parseStaleAfterMonths,
  recordCheck,
  reviewQueue,
  verificationStatus,
} from '../../../src/domain/partners/verification.ts';
import {
  CLINIC_CARE,
  ELM,
  ELM_PANTRY,
  FOOD_TERM,
  fixture,
  id,
  NORTH,
  RIVER_PANTRY,
  SOUTH,
  schedule,
  verification,
} from './directory-fixture.ts';
import { example, schemaErrors } from './hsds-schema.ts';

const MONDAY = '2026-03-02';

describe('verification', () => {
  it('adds calendar months, the 31st landing on the month’s last day', () => {
    assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
    assert.equal(addMonths('2023-08-31', 6), '2024-02-29');
    assert.equal(addMonths('2026-01-15', 6), '2026-07-15');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  });

  it('property: due day is after the check and never drifts past the day of month (seeded)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const d = new Date(Date.UTC(2000 + rand(60), rand(12), 1 + rand(31)))
        .toISOString()
        .slice(0, 10);
      const m = 1 + rand(24);
      const due = addMonths(d, m);
      assert.ok(due > d);
      assert.ok(Number(due.slice(8)) <= Number(d.slice(8)));
    }
  });

  it('fresh, due soon, stale at six months, unchecked, a future date, do not list', () => {
    const v = (assuredDate: string | null) => verification(ELM_PANTRY, { assuredDate });
    assert.equal(verificationStatus(v('2026-01-10'), MONDAY).state, 'fresh');
    assert.equal(verificationStatus(v('2025-09-20'), MONDAY).state, 'due_soon');
    assert.deepEqual(verificationStatus(v('2025-09-02'), MONDAY), {
      state: 'stale',
      dueOn: MONDAY,
    });
    assert.equal(verificationStatus(v('2025-09-03'), MONDAY).state, 'due_soon');
    assert.equal(
      verificationStatus(v('2025-09-03'), MONDAY, 3).state,
      'stale',
      'the network setting',
    );
    assert.deepEqual(verificationStatus(v(null), MONDAY), {
      state: 'unchecked',
      dueOn: null,
      reason: 'never_checked',
    });
    assert.equal(verificationStatus(v('2026-12-01'), MONDAY).reason, 'future_date');
    const off = verification(ELM_PANTRY, {
      doNotList: { reason: 'closed', note: null, by: 'p', on: MONDAY },
    });
    assert.equal(verificationStatus(off, MONDAY).state, 'do_not_list');
  });

  it('the review queue: unchecked first, then most overdue, then due soon; fresh and unlisted out', () => {
    const q = reviewQueue(
      [
        verification(id(1), { assuredDate: '2026-02-01' }),
        verification(id(2), { assuredDate: '2025-06-01' }),
        verification(id(3), { assuredDate: '2025-01-01' }),
        verification(id(4)),
        verification(id(5), { assuredDate: '2025-09-20' }),
        verification(id(6), {
          assuredDate: '2020-01-01',
          doNotList: { reason: 'closed', note: null, by: 'p', on: MONDAY },
        }),
      ],
      MONDAY,
    );
    assert.deepEqual(
      q.map((x) => x.serviceId),
      [id(4), id(3), id(2), id(5)],
    );
  });

  it('a check moves the date forward only, never to a future day; do-not-list "other" needs a note', () => {
    const v = verification(ELM_PANTRY, { assuredDate: '2026-01-10' });
    const checked = recordCheck(v, { by: 'ana', method: 'phone', on: MONDAY, today: MONDAY });
    assert.ok(checked.ok);
    assert.equal(checked.verification.assuredDate, MONDAY);
    assert.equal(checked.verification.checkedBy, 'ana');
    const older = recordCheck(v, { by: 'ben', method: 'visit', on: '2025-12-01', today: MONDAY });
    assert.ok(older.ok);
    assert.equal(older.verification.checkedBy, null, 'an older check does not replace a newer one');
    assert.deepEqual(
      recordCheck(v, { by: 'a', method: 'phone', on: '2026-03-03', today: MONDAY }),
      {
        ok: false,
        code: 'CHECK_DATE_INVALID',
      },
    );
    assert.deepEqual(markDoNotList(v, { reason: 'other', note: '  ', by: 'a', on: MONDAY }), {
      ok: false,
      code: 'DO_NOT_LIST_NOTE_REQUIRED',
    });
    const off = markDoNotList(v, {
      reason: 'asked_not_to_be_listed',
      note: null,
      by: 'a',
      on: MONDAY,
    });
    assert.ok(off.ok && off.verification.doNotList?.reason === 'asked_not_to_be_listed');
  });

  it('the network setting: 1 to 24 whole months, 6 when unset', () => {
    assert.deepEqual(parseStaleAfterMonths(''), { ok: true, months: 6 });
    assert.deepEqual(parseStaleAfterMonths('12'), { ok: true, months: 12 });
    for (const bad of ['0', '25', '1.5', 'six', -1])
      assert.equal(parseStaleAfterMonths(bad).ok, false);
  });
});

describe('what the public sees of a partner', () => {
  const profile = (membersOnly: Partial<PartnerProfile['membersOnly']>): PartnerProfile => ({
    organizationId: ELM,
    membersOnly: { service: [], location: [], phone: [], contact: [], ...membersOnly },
    membersNote: 'ring before 10',
    referrals: 'partner_account',
  });

  it('a do-not-list service is gone for everyone, with its schedules, areas and terms', () => {
    const d = fixture();
    const off = [
      verification(ELM_PANTRY, {
        doNotList: { reason: 'unsafe', note: null, by: 'a', on: MONDAY },
      }),
    ];
    for (const audience of ['public', 'members'] as const) {
      const seen = directoryFor(audience, d, [], off);
      assert.deepEqual(seen.service.map((s) => s.id).sort(), [RIVER_PANTRY, CLINIC_CARE].sort());
      assert.ok(!seen.schedule.some((s) => s.service_id === ELM_PANTRY));
      assert.ok(!seen.service_area.some((s) => s.service_id === ELM_PANTRY));
      assert.ok(!seen.attribute.some((a) => a.link_id === ELM_PANTRY));
      assert.equal(seen.taxonomy_term.length, 2, 'terms are classifications, kept');
    }
  });

  it('members-only records: hidden from the public API output, which still validates', () => {
    const { directory } = importHsdsJson(example('service_full.json'), { source: 's' });
    const org = directory.organization[0]!.id;
    const phone = directory.phone[0]!.id;
    const contact = directory.contact[0]!.id;
    const p: PartnerProfile = {
      organizationId: org,
      membersOnly: { service: [], location: [], phone: [phone], contact: [contact] },
      membersNote: null,
      referrals: 'signed_link',
    };
    assert.ok(checkProfile(p, directory).ok);
    const pub = directoryFor('public', directory, [p], []);
    const members = directoryFor('members', directory, [p], []);
    assert.equal(members.phone.length, 1);
    assert.equal(pub.phone.length, 0);
    assert.equal(pub.contact.length, 0);
    const out = serviceFullJson(new DirectoryIndex(pub), pub.service[0]!.id);
    assert.deepEqual(schemaErrors('service', out), []);
    const text = JSON.stringify(out);
    assert.ok(!text.includes(phone) && !text.includes(directory.phone[0]!.number));
    assert.ok(!text.includes(contact));
    // The language of the hidden phone was also the service's: it stays, unlinked from the phone.
    assert.equal(pub.language.length, 1);
    assert.equal(pub.language[0]!.phone_id, null);
  });

  it('a record that hangs only from a hidden one goes too; one with another link stays', () => {
    const d = fixture();
    d.phone.push(
      {
        id: id(71),
        location_id: null,
        service_id: ELM_PANTRY,
        organization_id: null,
        contact_id: null,
        service_at_location_id: null,
        number: '1',
        extension: null,
        type: null,
        description: null,
      },
      {
        id: id(72),
        location_id: null,
        service_id: ELM_PANTRY,
        organization_id: ELM,
        contact_id: null,
        service_at_location_id: null,
        number: '2',
        extension: null,
        type: null,
        description: null,
      },
    );
    d.language.push({
      id: id(73),
      service_id: null,
      location_id: null,
      phone_id: id(71),
      name: null,
      code: 'fr',
      note: null,
    });
    const seen = directoryFor('public', d, [profile({ service: [ELM_PANTRY] })], []);
    assert.deepEqual(
      seen.phone.map((p) => [p.id, p.service_id]),
      [[id(72), null]],
    );
    assert.ok(
      !seen.language.some((l) => l.id === id(73)),
      'the language of the gone phone went with it',
    );
  });

  it('a profile may only hide records of its own organization', () => {
    const r = checkProfile(profile({ service: [CLINIC_CARE] }), fixture());
    assert.deepEqual(r, {
      ok: false,
      field: 'membersOnly.service',
      key: 'partners.profile.not_own_record',
    });
    assert.ok(checkProfile(profile({ service: [ELM_PANTRY] }), fixture()).ok);
  });
});

describe('schedules as RRULE parts', () => {
  const s = (extra: Parameters<typeof schedule>[2]) => schedule(id(90), ELM_PANTRY, extra);

  it('weekly by day, with or without freq; every other week from its start', () => {
    assert.equal(opensOn(s({ freq: 'WEEKLY', byday: 'TU' }), '2026-03-03'), true);
    assert.equal(opensOn(s({ freq: 'WEEKLY', byday: 'TU' }), MONDAY), false);
    assert.equal(opensOn(s({ byday: 'MO,WE' }), MONDAY), true);
    const fortnightly = s({ freq: 'WEEKLY', interval: 2, byday: 'MO', dtstart: '2026-02-16' });
    assert.equal(opensOn(fortnightly, MONDAY), true);
    assert.equal(opensOn(fortnightly, '2026-03-09'), false);
    assert.equal(opensOn(fortnightly, '2026-02-09'), false, 'not before its start');
    assert.equal(
      opensOn(s({ freq: 'WEEKLY', interval: 2, byday: 'MO' }), MONDAY),
      null,
      'no start to count from',
    );
  });

  it('monthly: the first Monday, the last Friday, days of the month', () => {
    assert.equal(opensOn(s({ freq: 'MONTHLY', byday: '1MO' }), MONDAY), true);
    assert.equal(opensOn(s({ freq: 'MONTHLY', byday: '1MO' }), '2026-03-09'), false);
    assert.equal(opensOn(s({ freq: 'MONTHLY', byday: '-1FR' }), '2026-03-27'), true);
    assert.equal(opensOn(s({ freq: 'MONTHLY', byday: '-1FR' }), '2026-03-20'), false);
    assert.equal(opensOn(s({ freq: 'MONTHLY', bymonthday: '-1' }), '2026-02-28'), true);
    assert.equal(opensOn(s({ freq: 'MONTHLY', bymonthday: '2,15' }), MONDAY), true);
  });

  it('validity window, until and count', () => {
    const weekly = { freq: 'WEEKLY' as const, byday: 'MO' };
    assert.equal(opensOn(s({ ...weekly, valid_to: '2026-02-28' }), MONDAY), false);
    assert.equal(opensOn(s({ ...weekly, until: '2026-03-01' }), MONDAY), false);
    const three = s({ ...weekly, dtstart: '2026-02-09', count: 3 });
    assert.equal(opensOn(three, '2026-02-23'), true);
    assert.equal(opensOn(three, MONDAY), false, 'the fourth Monday is past the count');
    assert.equal(opensOn(s({ ...weekly, count: 3 }), MONDAY), null, 'a count with no start');
  });

  it('unreadable rules say "cannot tell", never "closed"', () => {
    assert.equal(opensOn(s({}), MONDAY), null);
    assert.equal(opensOn(s({ freq: 'WEEKLY', byday: 'Mondays' }), MONDAY), null);
    assert.equal(opensOn(s({ freq: 'WEEKLY', byday: '1MO' }), MONDAY), null);
  });

  it('the official example schedule ended in 2005', () => {
    const { directory } = importHsdsJson(example('service_full.json'), { source: 's' });
    const sched = directory.schedule[0]!;
    assert.equal(opensOn(sched, '2005-01-01'), false, 'a Saturday; it opens Thursdays and Fridays');
    assert.equal(opensOn(sched, MONDAY), false);
  });

  it('openings in a window, days and words', () => {
    const d = fixture();
    const o = openingsBetween(d.schedule, MONDAY, '2026-03-08');
    assert.deepEqual(
      o.map((x) => [x.date, x.opensAt]),
      [
        [MONDAY, '09:00'],
        ['2026-03-03', '10:00'],
        ['2026-03-04', '09:00'],
        ['2026-03-06', '09:00'],
      ],
    );
    assert.deepEqual(weeklyDays(d.schedule[1]!), ['MO', 'WE', 'FR']);
    assert.deepEqual(describeSchedule(d.schedule[0]!), {
      key: 'partners.schedule.weekly',
      params: { days: 'TU', opens: '10:00', closes: '14:00' },
    });
    assert.equal(
      describeSchedule(s({ freq: 'MONTHLY', byday: '1MO' })).key,
      'partners.schedule.monthly_by_day',
    );
  });
});

describe('suggestions for a request', () => {
  const maps = {
    categoryTerms: { groceries: [FOOD_TERM] },
    serviceAreaAreas: { [id(31)]: [NORTH], [id(32)]: [SOUTH] },
    areaNames: { [NORTH]: 'North', [SOUTH]: 'South' },
  };
  const input = {
    category: 'groceries',
    areaId: NORTH,
    point: null,
    language: 'en',
    defaultLanguage: 'en',
    today: MONDAY,
  };

  it('"the Elm St food bank serves this area on Tuesdays"', () => {
    const [first, ...rest] = suggestServices(fixture(), [], maps, input);
    assert.equal(first!.serviceId, ELM_PANTRY);
    assert.deepEqual(first!.headline, {
      key: 'partners.suggest.serves_area_on_days',
      params: { name: 'Elm St Food Bank: Elm pantry', area: 'North', days: ['TU'] },
    });
    assert.deepEqual(first!.reasons, [
      {
        key: 'partners.suggest.next_open',
        params: { date: '2026-03-03', opens: '10:00', closes: '14:00' },
      },
    ]);
    assert.deepEqual(rest, [], 'River serves only the south side; the clinic is no grocery');
  });

  it('a language the service speaks ranks it, one it does not list warns', () => {
    const south = { ...input, areaId: SOUTH, language: 'es' };
    const [river] = suggestServices(fixture(), [], maps, south);
    assert.ok(river!.reasons.some((r) => r.key === 'partners.suggest.speaks'));
    assert.ok(
      river!.warnings.some((w) => w.key === 'partners.suggest.stale'),
      'checked over a year ago',
    );
    const north = suggestServices(fixture(), [], maps, { ...input, language: 'es' })[0]!;
    assert.ok(north.warnings.some((w) => w.key === 'partners.suggest.language_not_listed'));
  });

  it('no area known for the request: every grocery service, with the area unknown', () => {
    const all = suggestServices(fixture(), [], maps, { ...input, areaId: null });
    assert.deepEqual(all.map((s) => s.serviceId).sort(), [ELM_PANTRY, RIVER_PANTRY].sort());
    assert.ok(all.every((s) => s.warnings.some((w) => w.key === 'partners.suggest.area_unknown')));
  });

  it('never a do-not-list, closed or unmapped-category service', () => {
    const off = [
      verification(ELM_PANTRY, {
        doNotList: { reason: 'closed', note: null, by: 'a', on: MONDAY },
      }),
    ];
    assert.deepEqual(suggestServices(fixture(), off, maps, input), []);
    const d = fixture();
    d.service[0]!.status = 'temporarily closed';
    assert.deepEqual(suggestServices(d, [], maps, input), []);
    assert.deepEqual(suggestServices(fixture(), [], maps, { ...input, category: 'ride' }), []);
  });
});
