import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(parseConfig({})).toEqual({
      port: 8080,
      dataDir: '.tagwise/data',
      databaseUrl: undefined,
      bootstrapKey: undefined,
      webhookTargets: 'public',
    });
  });

  it('reads every variable and treats blank values as unset', () => {
    const config = parseConfig({
      PORT: '3000',
      TAGWISE_DATA_DIR: '/var/lib/tagwise',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      TAGWISE_BOOTSTRAP_KEY: 'x'.repeat(40),
      TAGWISE_WEBHOOK_TARGETS: 'any',
    });
    expect(config).toEqual({
      port: 3000,
      dataDir: '/var/lib/tagwise',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      bootstrapKey: 'x'.repeat(40),
      webhookTargets: 'any',
    });
    expect(parseConfig({ PORT: ' ', DATABASE_URL: '' }).port).toBe(8080);
  });

  it('names every invalid variable in one error', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        TAGWISE_BOOTSTRAP_KEY: 'short',
        TAGWISE_WEBHOOK_TARGETS: 'intranet',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual([
      'DATABASE_URL',
      'PORT',
      'TAGWISE_BOOTSTRAP_KEY',
      'TAGWISE_WEBHOOK_TARGETS',
    ]);
    expect((error as ConfigError).message).toContain('PORT: must be between 0 and 65535');
  });
});
