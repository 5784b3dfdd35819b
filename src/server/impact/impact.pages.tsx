import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of indicators, goals, action plans and the dashboards. */
export function registerImpactPages(_app: FastifyInstance, _deps: Deps): void {}
