import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MAX_XLSFORM_BYTES } from '../../src/domain/surveys/xlsform/workbook.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/xlsform/${name}`));

describe('surveys: XLSForm upload and download', () => {
  let ctx: TestContext;
  let coordinator: Agent;
  let volunteer: Agent;
  let base: string;

  before(async () => {
    ctx = await createTestContext();
    const net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
    base = `/n/${net.network.slug}/surveys`;
  });
  after(() => ctx.close());

  const upload = async (who: Agent, name: string, bytes: Uint8Array, type = XLSX) => {
    await who.get(base);
    return who.postMultipart(`${base}/upload`, {}, { xlsform: { name, type, bytes } });
  };

  let surveyUrl = '';

  it('a coordinator uploads a real XLSForm and sees the survey with its issues by row', async () => {
    const res = await upload(coordinator, 'mali_health.xlsx', fixture('mali_health.xlsx'));
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    surveyUrl = String(res.headers.location).split('?')[0] ?? '';
    assert.match(surveyUrl, new RegExp(`^${base}/[^/]+$`));
    const page = await coordinator.get(String(res.headers.location));
    assert.equal(page.statusCode, 200);
    const words = text(page.body);
    assert.match(words, /Survey imported as a draft/);
    assert.ok(
      /What the import could not bring over/.test(words) ||
        /Everything in the file was imported/.test(words),
    );
    const list = await coordinator.get(base);
    assert.match(list.body, new RegExp(surveyUrl.replace(/[/]/g, '\\/')));
  });

  it('the download is an .xlsx that imports again to the same survey', async () => {
    const dl = await coordinator.get(`${surveyUrl}/form.xlsx`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-type']), /spreadsheetml/);
    const bytes = new Uint8Array(dl.rawPayload);
    assert.equal(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0), 'PK');
    const again = await upload(coordinator, 'again.xlsx', bytes);
    assert.equal(again.statusCode, 303, again.body.slice(0, 500));
    const secondUrl = String(again.headers.location).split('?')[0] ?? '';
    // The same title and the same questions, in the same order.
    const title = /<h1>([^<]*)<\/h1>/;
    const a = title.exec((await coordinator.get(surveyUrl)).body)?.[1];
    const b = title.exec((await coordinator.get(secondUrl)).body)?.[1];
    assert.ok(a);
    assert.equal(b, a);
  });

  it('a broken .xlsx is refused with a translated message, not a 500', async () => {
    const good = fixture('mali_health.xlsx');
    const broken = good.slice(0, Math.floor(good.length / 2));
    const res = await upload(coordinator, 'broken.xlsx', broken);
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.doesNotMatch(text(res.body), /xlsform\.issue\.|survey\./);
  });

  it('a file that is not an .xlsx is refused with a translated message', async () => {
    const res = await upload(
      coordinator,
      'notes.txt',
      new TextEncoder().encode('name,label\nq1,Hello'),
      'text/plain',
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.doesNotMatch(text(res.body), /xlsform\.issue\.|survey\./);
  });

  it('an empty upload asks for a file', async () => {
    const res = await upload(coordinator, 'empty.xlsx', new Uint8Array());
    assert.equal(res.statusCode, 422);
    assert.match(text(res.body), /Choose an \.xlsx file to upload/);
  });

  it('an oversized upload is refused with a translated message, not a 500', async () => {
    const res = await upload(coordinator, 'big.xlsx', new Uint8Array(MAX_XLSFORM_BYTES + 200_000));
    assert.ok(res.statusCode === 413 || res.statusCode === 422, String(res.statusCode));
    assert.ok(text(res.body).length > 0);
    assert.doesNotMatch(text(res.body), /error\.|xlsform\.issue\./);
  });

  it('a volunteer cannot upload', async () => {
    const res = await upload(volunteer, 'mali_health.xlsx', fixture('mali_health.xlsx'));
    assert.equal(res.statusCode, 403);
  });
});
