import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LatLng } from '../../src/domain/geo/geo.ts';
import { batchDispatch } from '../../src/domain/matching/dispatch.ts';
import { explainUnmatched, unmatchedInWords } from '../../src/domain/matching/explain.ts';
import { firstComeGreedy } from '../../src/domain/matching/greedy.ts';
import {
  BALANCED_LOAD,
  NEAREST_FIRST,
  pairWeight,
  URGENCY_FIRST,
} from '../../src/domain/matching/score.ts';
import { reasonsInWords, suggest } from '../../src/domain/matching/suggest.ts';
import type { MatchRequest, MatchVolunteer } from '../../src/domain/matching/types.ts';
import { indexVolunteers } from '../../src/domain/matching/volunteer-index.ts';
import { ALL_WEEK, maskFromNames } from '../../src/domain/time/weekly-slots.ts';

const CENTRE = { lat: 40.4, lng: -3.7 };
/** A point `north` km north and `east` km east of the centre. */
function at(north: number, east = 0): LatLng {
  const lat = CENTRE.lat + north / 111.195;
  return { lat, lng: CENTRE.lng + east / (111.195 * Math.cos((CENTRE.lat * Math.PI) / 180)) };
}
const WEEKDAYS = maskFromNames(
  ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [`${d}-morning`, `${d}-afternoon`]),
);
const WEEKEND = maskFromNames(['sat-morning', 'sun-morning']);

function request(over: Partial<MatchRequest> = {}): MatchRequest {
  return {
    id: 'r1',
    location: CENTRE,
    category: 'groceries',
    urgency: 'normal',
    language: null,
    languageRequired: false,
    slots: ALL_WEEK,
    hours: 1,
    needsCar: false,
    createdAt: 0,
    ...over,
  };
}

function volunteer(over: Partial<MatchVolunteer> = {}): MatchVolunteer {
  return {
    id: 'v1',
    home: CENTRE,
    radiusKm: 5,
    categories: ['groceries'],
    languages: ['es'],
    hasCar: false,
    slots: ALL_WEEK,
    capacity: 2,
    openTasks: 0,
    weeklyHourCap: 6,
    hoursThisWeek: 0,
    onBreak: false,
    ...over,
  };
}

describe('suggest', () => {
  const r = request({ language: 'es', needsCar: true, category: 'ride' });
  const vols = [
    volunteer({
      id: 'ana',
      home: at(2.1),
      languages: ['es', 'en'],
      hasCar: true,
      hoursThisWeek: 3,
      categories: ['ride'],
    }),
    volunteer({ id: 'ben', home: at(1), languages: ['en'], hasCar: true, categories: ['ride'] }),
    volunteer({ id: 'cy', home: at(0.5), hasCar: true, categories: ['ride'], openTasks: 1 }),
    volunteer({ id: 'far', home: at(9), hasCar: true, categories: ['ride'] }),
    volunteer({ id: 'nocar', home: at(0.2), categories: ['ride'] }),
    volunteer({ id: 'resting', home: at(0.2), hasCar: true, categories: ['ride'], onBreak: true }),
    volunteer({ id: 'meals', home: at(0.2), hasCar: true }),
  ];

  it('ranks the eligible by weight and says why, in structured reasons', () => {
    const list = suggest(r, vols, URGENCY_FIRST);
    assert.deepEqual(
      list.map((s) => s.volunteerId),
      ['cy', 'ana', 'ben'].sort(
        (a, b) =>
          pairWeight(r, vols.find((v) => v.id === b)!, URGENCY_FIRST) -
          pairWeight(r, vols.find((v) => v.id === a)!, URGENCY_FIRST),
      ),
    );
    const ana = list.find((s) => s.volunteerId === 'ana')!;
    assert.deepEqual(ana.reasons, [
      { kind: 'distance', km: 2.1 },
      { kind: 'speaks', language: 'es' },
      { kind: 'car' },
      { kind: 'hours', used: 3, cap: 6 },
    ]);
    assert.equal(
      reasonsInWords(ana.reasons),
      '2.1 km away, speaks Spanish, has a car, 3 of 6 weekly hours used',
    );
    const cy = list.find((s) => s.volunteerId === 'cy')!;
    assert.deepEqual(cy.reasons.at(-1), { kind: 'load', open: 1, capacity: 2 });
    assert.match(reasonsInWords(cy.reasons), /1 of 2 tasks open$/);
    assert.equal(ana.weight, 10 * 2 - 0.25 * ana.km + 0.5);
  });

  it('gives the same answer through the index as by scanning everyone', () => {
    const index = indexVolunteers(vols);
    for (const objective of [URGENCY_FIRST, NEAREST_FIRST, BALANCED_LOAD]) {
      assert.deepEqual(suggest(r, index, objective), suggest(r, vols, objective));
    }
    assert.equal(suggest(r, index, URGENCY_FIRST, 2).length, 2);
  });

  it('under NEAREST_FIRST the nearest comes first, under BALANCED_LOAD the one without tasks', () => {
    const two = [
      volunteer({ id: 'near-busy', home: at(0.5), openTasks: 1 }),
      volunteer({ id: 'far-free', home: at(3) }),
    ];
    assert.equal(suggest(request(), two, NEAREST_FIRST)[0]!.volunteerId, 'near-busy');
    assert.equal(suggest(request(), two, BALANCED_LOAD)[0]!.volunteerId, 'far-free');
  });
});

describe('explainUnmatched', () => {
  it('says nobody who speaks Tigrinya within 10 km is free on weekdays', () => {
    const r = request({ language: 'ti', languageRequired: true, slots: WEEKDAYS });
    const vols = [
      volunteer({ id: 'a', home: at(3), radiusKm: 10, languages: ['ti', 'en'], slots: WEEKEND }),
      volunteer({ id: 'b', home: at(-4), radiusKm: 10, languages: ['es'], slots: WEEKDAYS }),
      volunteer({ id: 'c', home: at(30), radiusKm: 8, languages: ['ti'], slots: WEEKDAYS }),
    ];
    const reason = explainUnmatched(r, vols);
    assert.deepEqual(reason, {
      kind: 'nobody-speaks',
      language: 'ti',
      withinKm: 10,
      weekdays: true,
    });
    assert.equal(
      unmatchedInWords(reason),
      'nobody who speaks Tigrinya within 10 km is free on weekdays',
    );
    assert.deepEqual(explainUnmatched(r, vols, indexVolunteers(vols)), reason);
    assert.deepEqual(explainUnmatched(r, vols.slice(1)), {
      kind: 'nobody-speaks',
      language: 'ti',
      withinKm: 10,
    });
  });

  it('names the rule that removed the last candidates', () => {
    const r = request({ needsCar: true });
    const cases: [MatchVolunteer[], string][] = [
      [[], 'nobody-in-range'],
      [[volunteer({ home: at(12) })], 'nobody-in-range'],
      [[volunteer({ categories: ['meals'] })], 'nobody-in-category'],
      [[volunteer({ slots: 0 })], 'no-time-overlap'],
      [[volunteer()], 'needs-car'],
      [[volunteer({ hasCar: true, onBreak: true })], 'all-on-break'],
      [
        [volunteer({ hasCar: true, openTasks: 2 }), volunteer({ hasCar: true, hoursThisWeek: 6 })],
        'all-at-capacity',
      ],
      [[volunteer({ hasCar: true })], 'outbid'],
    ];
    for (const [vols, kind] of cases) {
      const reason = explainUnmatched(r, vols);
      assert.equal(reason.kind, kind, JSON.stringify(vols));
      assert.ok(unmatchedInWords(reason).length > 10);
    }
    // Work that needs a training: nobody holding it is the reason, before the car.
    const trainedOnly = request({ needsCar: true, requiredTrainings: ['food-safety'] });
    assert.equal(
      explainUnmatched(trainedOnly, [volunteer({ hasCar: true })]).kind,
      'nobody-trained',
    );
    assert.equal(
      explainUnmatched(trainedOnly, [volunteer({ trainings: ['food-safety'] })]).kind,
      'needs-car',
    );
    assert.deepEqual(explainUnmatched(r, [volunteer({ home: at(12) })]), {
      kind: 'nobody-in-range',
      nearestKm: 12,
    });
    assert.deepEqual(
      explainUnmatched(r, [
        volunteer({ hasCar: true, openTasks: 2 }),
        volunteer({ hasCar: true, hoursThisWeek: 6 }),
      ]),
      { kind: 'all-at-capacity', withinKm: 5, atCapacity: 1, outOfHours: 1 },
    );
  });
});

describe('batchDispatch', () => {
  it('gives a contested volunteer to the more urgent request; the other was outbid', () => {
    const reqs = [
      request({ id: 'low', urgency: 'low', location: at(0.1), createdAt: 1 }),
      request({ id: 'crit', urgency: 'critical', location: at(3), createdAt: 2 }),
    ];
    const vols = [volunteer({ id: 'v', capacity: 1 })];
    const d = batchDispatch(reqs, vols, URGENCY_FIRST);
    assert.deepEqual(
      d.assignments.map((a) => [a.requestId, a.volunteerId]),
      [['crit', 'v']],
    );
    assert.deepEqual(d.unmatched, [
      { requestId: 'low', reason: { kind: 'outbid', candidates: 1 } },
    ]);
    // First come takes the low one: it came first.
    assert.deepEqual(
      firstComeGreedy(reqs, vols, URGENCY_FIRST).assignments.map((a) => a.requestId),
      ['low'],
    );
  });

  it('beats first come when the first comer takes the only volunteer another one could have', () => {
    const reqs = [
      request({ id: 'a', createdAt: 1, location: at(1) }),
      request({ id: 'b', createdAt: 2, location: at(1), category: 'meals' }),
    ];
    const vols = [
      volunteer({ id: 'both', capacity: 1, categories: ['groceries', 'meals'] }),
      volunteer({ id: 'groc', capacity: 1, home: at(4) }),
    ];
    const d = batchDispatch(reqs, vols, URGENCY_FIRST);
    const g = firstComeGreedy(reqs, vols, URGENCY_FIRST);
    assert.equal(d.assignments.length, 2);
    assert.equal(g.assignments.length, 1);
    assert.ok(d.objectiveValue > g.objectiveValue);
    assert.ok(d.objectiveValue <= d.upperBound + 1e-6);
  });

  it('charges the load penalty per extra task, and BALANCED_LOAD spreads tasks', () => {
    const reqs = [request({ id: 'a', location: at(0.1) }), request({ id: 'b', location: at(0.2) })];
    const vols = [
      volunteer({ id: 'near', capacity: 3 }),
      volunteer({ id: 'far', home: at(4), capacity: 3 }),
    ];
    const urgent = batchDispatch(reqs, vols, URGENCY_FIRST);
    assert.deepEqual(new Set(urgent.assignments.map((a) => a.volunteerId)), new Set(['near']));
    const weights = urgent.assignments.map((a) => a.weight).sort((x, y) => y - x);
    assert.ok(Math.abs(urgent.objectiveValue - weights[0]! - weights[1]!) < 1e-9);
    const balanced = batchDispatch(reqs, vols, BALANCED_LOAD);
    assert.deepEqual(
      new Set(balanced.assignments.map((a) => a.volunteerId)),
      new Set(['near', 'far']),
    );
  });

  it('keeps a volunteer within their weekly hours, re-offering what does not fit', () => {
    const reqs = [
      request({ id: 'a', hours: 2, urgency: 'high' }),
      request({ id: 'b', hours: 2, urgency: 'normal' }),
      request({ id: 'c', hours: 1, urgency: 'low' }),
    ];
    const vols = [
      volunteer({ id: 'busy', capacity: 3, weeklyHourCap: 6, hoursThisWeek: 3 }),
      volunteer({ id: 'other', capacity: 1, home: at(2), categories: ['groceries'] }),
    ];
    const d = batchDispatch(reqs, vols, URGENCY_FIRST);
    const hours = d.assignments
      .filter((a) => a.volunteerId === 'busy')
      .reduce((sum, a) => sum + reqs.find((r) => r.id === a.requestId)!.hours, 0);
    assert.ok(hours <= 3, `busy got ${hours} h`);
    assert.equal(d.assignments.length, 3);
  });

  it('explains requests nobody could take, and returns nothing for nothing', () => {
    const d = batchDispatch(
      [request({ id: 'x', category: 'housing' })],
      [volunteer()],
      NEAREST_FIRST,
    );
    assert.deepEqual(d.unmatched, [
      { requestId: 'x', reason: { kind: 'nobody-in-category', category: 'housing', withinKm: 5 } },
    ]);
    const empty = batchDispatch([], [], URGENCY_FIRST);
    assert.deepEqual([empty.assignments, empty.objectiveValue, empty.unmatched], [[], 0, []]);
  });
});
