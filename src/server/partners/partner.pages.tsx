import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of the partner directory and referrals. */
export function registerPartnerPages(_app: FastifyInstance, _deps: Deps): void {}
