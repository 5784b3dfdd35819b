import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of the timebank: account, transfers, listings, paper mode. */
export function registerTimebankPages(_app: FastifyInstance, _deps: Deps): void {}
