import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of the playbook. */
export function registerPlaybookPages(_app: FastifyInstance, _deps: Deps): void {}
