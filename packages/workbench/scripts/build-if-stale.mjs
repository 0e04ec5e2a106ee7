// Builds the workbench when its build is missing or older than any of its sources, so
// `pnpm start` after a pull serves the workbench of the code it runs, and a start with nothing
// changed skips the build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const BUILT = 'build/index.html';
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** The newest modification time under `path` (a file or a directory), 0 when it is absent. */
function newestChange(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stats.mtimeMs,
  );
}

const built = newestChange(BUILT);
const sources = Math.max(...SOURCES.map(newestChange));
if (built > 0 && built >= sources) process.exit(0);
process.stdout.write(
  built === 0 ? 'Building the workbench…\n' : 'The workbench changed: building it again…\n',
);
const { status } = spawnSync('vite', ['build'], { stdio: 'inherit', shell: true });
process.exit(status ?? 1);
