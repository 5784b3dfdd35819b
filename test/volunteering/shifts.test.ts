import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { ALL_WEEK } from '../../src/domain/time/weekly-slots.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { saveVolunteerProfile } from '../../src/server/offers/volunteer-profile.service.ts';
import { suggestionsFor } from '../../src/server/requests/request-matching.service.ts';
import { claimTask } from '../../src/server/requests/task.service.ts';
import {
  cancelEvent,
  createEvent,
  editEvent,
} from '../../src/server/volunteering/event.service.ts';
import { listPersonShifts } from '../../src/server/volunteering/signup.repository.ts';
import { cancelSignup, signUp } from '../../src/server/volunteering/signup.service.ts';
import {
  createTraining,
  recordMemberTraining,
} from '../../src/server/volunteering/training.service.ts';
import {
  feedPath,
  listPublicMilestones,
  resetFeedLink,
  setCelebrate,
} from '../../src/server/volunteering/wellbeing.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

describe('events, shifts and sign-ups', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  const scope = (id: string) => resolveScope(ctx.db, asPerson(id), net.network.slug);
  const coordinator = () => net.members.coordinator.id;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    areaId = await addArea(ctx, net.network);
    await ctx.db
      .updateTable('networks')
      .set({ time_zone: 'Europe/Madrid' })
      .where('id', '=', net.network.id)
      .execute();
  });
  after(() => ctx.close());

  async function series(over: Record<string, unknown> = {}) {
    return createEvent(ctx.deps, {
      actor: asPerson(coordinator()),
      scope: await scope(coordinator()),
      input: {
        kind: 'distribution',
        title: 'Saturday distribution',
        place: 'Community hall',
        visibility: 'public',
        date: '2026-11-24',
        startTime: '09:00',
        endTime: '12:00',
        repeat: 'weekly',
        weekdays: ['SA'],
        role: 'packer',
        slots: 1,
        ...over,
      },
    });
  }

  async function shiftsOf(eventId: string) {
    return ctx.db.selectFrom('vol_shifts').selectAll().where('event_id', '=', eventId).execute();
  }

  async function profile(personId: string, cap: number, categories = ['groceries']) {
    await saveVolunteerProfile(ctx.deps, {
      actor: asPerson(personId),
      scope: await scope(personId),
      input: {
        categories,
        skills: '',
        languages: ['es', 'en'],
        transport: 'car',
        hasCar: true,
        homeAreaId: areaId,
        homeLat: 45.5231,
        homeLng: -122.6705,
        radiusKm: 20,
        availability: ALL_WEEK,
        weeklyHourCap: cap,
      },
    });
  }

  it('a weekly series is made half a year ahead, every Saturday at 09:00 Madrid time, across DST', async () => {
    const { event, count } = await series();
    assert.ok(count >= 25 && count <= 27, `${count} occurrences`);
    assert.equal(event.startsAt, '2026-11-28T08:00:00.000Z'); // 09:00 CET
    const all = await ctx.db
      .selectFrom('vol_events')
      .select(['starts_at'])
      .where('series_id', '=', event.seriesId)
      .orderBy('starts_at')
      .execute();
    const summer = all.find((e) => e.starts_at.startsWith('2027-04-03'));
    assert.equal(summer?.starts_at, '2027-04-03T07:00:00.000Z'); // 09:00 CEST
  });

  it('two volunteers asking for the last slot at the same moment: one gets it, the other waits, and moves up when the first drops', async () => {
    for (let round = 0; round < 3; round++) {
      const { event } = await series({ date: `2026-12-0${round + 1}`, repeat: 'none' });
      const [shift] = await shiftsOf(event.id);
      const people = await Promise.all([1, 2].map(() => addMember(ctx, net.network, 'volunteer')));
      const scopes = await Promise.all(people.map((p) => scope(p.id)));
      const results = await Promise.all(
        people.map((p, i) =>
          signUp(ctx.deps, { actor: asPerson(p.id), scope: scopes[i]!, shiftId: shift!.id }),
        ),
      );
      assert.deepEqual([...results].sort(), ['confirmed', 'waitlisted'], `round ${round}`);
      const winner = people[results.indexOf('confirmed')]!;
      const waiting = people[results.indexOf('waitlisted')]!;
      const r = await cancelSignup(ctx.deps, {
        actor: asPerson(winner.id),
        scope: await scope(winner.id),
        shiftId: shift!.id,
      });
      assert.equal(r.promoted, waiting.id);
      const rows = await ctx.db
        .selectFrom('vol_signups')
        .select(['person_id', 'status'])
        .where('shift_id', '=', shift!.id)
        .execute();
      assert.equal(rows.find((x) => x.person_id === waiting.id)?.status, 'confirmed');
      assert.equal(rows.find((x) => x.person_id === winner.id)?.status, 'cancelled');
    }
  });

  it('refuses a shift that overlaps another of the same person', async () => {
    const v = await addMember(ctx, net.network, 'volunteer');
    const a = await series({ date: '2026-12-10', repeat: 'none', slots: 5 });
    const b = await series({
      date: '2026-12-10',
      repeat: 'none',
      slots: 5,
      startTime: '11:00',
      endTime: '13:00',
      place: 'Other hall',
    });
    await signUp(ctx.deps, {
      actor: asPerson(v.id),
      scope: await scope(v.id),
      shiftId: (await shiftsOf(a.event.id))[0]!.id,
    });
    await assert.rejects(
      signUp(ctx.deps, {
        actor: asPerson(v.id),
        scope: await scope(v.id),
        shiftId: (await shiftsOf(b.event.id))[0]!.id,
      }),
      { code: 'SHIFT_OVERLAP' },
    );
  });

  it('a volunteer at their weekly cap cannot sign up past it, and is not suggested for tasks', async () => {
    const v = await addMember(ctx, net.network, 'volunteer');
    await profile(v.id, 4);
    const { event } = await series({
      date: '2026-11-26',
      repeat: 'none',
      slots: 5,
      startTime: '09:00',
      endTime: '12:00',
    });
    const first = await series({
      date: '2026-11-27',
      repeat: 'none',
      slots: 5,
      startTime: '09:00',
      endTime: '11:00',
    });
    const request = (await makeRequest(ctx, net.network, { areaId })).summary;
    const coord = await scope(coordinator());
    const before = await suggestionsFor(ctx.deps, { scope: coord, request });
    assert.ok(
      before.some((s) => s.volunteerId === v.id),
      'suggested while under the cap',
    );
    await signUp(ctx.deps, {
      actor: asPerson(v.id),
      scope: await scope(v.id),
      shiftId: (await shiftsOf(first.event.id))[0]!.id,
    });
    await assert.rejects(
      signUp(ctx.deps, {
        actor: asPerson(v.id),
        scope: await scope(v.id),
        shiftId: (await shiftsOf(event.id))[0]!.id,
      }),
      { code: 'SHIFT_OVER_CAP' },
    );
    const { t } = { t: (await import('../../src/i18n/i18n.ts')).translator('en') };
    assert.match(t('error.shiftOverCap', { hours: 3, cap: 4, used: 2 }), /Rest matters/);
    // 2 h of shifts + a groceries task (about 1.5 h) would still fit 4; a 3 h one more does not.
    await profile(v.id, 2);
    const after = await suggestionsFor(ctx.deps, { scope: coord, request });
    assert.ok(!after.some((s) => s.volunteerId === v.id), 'not suggested at the cap');
  });

  it('work that needs a training: refused without it, allowed once recorded, and claimed tasks too', async () => {
    const v = await addMember(ctx, net.network, 'volunteer');
    const coord = await scope(coordinator());
    const training = await createTraining(ctx.deps, {
      actor: asPerson(coordinator()),
      scope: coord,
      input: { name: 'Food safety', validDays: 365, categories: ['meals'], roles: ['cook'] },
    });
    const { event } = await series({ date: '2026-12-12', repeat: 'none', role: 'cook' });
    const [shift] = await shiftsOf(event.id);
    await assert.rejects(
      signUp(ctx.deps, { actor: asPerson(v.id), scope: await scope(v.id), shiftId: shift!.id }),
      {
        code: 'TRAINING_REQUIRED',
      },
    );
    const meals = (await makeRequest(ctx, net.network, { areaId, category: 'meals' })).summary;
    await assert.rejects(
      claimTask(ctx.deps, { actor: asPerson(v.id), scope: await scope(v.id), requestId: meals.id }),
      {
        code: 'TRAINING_REQUIRED',
      },
    );
    await recordMemberTraining(ctx.deps, {
      actor: asPerson(coordinator()),
      scope: coord,
      input: { personId: v.id, trainingId: training.id, completedOn: '2026-11-01' },
    });
    assert.equal(
      await signUp(ctx.deps, {
        actor: asPerson(v.id),
        scope: await scope(v.id),
        shiftId: shift!.id,
      }),
      'confirmed',
    );
    await claimTask(ctx.deps, {
      actor: asPerson(v.id),
      scope: await scope(v.id),
      requestId: meals.id,
    });
  });

  it('iCalendar: the public feed is RFC 5545 with a VTIMEZONE and an RRULE, edits and cancellations as overrides', async () => {
    const { event } = await series({
      title: 'Garden day',
      kind: 'garden',
      date: '2026-11-23',
      weekdays: ['SU'],
    });
    const all = await ctx.db
      .selectFrom('vol_events')
      .select(['id', 'occurrence_date'])
      .where('series_id', '=', event.seriesId)
      .orderBy('occurrence_date')
      .execute();
    const coord = await scope(coordinator());
    await cancelEvent(ctx.deps, {
      actor: asPerson(coordinator()),
      scope: coord,
      eventId: all[1]!.id,
    });
    await editEvent(ctx.deps, {
      actor: asPerson(coordinator()),
      scope: coord,
      eventId: all[4]!.id,
      input: {
        kind: 'garden',
        title: 'Garden day (later start)',
        place: 'Community hall',
        visibility: 'public',
        date: all[4]!.occurrence_date!,
        startTime: '10:00',
        endTime: '12:00',
        apply: 'following',
      },
    });
    const res = await ctx.app.inject({ method: 'GET', url: `/n/${net.network.slug}/calendar.ics` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(res.body));
    assert.ok(comp.getFirstSubcomponent('vtimezone'), 'has a VTIMEZONE');
    const vevents = comp.getAllSubcomponents('vevent');
    const master = vevents.find(
      (v) => v.getFirstPropertyValue('summary') === 'Garden day' && v.hasProperty('rrule'),
    );
    assert.ok(master, 'the series master with its RRULE');
    const cancelled = vevents.find(
      (v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('status') === 'CANCELLED',
    );
    assert.ok(cancelled, 'a cancelled occurrence');
    const e = new ICAL.Event(master!);
    const it = e.iterator();
    const first = it.next()!;
    assert.equal(first.toJSDate().toISOString(), '2026-11-29T08:00:00.000Z');
    assert.equal(first.zone.tzid, 'Europe/Madrid');
    const later = vevents.find(
      (v) =>
        v.getFirstPropertyValue('summary') === 'Garden day (later start)' && v.hasProperty('rrule'),
    );
    assert.ok(later, 'the series split at the edit');
    assert.match(master!.getFirstPropertyValue('rrule')!.toString(), /UNTIL=/);
  });

  it('the personal feed shows the shifts by a private link that can be reset; milestones only when chosen', async () => {
    const v = await addMember(ctx, net.network, 'volunteer');
    const { event } = await series({ title: 'Packing day', date: '2026-12-15', repeat: 'none' });
    const [shift] = await shiftsOf(event.id);
    await signUp(ctx.deps, { actor: asPerson(v.id), scope: await scope(v.id), shiftId: shift!.id });
    const vs = await scope(v.id);
    const path = await feedPath(ctx.deps, vs, v.id);
    const res = await ctx.app.inject({ method: 'GET', url: path });
    assert.equal(res.statusCode, 200);
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const [ev] = comp.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.match(ev!.summary, /Packing day/);
    assert.equal(ev!.startDate.toJSDate().toISOString(), shift!.starts_at);
    await resetFeedLink(ctx.deps, { actor: asPerson(v.id), scope: vs });
    assert.equal((await ctx.app.inject({ method: 'GET', url: path })).statusCode, 404);
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: await feedPath(ctx.deps, vs, v.id) })).statusCode,
      200,
    );
    assert.equal((await listPersonShifts(ctx.db, net.network.id, v.id)).length, 1);

    await ctx.db
      .updateTable('vol_signups')
      .set({ checked_in_at: '2026-12-15T12:00:00.000Z', hours: 12 })
      .where('person_id', '=', v.id)
      .execute();
    assert.deepEqual(await listPublicMilestones(ctx.deps, net.network.id), []);
    await setCelebrate(ctx.deps, { actor: asPerson(v.id), scope: vs, celebrate: true });
    const shown = await listPublicMilestones(ctx.deps, net.network.id);
    assert.deepEqual(
      shown.map((m) => m.milestones),
      [['hours10']],
    );
  });
});
