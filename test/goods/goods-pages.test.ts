import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addWant, createHousehold } from '../../src/server/goods/household.service.ts';
import { recordMovement } from '../../src/server/goods/stock.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { POPPLER_SKIP, pdfText } from '../helpers/pdf.ts';
import { makeRequest } from '../helpers/requests.ts';
import { makeGoods, scopeAs } from './helpers.ts';

describe(`goods pages: door, limits, paper, allocation, report (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let g: Awaited<ReturnType<typeof makeGoods>>;
  let slug: string;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    slug = net.network.slug;
    g = await makeGoods(ctx, net.network, net.members.coordinator.id, {
      name: 'Diapers',
      category: 'baby',
      unit: 'pack',
      limitQuantity: 2,
      limitDays: 7,
      limitHard: true,
    });
    await recordMovement(ctx.deps, {
      ...g.as,
      input: { kind: 'donation', itemId: g.item.id, quantity: 20, toSiteId: g.siteA.id },
    });
  });
  after(() => ctx.close());

  it('a volunteer runs the door: new household, search, check-in, the hard limit refuses', async () => {
    const coord = agent(ctx.app);
    await coord.signIn(net.members.coordinator.email);
    await coord.get(`/n/${slug}/goods/days`);
    const created = await coord.post(`/n/${slug}/goods/days`, {
      siteId: g.siteA.id,
      day: '2026-11-28',
      [`item_${g.item.id}`]: '2',
    });
    assert.equal(created.statusCode, 303);
    const dayUrl = String(created.headers.location).split('?')[0]!;

    // The paper fallback: the coordinator prints this day's sign-in sheet from the day page.
    const day = await coord.get(dayUrl);
    const sheet = /href="([^"]*sign-in-sheet\.pdf[^"]*)"/.exec(day.body)?.[1];
    assert.ok(sheet, 'the day page links its sign-in sheet');
    const pdf = await coord.get(sheet.replace(/&amp;/g, '&'));
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    if (!POPPLER_SKIP) {
      const words = pdfText(pdf.rawPayload);
      assert.match(words, new RegExp(g.siteA.name));
      assert.match(words, /2026/);
    }

    const vol = agent(ctx.app);
    await vol.signIn(net.members.volunteer.email);
    await vol.get(dayUrl);
    assert.ok(!(await vol.get(dayUrl)).body.includes('sign-in-sheet.pdf'), 'coordinators print');
    const added = await vol.post(`${dayUrl}/household`, {
      name: 'Marisol Lopez',
      phone: '+1 555 010 9999',
      size: '4',
      language: 'es',
    });
    assert.equal(added.statusCode, 303);
    const found = await vol.get(`${dayUrl}?q=lopez`);
    assert.match(text(found.body), /Marisol Lopez/);
    const householdId = /name="householdId" value="([^"]+)"/.exec(found.body)?.[1];
    assert.ok(householdId);
    const byPhone = await vol.get(`${dayUrl}?q=${encodeURIComponent('555 010 9999')}`);
    assert.match(byPhone.body, new RegExp(householdId));

    const ok = await vol.post(`${dayUrl}/check-in`, {
      householdId,
      [`give_${g.item.id}`]: '2',
      q: 'lopez',
    });
    assert.equal(ok.statusCode, 303);
    const again = await vol.post(`${dayUrl}/check-in`, {
      householdId,
      [`give_${g.item.id}`]: '1',
      q: 'lopez',
    });
    assert.equal(again.statusCode, 409);
    assert.match(text(again.body), /already been checked in/);

    // Another day, the same week: the hard limit (2 packs every 7 days) refuses.
    await coord.get(`/n/${slug}/goods/days`);
    const second = await coord.post(`/n/${slug}/goods/days`, {
      siteId: g.siteA.id,
      day: '2026-11-29',
      [`item_${g.item.id}`]: '1',
    });
    const day2 = String(second.headers.location).split('?')[0]!;
    await vol.get(`${day2}?q=lopez`);
    const limited = await vol.post(`${day2}/check-in`, {
      householdId,
      [`give_${g.item.id}`]: '1',
      q: 'lopez',
    });
    assert.equal(limited.statusCode, 409);
    assert.match(text(limited.body), /reached its limit for Diapers/);
    assert.match(limited.body, /value="1"/, 'what was typed is kept');

    const audits = await ctx.db.selectFrom('audit_events').select('action').execute();
    assert.ok(
      audits.some((a) => a.action === 'household.private_viewed'),
      'the door view is audited',
    );
    const row = await ctx.db.selectFrom('households').selectAll().executeTakeFirstOrThrow();
    assert.ok(!String(row.name_enc).includes('Marisol') && !String(row.phone_enc).includes('9999'));

    // A neighbour sees the report, not the door or the stock.
    const nb = agent(ctx.app);
    await nb.signIn(net.members.neighbour.email);
    assert.equal((await nb.get(dayUrl)).statusCode, 403);
    const report = await nb.get(`/n/${slug}/goods/report?from=2026-01-01&to=2026-12-31`);
    assert.equal(report.statusCode, 200);
    assert.doesNotMatch(report.body, /Marisol/);
    assert.match(text(report.body), /1 households \(each counted once\)/);
  });

  it('a paper sheet is entered in bulk: each line recorded or explained', async () => {
    const as = await scopeAs(ctx, net.network, net.members.coordinator.id);
    const h = await createHousehold(ctx.deps, {
      ...as,
      input: { name: 'Paper Person', size: 2, language: 'en' },
    });
    const coord = agent(ctx.app);
    await coord.signIn(net.members.coordinator.email);
    await coord.get(`/n/${slug}/goods/days`);
    const created = await coord.post(`/n/${slug}/goods/days`, {
      siteId: g.siteA.id,
      day: '2026-11-30',
      [`item_${g.item.id}`]: '1',
    });
    const dayUrl = String(created.headers.location).split('?')[0]!;
    await coord.get(`${dayUrl}/paper`);
    const res = await coord.post(`${dayUrl}/paper?lines=10`, {
      code_0: h.code.toLowerCase(),
      code_1: 'ZZZ-ZZZ',
      code_2: h.code,
    });
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.match(body, /Line 1 \(.{7}\): recorded/);
    assert.match(body, /Line 2: no household with code/);
    assert.match(body, /Line 3 \(.{7}\): already checked in/);
  });

  it('an allocation round: proposed, explained, approved, never more than the stock', async () => {
    const as = await scopeAs(ctx, net.network, net.members.coordinator.id);
    const rice = await makeGoods(ctx, net.network, net.members.coordinator.id);
    await recordMovement(ctx.deps, {
      ...as,
      input: { kind: 'donation', itemId: rice.item.id, quantity: 7, toSiteId: rice.siteA.id },
    });
    for (const size of [1, 3, 6]) {
      const h = await createHousehold(ctx.deps, {
        ...as,
        input: { name: `Family ${size}`, size, language: 'en' },
      });
      await addWant(ctx.deps, {
        ...as,
        householdId: h.id,
        input: { itemId: rice.item.id, quantity: 5 },
      });
    }
    const coord = agent(ctx.app);
    await coord.signIn(net.members.coordinator.email);
    await coord.get(`/n/${slug}/goods/allocations`);
    const proposed = await coord.post(`/n/${slug}/goods/allocations`, {
      itemId: rice.item.id,
      siteId: rice.siteA.id,
    });
    assert.equal(proposed.statusCode, 303);
    const roundUrl = String(proposed.headers.location).split('?')[0]!;
    const page = await coord.get(roundUrl);
    assert.match(text(page.body), /Each unit of weight gets/);
    const approved = await coord.post(`${roundUrl}/approve`, {});
    assert.equal(approved.statusCode, 303);
    const left = await ctx.db
      .selectFrom('stock_levels')
      .select('quantity')
      .where('item_id', '=', rice.item.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.quantity), 0);
    assert.equal(
      (await coord.post(`${roundUrl}/approve`, {})).statusCode,
      409,
      'approved once only',
    );
  });

  it('a household links to a help request and is found by its code; CSV export', async () => {
    const { summary } = await makeRequest(ctx, net.network);
    const as = await scopeAs(ctx, net.network, net.members.coordinator.id);
    const h = await createHousehold(ctx.deps, {
      ...as,
      input: { name: 'Linked Family', size: 3, language: 'es', requestCode: summary.code },
    });
    const coord = agent(ctx.app);
    await coord.signIn(net.members.coordinator.email);
    const detail = await coord.get(`/n/${slug}/goods/households/${h.id}`);
    assert.match(text(detail.body), /Linked Family/);
    const csv = await coord.get(
      `/n/${slug}/goods/report.csv?table=items&from=2026-01-01&to=2026-12-31`,
    );
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /^month,category,units\r\n2026-11,baby,/);
    const bad = await coord.post(`/n/${slug}/goods/record`, {
      kind: 'donation',
      itemId: g.item.id,
      quantity: 'lots',
    });
    assert.equal(bad.statusCode, 422);
  });
});
