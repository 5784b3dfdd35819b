/**
 * What a neighbour sees after asking (issue 12): the confirmation with the ways to reach the
 * network and the emergency number, the status page's steps with dates and its cancel button,
 * and a signed-in neighbour's list of requests.
 */
import { defaultEmergencyNumber } from '../../domain/networks/emergency-numbers.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import { helpKeyword } from '../../domain/sms/keywords.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { dateFormat } from '../../shared/intl.ts';
import type { Network } from '../core/network.ts';
import { smsNumberFor } from '../core/sms-number.ts';
import { PostButton } from '../pages/form.tsx';
import type { PageCtx } from '../pages/page-context.ts';
import { Table } from '../pages/table.tsx';
import type { OwnRequest } from './request-requester.repository.ts';
import type { RequesterStatus } from './request-requester.service.ts';

type SmsConfig = Parameters<typeof smsNumberFor>[1];

/** The date (and time) a step was reached, in the network's time zone and the reader's words. */
function when(ctx: PageCtx, network: Network, iso: string): string {
  return dateFormat(ctx.lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: network.timeZone,
  }).format(new Date(iso));
}

/** The network's phone line and SMS keyword, and the emergency number, as a short block. */
export function ReachNetwork({
  ctx,
  network,
  config,
}: {
  ctx: PageCtx;
  network: Network;
  config: SmsConfig;
}) {
  const { t } = ctx;
  const sms = smsNumberFor(network, config);
  const emergency = network.emergencyNumber ?? defaultEmergencyNumber(network.country);
  return (
    <section class="card" aria-labelledby="reach-title">
      <h2 id="reach-title">{t('ask.reachNetwork', { network: network.name })}</h2>
      <ul>
        {network.phoneNumber && (
          <li>
            <a href={`tel:${network.phoneNumber}`}>
              {t('ask.callNetwork', { phone: network.phoneNumber })}
            </a>
          </li>
        )}
        {sms && <li>{t('ask.smsNetwork', { keyword: helpKeyword(ctx.lang), number: sms })}</li>}
        <li>
          <strong>{t('ask.emergencyReminder', { number: emergency })}</strong>
        </li>
      </ul>
    </section>
  );
}

export function ConfirmationBody({
  ctx,
  network,
  config,
  code,
  statusLink,
  again,
}: {
  ctx: PageCtx;
  network: Network;
  config: SmsConfig;
  code: string;
  statusLink: string;
  /** The same form came again (a reload or a second send): nothing new was filed. */
  again: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('ask.thanks')}</h1>
      {again && (
        <p class="notice" role="status">
          {t('ask.sentBefore')}
        </p>
      )}
      <p>{t('ask.yourCode')}</p>
      <p class="code">
        <strong>{formatCode(code)}</strong>
      </p>
      <p>{t('ask.codeHelp')}</p>
      <p>
        <a href={statusLink}>{t('ask.statusLink')}</a>
      </p>
      <p>{t('ask.next')}</p>
      <ReachNetwork ctx={ctx} network={network} config={config} />
    </>
  );
}

const STEP_KEY = {
  received: 'steps.received',
  looking: 'steps.looking',
  onTheWay: 'steps.onTheWay',
  done: 'steps.done',
} as const;

/** The four steps, as an ordered list that says in words which are done (not by colour). */
export function Steps({
  ctx,
  network,
  status,
  cancelAction,
}: {
  ctx: PageCtx;
  network: Network;
  status: RequesterStatus;
  cancelAction: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('steps.title')}</h2>
      <ol class="steps">
        {status.steps.map((s) => (
          <li
            key={s.step}
            class={`step step-${s.state}`}
            aria-current={s.state === 'current' ? 'step' : undefined}
          >
            <strong>{t(STEP_KEY[s.step])}</strong>{' '}
            <span class="muted">
              (
              {s.state === 'todo'
                ? t('steps.notYet')
                : `${s.state === 'current' ? t('steps.currentMark') : t('steps.doneMark')}${s.at ? `, ${when(ctx, network, s.at)}` : ''}`}
              )
            </span>
          </li>
        ))}
        {status.closed && (
          <li class="step step-closed">
            <strong>{status.closed.byYou ? t('steps.cancelled') : t('steps.closed')}</strong>
            {status.closed.at && (
              <span class="muted"> ({when(ctx, network, status.closed.at)})</span>
            )}
          </li>
        )}
      </ol>
      {status.canCancel && (
        <section aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('cancel.title')}</h2>
          <p>{t('cancel.hint')}</p>
          <PostButton ctx={ctx} action={cancelAction} label={t('cancel.submit')} />
        </section>
      )}
    </>
  );
}

/** A signed-in neighbour's requests in this network, each a link to its status. */
export function MyRequests({
  ctx,
  network,
  requests,
}: {
  ctx: PageCtx;
  network: Network;
  requests: OwnRequest[];
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t('ask.myRequests')}</h2>
      {requests.length === 0 ? (
        <p>{t('ask.myRequestsNone')}</p>
      ) : (
        <Table
          headers={[
            t('ask.myRequestsCode'),
            t('ask.myRequestsWhat'),
            t('ask.myRequestsSince'),
            t('ask.myRequestsStatus'),
          ]}
        >
          {requests.map((r) => (
            <tr key={r.code}>
              <td>
                <a href={`/n/${network.slug}/r/${r.code}`}>{formatCode(r.code)}</a>
              </td>
              <td>{t(`category.${r.category}` as MessageKey)}</td>
              <td>{when(ctx, network, r.createdAt)}</td>
              <td>{t(`requestStatus.${r.status}` as MessageKey)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
