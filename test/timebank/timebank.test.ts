import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { decideRequest, requestHours } from '../../src/server/timebank/time-request.service.ts';
import {
  listAccounts,
  listAllPostings,
  writeSettings,
} from '../../src/server/timebank/timebank.repository.ts';
import {
  accountStatement,
  creditFromHelp,
  reverseTransaction,
  sendHours,
} from '../../src/server/timebank/timebank.service.ts';
import { scopeAs } from '../goods/helpers.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';

const send = (to: string, minutes: string) => ({
  legs: [{ to, minutes }],
  category: 'tutoring',
  note: 'maths',
});

describe(`timebank (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let people: { id: string }[];
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    people = [];
    for (let i = 0; i < 4; i++) people.push(await addMember(ctx, net.network, 'neighbour'));
  });
  after(() => ctx.close());
  const as = (id: string) => scopeAs(ctx, net.network, id);

  it('random transfers: every transaction sums to zero and balances equal the postings', async () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    let refused = 0;
    for (let k = 0; k < 40; k++) {
      const from = people[rnd(4)]!.id;
      const to = people[rnd(4)]!.id;
      const other = people[rnd(4)]!.id;
      const m = 15 * (1 + rnd(40));
      const legs = [{ to, minutes: `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}` }];
      if (rnd(2) && other !== to && other !== from) legs.push({ to: other, minutes: '0:45' });
      try {
        await sendHours(ctx.deps, {
          ...(await as(from)),
          input: { legs, category: 'care', note: 'n' },
        });
      } catch (e) {
        refused += 1;
        assert.ok(
          ['TIME_LIMIT_FLOOR', 'VALIDATION_FAILED'].includes((e as { code: string }).code),
          String(e),
        );
      }
    }
    const postings = await listAllPostings(ctx.db, net.network.id);
    const perTx = new Map<string, number>();
    const perAccount = new Map<string, number>();
    for (const p of postings) {
      perTx.set(p.transactionId, (perTx.get(p.transactionId) ?? 0) + p.minutes);
      perAccount.set(p.accountId, (perAccount.get(p.accountId) ?? 0) + p.minutes);
    }
    assert.ok(perTx.size > 5, `some transfers went through (${refused} refused)`);
    for (const [id, sum] of perTx) assert.equal(sum, 0, `transaction ${id} sums to zero`);
    for (const a of await listAccounts(ctx.db, net.network.id)) {
      assert.equal(a.balance, perAccount.get(a.id) ?? 0, 'balance = sum of postings');
      assert.ok(a.balance >= -600, 'never below the default floor of -10 h');
    }
  });

  it('the database refuses to edit or delete postings and transactions', async () => {
    await assert.rejects(sql`update time_postings set minutes = minutes + 1`.execute(ctx.db));
    await assert.rejects(sql`delete from time_postings`.execute(ctx.db));
    await assert.rejects(sql`update time_transactions set category = 'x'`.execute(ctx.db));
    await assert.rejects(sql`delete from time_transactions`.execute(ctx.db));
  });

  it('a transfer past the floor is refused with the reason in words', async () => {
    const a = await addMember(ctx, net.network, 'neighbour');
    const b = await addMember(ctx, net.network, 'neighbour');
    await sendHours(ctx.deps, { ...(await as(a.id)), input: send(b.id, '9') });
    await assert.rejects(
      sendHours(ctx.deps, { ...(await as(a.id)), input: send(b.id, '2') }),
      (e: { code: string; params: Record<string, string> }) =>
        e.code === 'TIME_LIMIT_FLOOR' &&
        e.params.after === '-11 h' &&
        e.params.bound === '-10 h' &&
        e.params.over === '1 h',
    );
    const st = await accountStatement(ctx.deps, await as(a.id));
    assert.equal(st.account.balance, -540);
    assert.equal(st.balance.owing, true);
  });

  it('request: the payer accepts, then a coordinator reverses it once', async () => {
    const payee = await addMember(ctx, net.network, 'neighbour');
    const payer = await addMember(ctx, net.network, 'neighbour');
    const { requestId } = await requestHours(ctx.deps, {
      ...(await as(payee.id)),
      input: { payer: payer.id, minutes: '1:30', category: 'garden', note: 'hedge' },
    });
    await assert.rejects(
      decideRequest(ctx.deps, { ...(await as(payee.id)), requestId, decision: 'accept' }),
      { code: 'TIME_REQUEST_NOT_YOURS' },
    );
    await decideRequest(ctx.deps, { ...(await as(payer.id)), requestId, decision: 'accept' });
    const st = await accountStatement(ctx.deps, await as(payee.id));
    assert.equal(st.account.balance, 90);
    assert.equal(st.lines[0]?.note, 'hedge');
    const coord = await as(net.members.coordinator.id);
    const tx = st.lines[0]!.transactionId;
    await reverseTransaction(ctx.deps, { ...coord, transactionId: tx });
    await assert.rejects(reverseTransaction(ctx.deps, { ...coord, transactionId: tx }), {
      code: 'LEDGER_ALREADY_REVERSED',
    });
    assert.equal((await accountStatement(ctx.deps, await as(payee.id))).account.balance, 0);
  });

  it('credit from help: once per source, reversed and posted again when hours change', async () => {
    const vol = await addMember(ctx, net.network, 'volunteer');
    const event = {
      networkId: net.network.id,
      source: { kind: 'task' as const, id: 't1' },
      personId: vol.id,
      hours: 2 as number | null,
    };
    const run = (e: typeof event) =>
      ctx.db.transaction().execute((trx) => creditFromHelp(ctx.deps, trx, e));
    assert.equal(await run(event), 'none', 'off by default');
    await writeSettings(
      ctx.db,
      net.network.id,
      { floor: -600, ceiling: null, autoAcceptDays: 14, creditFromHelp: true },
      new Date().toISOString(),
    );
    assert.equal(await run(event), 'post');
    assert.equal(await run(event), 'none', 'the same event again posts nothing');
    const bal = async () => (await accountStatement(ctx.deps, await as(vol.id))).account.balance;
    assert.equal(await bal(), 120);
    assert.equal(await run({ ...event, hours: 1.5 }), 'reverse-and-post');
    assert.equal(await bal(), 90);
    assert.equal(await run({ ...event, hours: null }), 'reverse');
    assert.equal(await bal(), 0);
  });

  it("privacy: a member cannot read another member's statement", async () => {
    const a = people[0]!;
    const b = people[1]!;
    await assert.rejects(accountStatement(ctx.deps, { ...(await as(a.id)), personId: b.id }), {
      code: 'FORBIDDEN',
    });
    const coord = await as(net.members.coordinator.id);
    const seen = await accountStatement(ctx.deps, { ...coord, personId: b.id });
    assert.equal(seen.account.personId, b.id);
  });
});
