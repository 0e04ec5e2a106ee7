import { Option, type Command } from 'commander';
import { systemContext } from '../audit/change-hooks.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { issueKey } from '../keys/api-key.service.ts';
import { ROLES, type Role } from '../keys/roles.ts';
import { databaseTargetOf, loadConfig } from '../server.ts';

/** `tagwise keys create --role R [--workspace W] [--name N]`: prints the new secret once. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('API keys');
  keys
    .command('create')
    .description('Create an API key and print its secret (shown only now)')
    .addOption(
      new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory(),
    )
    .option('--workspace <slug>', 'workspace the key is limited to (required except for admin)')
    .option('--name <name>', 'a label to recognise the key by')
    .action(async (options: { role: Role; workspace?: string; name?: string }) => {
      const database = await connectDatabase(databaseTargetOf(loadConfig()));
      try {
        await migrateToLatest(database.db);
        const issued = await issueKey(systemContext(database.db), options);
        process.stderr.write(
          `created ${issued.key.role} key ${issued.key.id}${issued.key.workspace ? ` for ${issued.key.workspace}` : ' for every workspace'}; store the secret now:\n`,
        );
        process.stdout.write(`${issued.secret}\n`);
      } finally {
        await database.close();
      }
    });
}
