#!/usr/bin/env node
import { Command } from 'commander';
import { runCli } from './run-cli.ts';

const program = new Command()
  .name('tagwise')
  .description('Customer tag recommendation: features, clusters, churn and suggestions')
  .showHelpAfterError();

await runCli(program, process.argv);
