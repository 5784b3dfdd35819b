import type { Config } from '../../config.ts';
import type { Network } from '../core/network.ts';

/** The number a network's neighbours text (and its messages come from), or null without SMS. */
export function smsNumberFor(
  _network: Pick<Network, 'id'>,
  config: Pick<Config, 'sms'>,
): string | null {
  return config.sms?.from ?? null;
}
