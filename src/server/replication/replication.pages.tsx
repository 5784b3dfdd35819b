import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The pages of network templates, spreadsheet import, export and restore. */
export function registerReplicationPages(_app: FastifyInstance, _deps: Deps): void {}
