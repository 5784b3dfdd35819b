import type { Config } from '../../config.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import { helpKeyword } from '../../domain/sms/keywords.ts';
import type { Language, Translate } from '../../i18n/i18n.ts';
import type { Network } from '../core/network.ts';
import { smsNumberFor } from '../core/sms-number.ts';
import type { PageCtx } from '../pages/page-context.ts';

/**
 * The other ways to ask for help, for a person the form (or the API) could not take a request
 * from: the emergency number for what cannot wait, the network's phone line, its SMS number
 * and keyword, and when the form will take requests from this address again.
 */
export interface OtherWays {
  /** The emergency line leads when the request said "today" or "right now". */
  urgent: boolean;
  /** First the emergency line, then each way there is, then "try later". */
  lines: string[];
}

export function otherWays(
  t: Translate,
  lang: Language,
  {
    network,
    config,
    minutes,
    urgency,
  }: {
    network: Pick<Network, 'name' | 'phoneNumber' | 'smsNumber'>;
    config: Pick<Config, 'sms'>;
    minutes: number;
    urgency: Urgency | undefined;
  },
): OtherWays {
  const number = smsNumberFor(network, config);
  const lines = [
    t('intake.otherWays.emergency'),
    ...(network.phoneNumber
      ? [t('intake.otherWays.phone', { network: network.name, phone: network.phoneNumber })]
      : []),
    ...(number ? [t('intake.otherWays.sms', { keyword: helpKeyword(lang), number })] : []),
    t('intake.otherWays.later', { minutes }),
  ];
  return { urgent: urgency === 'critical' || urgency === 'high', lines };
}

/** The same, as one paragraph of text (the JSON API's message). */
export function otherWaysText(t: Translate, ways: OtherWays): string {
  return `${t('intake.otherWays')} ${ways.lines.join(' ')}`;
}

/** The same, on a page: a short list, the emergency line first and strong when urgent. */
export function OtherWaysBlock({ ctx, ways }: { ctx: PageCtx; ways: OtherWays }) {
  const [emergency, ...rest] = ways.lines;
  return (
    <section class="notice" aria-labelledby="other-ways-title">
      <h2 id="other-ways-title">{ctx.t('intake.otherWays')}</h2>
      <ul>
        {ways.urgent ? (
          <li>
            <strong>{emergency}</strong>
          </li>
        ) : null}
        {rest.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {ways.urgent ? null : <li>{emergency}</li>}
      </ul>
    </section>
  );
}
