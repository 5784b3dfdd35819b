import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

/**
 * When saving a form fails on our side (here: the audit table the service writes to is gone,
 * a real failure of the database, not a stub), the person is told the truth and keeps what
 * they typed: the form comes back filled in, with a translated message, as a 500.
 */
describe('a form that fails on our side', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let admin: Agent;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    admin = agent(ctx.app, { 'accept-language': 'es' });
    await admin.signIn(net.admin.email);
    await sql`alter table audit_events rename to audit_events_gone`.execute(ctx.db);
  });
  after(async () => {
    await sql`alter table audit_events_gone rename to audit_events`.execute(ctx.db);
    await ctx.close();
  });

  it('comes back filled in, saying it may not have been saved, in the person’s language', async () => {
    const a = agent(ctx.app, { 'accept-language': 'en' });
    const res = await a.submit(`/n/${net.network.slug}/ask`, `/n/${net.network.slug}/ask`, {
      category: 'groceries',
      urgency: 'high',
      householdSize: '2',
      when: 'any',
      name: 'Marisol Lopez',
      phone: '+1 555 010 4242',
      details: 'Two bags of rice, please',
      language: 'es',
      consent: '1',
    });
    assert.equal(res.statusCode, 500);
    assert.match(text(res.body), /may not have been saved\. What you typed is still here/);
    assert.match(res.body, /value="Marisol Lopez"/);
    assert.match(res.body, /Two bags of rice, please/);
    assert.match(res.body, /<form method="post" action="\/n\/[^"]+\/ask"/);
    assert.ok(res.headers['content-security-policy']);
    assert.equal(
      (await ctx.db.selectFrom('requests').select('id').execute()).length,
      0,
      'the transaction was rolled back',
    );
  });

  it('the error page elsewhere no longer claims that nothing typed was lost', async () => {
    // The audit page reads the table that is gone: a plain failure, no form involved.
    const res = await admin.get(`/n/${net.network.slug}/audit`);
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /<html lang="es"/);
    assert.match(text(res.body), /puede que no se haya guardado/);
    assert.doesNotMatch(text(res.body), /No se perdió nada/);
  });
});
