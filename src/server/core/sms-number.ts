import type { Config } from '../../config.ts';
import type { Network } from '../core/network.ts';

/**
 * The number a network's neighbours text: its own, when it has one at the gateway, else the
 * shared SMS_FROM; null without an SMS gateway (then no text would be answered).
 */
export function smsNumberFor(
  network: Pick<Network, 'smsNumber'>,
  config: Pick<Config, 'sms'>,
): string | null {
  if (!config.sms) return null;
  return network.smsNumber ?? config.sms.from;
}
