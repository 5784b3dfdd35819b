import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { backupSqlite } from '../server/backup/backup.ts';
import { createDb, migrateToLatest } from '../server/db/database.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { rotateKeys } from '../server/privacy/rotate-keys.ts';
import { createDeps } from '../server/runtime.ts';
import { createAdmin } from './create-admin.ts';

const HELP = `Mutua command line (npm run mutua -- <command> [options])

Commands:
  migrate                      bring the database schema to the latest version
  create-admin                 create an operator account and make it admin of a network
      --email <email>          the account's email (required)
      --name <name>            the person's name (required for a new account)
      --network <slug>         the network to administer (required)
      --network-name <name>    create the network with this name if it does not exist
      The password is read from MUTUA_ADMIN_PASSWORD, or from standard input.
  seed-demo                    add the demo networks (only with MUTUA_DEMO=1: known passwords)
  rotate-keys                  re-encrypt personal data with the first key of ENCRYPTION_KEYS
  backup [--to <file>]         a consistent copy of the live SQLite database
                               (default: data/backups/mutua-<time>.sqlite)
  help                         this text

The database and other settings come from the environment: see README.md.`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.MUTUA_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stdout.write('Password (at least 10 characters): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

export async function run(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      network: { type: 'string' },
      'network-name': { type: 'string' },
      to: { type: 'string' },
    },
    allowPositionals: false,
  });
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const db = createDb(config);
      const result = await migrateToLatest(db, config.keys);
      const ran = result.results ?? [];
      console.log(
        ran.length
          ? ran.map((r) => `migrated: ${r.migrationName}`).join('\n')
          : 'the schema is up to date',
      );
      await db.destroy();
      return 0;
    }
    case 'create-admin': {
      const deps = await createDeps(config);
      try {
        const msg = await createAdmin(deps, {
          email: values.email,
          name: values.name,
          network: values.network,
          networkName: values['network-name'],
          password: await readPassword(),
        });
        console.log(msg);
        return 0;
      } finally {
        await deps.db.destroy();
      }
    }
    case 'seed-demo': {
      const deps = await createDeps(config);
      try {
        console.log(
          (await seedDemo(deps)) ? 'demo networks added' : 'the demo networks are already there',
        );
        return 0;
      } finally {
        await deps.db.destroy();
      }
    }
    case 'rotate-keys': {
      const deps = await createDeps(config);
      try {
        const { rewritten } = await rotateKeys(deps);
        console.log(`re-encrypted ${rewritten} rows with key "${config.keys.active.id}"`);
        return 0;
      } finally {
        await deps.db.destroy();
      }
    }
    case 'backup': {
      const { file, pages } = await backupSqlite(config, values.to);
      console.log(`backup written: ${file} (${pages} pages)`);
      return 0;
    }
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(
      e instanceof ConfigError ? e.message : `error: ${e instanceof Error ? e.message : String(e)}`,
    );
    process.exit(1);
  },
);
