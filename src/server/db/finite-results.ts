import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * A number that is not finite (Infinity, NaN) has no meaning anywhere in Mutua, and once in a
 * row it breaks every list that shows it (the JSON serializer refuses it). Input is refused
 * where it is validated (http/validation.ts); this is the second guard, for what a database
 * already holds from before (SQLite stores Infinity in any numeric column, PostgreSQL in a
 * double precision one): such a value is read as null, in every query, in one place.
 */
export class FiniteResults implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key in row) {
        const v = row[key];
        if (typeof v === 'number' && !Number.isFinite(v)) row[key] = null;
      }
    }
    return args.result;
  }
}
