import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { cancelEvent, createEvent } from '../../src/server/volunteering/event.service.ts';
import { signUp } from '../../src/server/volunteering/signup.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { asPerson } from '../helpers/requests.ts';

/**
 * Every form on an event page that is refused or mistaken comes back as the event page with
 * the reason, never a 500 (the page context once lost its path when a handler rendered with
 * a copy of the request); "Add a shift" keeps what was typed; a shift cannot end before it
 * starts.
 */
describe('forms on an event page', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Agent;
  let volunteer: Agent;
  const slug = () => net.network.slug;
  const scope = (id: string) => resolveScope(ctx.db, asPerson(id), slug());

  async function event(date: string) {
    const c = net.members.coordinator.id;
    const { event } = await createEvent(ctx.deps, {
      actor: asPerson(c),
      scope: await scope(c),
      input: {
        kind: 'distribution',
        title: `Distribution ${date}`,
        place: 'Community hall',
        visibility: 'members',
        date,
        startTime: '10:00',
        endTime: '12:00',
        repeat: 'none',
        role: 'packer',
        slots: 2,
      },
    });
    const shift = await ctx.db
      .selectFrom('vol_shifts')
      .select('id')
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    return { eventId: event.id, shiftId: shift.id };
  }
  const shiftCount = async (eventId: string) =>
    (await ctx.db.selectFrom('vol_shifts').select('id').where('event_id', '=', eventId).execute())
      .length;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
  });
  after(() => ctx.close());

  it('"Add a shift" with empty fields comes back with the mistakes at their fields and what was typed', async () => {
    const { eventId } = await event('2026-12-01');
    const page = `/n/${slug()}/events/${eventId}`;
    const res = await coordinator.submit(page, `${page}/shifts`, {
      role: 'driver',
      slots: '3',
      startTime: '',
      endTime: '',
    });
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(res.body, /<html/);
    assert.match(res.body, /name="slots"[^>]*value="3"|value="3"[^>]*name="slots"/);
    assert.match(res.body, /<option[^>]*value="driver"[^>]*selected/);
    assert.equal(await shiftCount(eventId), 1);
  });

  it('a shift that ends before it starts is refused at its end time', async () => {
    const { eventId } = await event('2026-12-02');
    const page = `/n/${slug()}/events/${eventId}`;
    const res = await coordinator.submit(page, `${page}/shifts`, {
      role: 'packer',
      slots: '2',
      startTime: '11:00',
      endTime: '09:00',
    });
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(text(res.body), /ends before it starts|after the start/i);
    assert.match(res.body, /value="11:00"/);
    assert.equal(await shiftCount(eventId), 1);
  });

  it('attendance without an outcome is a 422 page, not a 500', async () => {
    const { eventId, shiftId } = await event('2026-12-03');
    await signUp(ctx.deps, {
      actor: asPerson(net.members.volunteer.id),
      scope: await scope(net.members.volunteer.id),
      shiftId,
    });
    const signup = await ctx.db
      .selectFrom('vol_signups')
      .select('id')
      .where('shift_id', '=', shiftId)
      .executeTakeFirstOrThrow();
    await coordinator.get(`/n/${slug()}/events/${eventId}`);
    const res = await coordinator.post(`/n/${slug()}/signups/${signup.id}/attendance`, {});
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(text(res.body), /Distribution 2026-12-03/);
  });

  it('signing up to a past shift, or to an event cancelled meanwhile, says why on the event page', async () => {
    const past = await event('2026-11-20');
    await volunteer.get(`/n/${slug()}/events/${past.eventId}`);
    const late = await volunteer.post(`/n/${slug()}/shifts/${past.shiftId}/signup`, {});
    assert.equal(late.statusCode, 409, late.body.slice(0, 300));
    assert.match(text(late.body), /Distribution 2026-11-20/);

    const gone = await event('2026-12-04');
    await volunteer.get(`/n/${slug()}/events/${gone.eventId}`);
    await cancelEvent(ctx.deps, {
      actor: asPerson(net.members.coordinator.id),
      scope: await scope(net.members.coordinator.id),
      eventId: gone.eventId,
    });
    const res = await volunteer.post(`/n/${slug()}/shifts/${gone.shiftId}/signup`, {});
    assert.equal(res.statusCode, 409, res.body.slice(0, 300));
  });

  it('a role that may not use a form gets 403, not 500', async () => {
    const { eventId } = await event('2026-12-05');
    const page = `/n/${slug()}/events/${eventId}`;
    await volunteer.get(page);
    for (const [path, fields] of [
      [`${page}/shifts`, { role: 'packer', slots: '2', startTime: '10:00', endTime: '11:00' }],
      [`${page}/shifts`, {}],
      [`${page}/cancel`, {}],
    ] as const) {
      const res = await volunteer.post(path, fields);
      assert.equal(res.statusCode, 403, `${path}: ${res.body.slice(0, 200)}`);
    }
    assert.equal(await shiftCount(eventId), 1);
  });
});
