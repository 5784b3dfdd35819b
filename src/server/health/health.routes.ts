import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../core/deps.ts';
import { pingDatabase } from '../db/database.ts';

/** 200 when the database answers, 503 when it does not: for load balancers and monitors. */
export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Health check',
        tags: ['health'],
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await pingDatabase(deps.db);
        return reply.code(200).send({ status: 'ok', database: deps.config.dialect });
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: deps.config.dialect });
      }
    },
  );
}
