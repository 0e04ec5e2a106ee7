#!/usr/bin/env node
import { Command } from 'commander';
import { registerClusterCommand } from './cluster-command.ts';
import { registerRfmCommand } from './rfm-command.ts';
import { runCli } from './run-cli.ts';

const program = new Command()
  .name('tagwise')
  .description('Customer tag recommendation: features, clusters, churn and suggestions')
  .showHelpAfterError();

registerRfmCommand(program);
registerClusterCommand(program);

await runCli(program, process.argv);
