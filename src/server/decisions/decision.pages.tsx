import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of proposals, polls, the decision log and agreements. */
export function registerDecisionPages(_app: FastifyInstance, _deps: Deps): void {}
