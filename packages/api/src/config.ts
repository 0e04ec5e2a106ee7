import { z } from 'zod';
import type { WebhookTargets } from './webhooks/webhook-target.ts';

/** An environment that cannot start the service; the message lists every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`,
    );
  }
}

const emptyAsUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const configSchema = z.object({
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65_535, 'must be between 0 and 65535')
      .default(8080),
  ),
  TAGWISE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.tagwise/data')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        'must be a PostgreSQL connection URL (postgres://user@host:port/database)',
      )
      .optional(),
  ),
  TAGWISE_BOOTSTRAP_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .min(32, 'must be at least 32 characters (use `openssl rand -hex 32`)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
  TAGWISE_WEBHOOK_TARGETS: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['public', 'any'], {
        error: 'must be "public" (only public internet hosts) or "any" (private networks too)',
      })
      .default('public'),
  ),
});

/** The validated service configuration. */
export interface Config {
  /** TCP port of the HTTP server (0 = an ephemeral port). @default 8080 */
  readonly port: number;
  /** PGlite data directory, used when `databaseUrl` is not set. @default `.tagwise/data` */
  readonly dataDir: string;
  /** PostgreSQL server URL; when set, PGlite is not used. */
  readonly databaseUrl: string | undefined;
  /** When set, an all-workspace admin key with exactly this secret exists after start. */
  readonly bootstrapKey: string | undefined;
  /** Which hosts webhooks may call (see `WebhookTargets`). @default 'public' */
  readonly webhookTargets: WebhookTargets;
}

/**
 * Validates an environment (a plain record, so tests never touch `process.env`).
 *
 * @example
 * parseConfig({ PORT: '3000' }) // { port: 3000, dataDir: '.tagwise/data', ... }
 * @throws ConfigError naming each offending variable
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  return {
    port: parsed.data.PORT,
    dataDir: parsed.data.TAGWISE_DATA_DIR,
    databaseUrl: parsed.data.DATABASE_URL,
    bootstrapKey: parsed.data.TAGWISE_BOOTSTRAP_KEY,
    webhookTargets: parsed.data.TAGWISE_WEBHOOK_TARGETS,
  };
}
