#!/usr/bin/env node
import { Command } from 'commander';
import { registerChurnCommand } from './churn-command.ts';
import { registerClusterCommand } from './cluster-command.ts';
import { registerRfmCommand } from './rfm-command.ts';
import { runCli } from './run-cli.ts';
import { registerDbCommand } from './db-command.ts';
import { registerStartCommand } from './start-command.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerWorkerCommand } from './worker-command.ts';
import { registerKeysCommand } from './keys-command.ts';
import { registerOpenApiCommand } from './openapi-command.ts';

const program = new Command()
  .name('tagwise')
  .description('Customer tag recommendation: features, clusters, churn and suggestions')
  .showHelpAfterError();

registerRfmCommand(program);
registerClusterCommand(program);
registerChurnCommand(program);
registerDbCommand(program);
registerStartCommand(program);
registerServeCommand(program);
registerWorkerCommand(program);
registerKeysCommand(program);
registerOpenApiCommand(program);

await runCli(program, process.argv);
