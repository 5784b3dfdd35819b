import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import type { Area } from '../../src/server/core/area.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { addArea } from '../../src/server/networks/network.service.ts';
import { DAY } from '../../src/shared/clock.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

/** The text of a field's error message, as the page shows it under the field. */
function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`<p class="error" id="field-${name}-error">([^<]*)</p>`).exec(html);
  return m ? text(m[1] ?? '') : null;
}

const checked = (html: string, id: string) =>
  new RegExp(`<input[^>]*id="${id}"[^>]*checked`).test(html);

/** A whole, good profile as the form posts it. */
const GOOD = {
  'category-groceries': '1',
  'category-ride': '1',
  'language-es': '1',
  otherLanguages: 'ti, QU',
  transport: 'bike',
  hasCar: '1',
  radiusKm: '2,5',
  weeklyHourCap: '6',
  'slot-mon-morning': '1',
  'slot-sat-evening': '1',
  skills: 'First aid course',
};

describe('my volunteering: the profile form and the break switch', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let area: Area;
  let volunteer: Agent;
  let page: string;

  const profileOf = (personId: string) =>
    ctx.db
      .selectFrom('volunteer_profiles')
      .selectAll()
      .where('network_id', '=', net.network.id)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  const auditCount = async (action: string) =>
    (await ctx.db.selectFrom('audit_events').select('id').where('action', '=', action).execute())
      .length;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    const admin = net.admin;
    const scope = await resolveScope(
      ctx.db,
      {
        kind: 'person',
        personId: admin.id,
        displayName: admin.name,
        isOperator: false,
        preferredLanguage: null,
        sessionId: 'x',
      },
      net.network.slug,
    );
    area = await addArea(ctx.deps, {
      actor: { kind: 'system', label: 'test' },
      scope,
      input: { name: 'Plaza Norte', lat: 19.43, lng: -99.13, radiusM: 800 },
    });
    volunteer = agent(ctx.app);
    assert.equal((await volunteer.signIn(net.members.volunteer.email)).statusCode, 303);
    page = `/n/${net.network.slug}/volunteering`;
  });
  after(() => ctx.close());

  it('shows an empty form with labelled groups, a 7×3 grid with headers, and no break switch yet', async () => {
    const res = await volunteer.get(page);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(
      html,
      /<fieldset[^>]*id="field-categories"[^>]*>\s*<legend>What you can help with/,
    );
    assert.match(html, /<fieldset[^>]*id="field-transport"[^>]*>\s*<legend>How you get around/);
    assert.match(html, /<div[^>]*id="field-availability"[^>]*role="group"/);
    assert.match(html, /aria-labelledby="field-availability-legend"/);
    assert.ok(text(html).includes('English'), "languages named in the reader's language");
    assert.equal((html.match(/<th scope="row"/g) ?? []).length, 7, 'a row header per day');
    assert.equal((html.match(/name="slot-[a-z]+-[a-z]+"/g) ?? []).length, 21);
    assert.match(html, /aria-labelledby="slot-day-mon slot-part-morning"/);
    assert.match(html, /<option value="[^"]+">Plaza Norte<\/option>/, 'the area select');
    // Nobody types a latitude any more (issue 12): the map is the picker, the cell is hidden.
    assert.ok(text(html).includes(en['maps.picker.hint']));
    assert.match(html, /<input type="image"[^>]*name="place"[^>]*width="288"/);
    assert.match(html, /<input type="hidden" name="homeLat" value[/ >]/);
    assert.doesNotMatch(html, /<input[^>]*type="text"[^>]*name="home(Lat|Lng)"/);
    assert.ok(text(html).includes(en['volunteering.breakNeedsProfile']));
    assert.doesNotMatch(html, /action="[^"]*\/volunteering\/break"/);
  });

  it('saves the profile from the form, and shows it again filled in', async () => {
    const res = await volunteer.post(page, { ...GOOD, homeAreaId: area.id });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    assert.equal(res.headers.location, `${page}?done=profileSaved`);
    const row = await profileOf(net.members.volunteer.id);
    assert.ok(row);
    assert.deepEqual(JSON.parse(row.categories), ['groceries', 'ride']);
    assert.deepEqual(JSON.parse(row.languages), ['es', 'ti', 'qu']);
    assert.equal(row.transport, 'bike');
    assert.equal(Number(row.has_car), 1);
    assert.equal(Number(row.radius_km), 2.5, 'a decimal comma is understood');
    assert.equal(Number(row.weekly_hour_cap), 6);
    assert.equal(Number(row.availability_mask), (1 << 0) | (1 << (5 * 3 + 2)));
    assert.equal(row.home_area_id, area.id);
    assert.equal(row.home_lat, null);
    assert.equal(await auditCount('volunteer_profile.saved'), 1);

    const shown = await volunteer.get(`${page}?done=profileSaved`);
    assert.ok(text(shown.body).includes(en['volunteering.done.saved']));
    for (const id of [
      'field-categories-groceries',
      'field-categories-ride',
      'field-languages-es',
      'field-transport-bike',
      'slot-mon-morning',
      'slot-sat-evening',
    ]) {
      assert.ok(checked(shown.body, id), `${id} is ticked`);
    }
    assert.ok(!checked(shown.body, 'field-languages-en'));
    assert.ok(!checked(shown.body, 'slot-tue-morning'));
    assert.match(shown.body, /name="otherLanguages"[^>]*value="ti, qu"/);
    assert.match(shown.body, new RegExp(`<option value="${area.id}" selected`));
    assert.match(shown.body, /<textarea[^>]*name="skills"[^>]*>First aid course<\/textarea>/);
  });

  it('edits the profile: a second save replaces the first, in place', async () => {
    const before = await profileOf(net.members.volunteer.id);
    ctx.clock.advance(60_000);
    const res = await volunteer.submit(page, page, {
      'category-meals': '1',
      'language-en': '1',
      transport: 'walk',
      radiusKm: '1',
      weeklyHourCap: '2',
      homeLat: '19.4326',
      homeLng: '-99.1332',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const row = await profileOf(net.members.volunteer.id);
    assert.equal(row?.id, before?.id, 'the same profile');
    assert.deepEqual(JSON.parse(row?.categories ?? ''), ['meals']);
    assert.deepEqual(JSON.parse(row?.languages ?? ''), ['en']);
    assert.equal(Number(row?.has_car), 0, 'an unticked box clears it');
    assert.equal(row?.home_area_id, null);
    assert.equal(Number(row?.home_lat), 19.4326);
    assert.equal(Number(row?.availability_mask), 0);
    assert.notEqual(row?.updated_at, before?.updated_at);
    const count = await ctx.db
      .selectFrom('volunteer_profiles')
      .select('id')
      .where('person_id', '=', net.members.volunteer.id)
      .execute();
    assert.equal(count.length, 1);
  });

  it('a form with mistakes comes back with each at its field, everything typed kept, nothing saved', async () => {
    const before = await profileOf(net.members.volunteer.id);
    const res = await volunteer.submit(page, page, {
      'category-childcare': '1',
      'language-es': '1',
      otherLanguages: 'tigrinya!',
      radiusKm: 'far',
      weeklyHourCap: '6',
      'slot-wed-evening': '1',
      skills: 'Cooking for many',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'transport'), en['field.required']);
    assert.equal(fieldError(res.body, 'radiusKm'), en['volunteering.radiusInvalid']);
    assert.equal(fieldError(res.body, 'otherLanguages'), en['volunteering.otherLanguagesInvalid']);
    assert.equal(fieldError(res.body, 'weeklyHourCap'), null);
    assert.match(res.body, /href="#field-transport"/, 'the summary links to the group');
    assert.match(res.body, /name="radiusKm"[^>]*value="far"/);
    assert.match(res.body, /name="otherLanguages"[^>]*value="tigrinya!"/);
    assert.match(res.body, />Cooking for many<\/textarea>/);
    assert.ok(checked(res.body, 'field-categories-childcare'), 'ticked boxes stay ticked');
    assert.ok(checked(res.body, 'slot-wed-evening'));
    assert.ok(!checked(res.body, 'field-categories-meals'), 'what was saved is not mixed in');
    assert.deepEqual(await profileOf(net.members.volunteer.id), before);
  });

  it('numbers out of range, half a point, and an unknown area: all named at their fields at once', async () => {
    const before = await profileOf(net.members.volunteer.id);
    const res = await volunteer.submit(page, page, {
      transport: 'car',
      radiusKm: '80',
      weeklyHourCap: '0,2',
      homeLat: '19.4',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'radiusKm'), en['volunteering.radiusInvalid']);
    assert.equal(fieldError(res.body, 'weeklyHourCap'), en['volunteering.hourCapInvalid']);
    // The cell's hidden fields are named at the map, where the reader can mend them.
    assert.equal(fieldError(res.body, 'place'), en['volunteering.bothCoordinates']);
    assert.match(res.body, /name="homeLat"[^>]*value="19.4"/);
    assert.match(res.body, /name="weeklyHourCap"[^>]*value="0,2"/);

    const res2 = await volunteer.submit(page, page, {
      transport: 'car',
      radiusKm: '5',
      weeklyHourCap: '3',
      homeLat: '95',
      homeLng: '10',
      homeAreaId: 'not-an-area',
    });
    assert.equal(res2.statusCode, 422);
    assert.equal(fieldError(res2.body, 'place'), en['volunteering.latInvalid']);

    const res3 = await volunteer.submit(page, page, {
      transport: 'car',
      radiusKm: '5',
      weeklyHourCap: '3',
      homeAreaId: 'not-an-area',
    });
    assert.equal(res3.statusCode, 422);
    assert.equal(fieldError(res3.body, 'homeAreaId'), en['field.choose']);
    assert.deepEqual(await profileOf(net.members.volunteer.id), before);
  });

  it('the mistakes come back in Spanish for a Spanish reader', async () => {
    const esAgent = agent(ctx.app, { 'accept-language': 'es' });
    await esAgent.signIn(net.members.neighbour.email);
    const res = await esAgent.submit(page, page, {
      transport: 'walk',
      radiusKm: '99',
      weeklyHourCap: '1',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'radiusKm'), es['volunteering.radiusInvalid']);
    assert.ok(text(res.body).includes(es['volunteering.categories']));
    assert.ok(text(res.body).includes('Inglés'), 'languages named in Spanish');
  });

  describe('the break switch', () => {
    it('one click starts a break with no date, and one click ends it', async () => {
      const shown = await volunteer.get(page);
      assert.match(shown.body, new RegExp(`action="${page}/break"`));
      assert.ok(text(shown.body).includes(en['volunteering.notOnBreak']));

      const on = await volunteer.post(`${page}/break`, { onBreak: 'on' });
      assert.equal(on.statusCode, 303);
      assert.equal(on.headers.location, `${page}?done=breakStarted`);
      let row = await profileOf(net.members.volunteer.id);
      assert.equal(Number(row?.on_break), 1);
      assert.equal(row?.break_until, null);
      const during = await volunteer.get(`${page}?done=breakStarted`);
      assert.ok(text(during.body).includes(en['volunteering.onBreak']));
      assert.ok(text(during.body).includes(en['volunteering.endBreak']));
      assert.match(during.body, /name="onBreak" value="off"/);

      const off = await volunteer.post(`${page}/break`, { onBreak: 'off' });
      assert.equal(off.statusCode, 303);
      assert.equal(off.headers.location, `${page}?done=breakEnded`);
      row = await profileOf(net.members.volunteer.id);
      assert.equal(Number(row?.on_break), 0);
      assert.equal(await auditCount('volunteer_profile.break_started'), 1);
      assert.equal(await auditCount('volunteer_profile.break_ended'), 1);
    });

    it('a break until a date shows that date, and is over the day after', async () => {
      const until = new Date(ctx.clock.now().getTime() + 3 * DAY).toISOString().slice(0, 10);
      await volunteer.get(page);
      const on = await volunteer.post(`${page}/break`, { onBreak: 'on', breakUntil: until });
      assert.equal(on.statusCode, 303);
      const row = await profileOf(net.members.volunteer.id);
      assert.equal(row?.break_until, until);
      const during = await volunteer.get(page);
      assert.match(during.body, /You are taking a break until [^<]+, that day included/);

      ctx.clock.advance(4 * DAY);
      const after = await volunteer.get(page);
      assert.ok(text(after.body).includes(en['volunteering.notOnBreak']), 'the break ended');
      // Switch it off properly for the tests after this one.
      await volunteer.post(`${page}/break`, { onBreak: 'off' });
    });

    it('a date in the past or not a date: the error is at the date field, and nothing changes', async () => {
      const before = await profileOf(net.members.volunteer.id);
      await volunteer.get(page);
      const past = await volunteer.post(`${page}/break`, {
        onBreak: 'on',
        breakUntil: '2020-01-01',
      });
      assert.equal(past.statusCode, 422);
      assert.equal(fieldError(past.body, 'breakUntil'), en['volunteering.breakUntilPast']);
      assert.match(past.body, /name="breakUntil"[^>]*value="2020-01-01"/);
      const bad = await volunteer.post(`${page}/break`, {
        onBreak: 'on',
        breakUntil: '2026-02-30',
      });
      assert.equal(bad.statusCode, 422);
      assert.equal(fieldError(bad.body, 'breakUntil'), en['volunteering.breakUntilInvalid']);
      const words = await volunteer.post(`${page}/break`, {
        onBreak: 'on',
        breakUntil: 'next week',
      });
      assert.equal(words.statusCode, 422);
      assert.equal(fieldError(words.body, 'breakUntil'), en['volunteering.breakUntilInvalid']);
      assert.deepEqual(await profileOf(net.members.volunteer.id), before);
    });

    it('a break before any profile exists is not found, and creates nothing', async () => {
      const coordinator = agent(ctx.app);
      await coordinator.signIn(net.members.coordinator.email);
      await coordinator.get(page);
      const res = await coordinator.post(`${page}/break`, { onBreak: 'on' });
      assert.equal(res.statusCode, 404);
      assert.equal(await profileOf(net.members.coordinator.id), undefined);
    });
  });

  it('a neighbour keeps a profile too, and is told a coordinator confirms volunteers', async () => {
    const neighbour = agent(ctx.app);
    await neighbour.signIn(net.members.neighbour.email);
    const shown = await neighbour.get(page);
    assert.equal(shown.statusCode, 200);
    assert.ok(text(shown.body).includes(en['volunteering.neighbourNote']));
    const res = await neighbour.post(page, {
      transport: 'public',
      radiusKm: '4',
      weeklyHourCap: '2',
    });
    assert.equal(res.statusCode, 303);
    assert.ok(await profileOf(net.members.neighbour.id));
  });

  it('signed out: 401; not a member: 403; a refused post saves nothing', async () => {
    const anon = agent(ctx.app);
    assert.equal((await anon.get(page)).statusCode, 401);
    const stranger = agent(ctx.app);
    const who = await makeAccount(ctx, { name: 'Stranger' });
    await stranger.signIn(who.email);
    assert.equal((await stranger.get(page)).statusCode, 403);
    await stranger.get('/account');
    const res = await stranger.post(page, { transport: 'walk', radiusKm: '1', weeklyHourCap: '1' });
    assert.equal(res.statusCode, 403);
    assert.equal(await profileOf(who.id), undefined);
    const brk = await stranger.post(`${page}/break`, { onBreak: 'on' });
    assert.equal(brk.statusCode, 403);
  });
});
