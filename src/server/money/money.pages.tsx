import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of money: donations, expenses, approvals, budgets, the transparency page. */
export function registerMoneyPages(_app: FastifyInstance, _deps: Deps): void {}
