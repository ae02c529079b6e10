import { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Account } from '../../src/access/entities/account.entity';
import { createApiApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { prepareDatabase, recreateMysqlDatabase } from '../../src/database/mysql-admin';
import { JobQueue } from '../../src/queue/job-queue';
import { seedDemo } from '../../src/seed/demo-seed';
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts';
import { OwnerIdentity } from '../../src/modules/owners/entities';
import { OwnerTokens } from '../../src/modules/owners/owner-session';
import { keepSeededTemplate, restoreSeededTemplate } from './seeded-template';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  queue: JobQueue;
  /** supertest against the running app */
  http: () => ReturnType<typeof request>;
  /**
   * logs in and returns an access token; an account still on its initial password (created in the
   * spec) counts as having changed it, so that specs of other rules are not stopped by the forced
   * change (password-change-required.e2e-spec.ts tests that rule and logs in without this helper)
   */
  login(username: string, password?: string): Promise<string>;
  /** a new owner identity (no houses bound) and its owner token, for the /api/owner endpoints */
  ownerToken(openid?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real app for an e2e spec file. By default: a fresh SQLite file and the in-process
 * queue. With DATABASE_URL (and REDIS_URL) set, as `.ci/run` does: that MariaDB database,
 * recreated for the file, and Bull on that Redis under a key prefix of the file's own.
 */
export async function startTestApp(options: { env?: Record<string, string>; seed?: boolean } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'szpm-e2e-'));
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    DATA_DIR: dir,
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
    SEED_DEMO: 'false',
    SMS_PROVIDER: 'development',
    ALLOW_DEVELOPMENT_SMS: 'true',
    // specs log in far more often than a person; security-headers.e2e-spec turns the limits on
    RATE_LIMITS: 'off',
    QUEUE_PREFIX: `szpm-test-${process.pid}-${Date.now()}`,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    ...options.env,
  };
  if (env.DATABASE_URL) await recreateMysqlDatabase(env.DATABASE_URL);
  const config = await prepareDatabase(loadConfig(env));
  const seed = options.seed !== false;
  const restored = seed && (await restoreSeededTemplate(config));
  const app = await createApiApp(config, { logger: false });
  await app.init();
  const dataSource = app.get(DataSource);
  if (seed && !restored) {
    await seedDemo(dataSource, { ownerIdHashSecret: config.owners.idHashSecret });
    await keepSeededTemplate(config, dataSource);
  }
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    config,
    dataSource,
    queue: app.get(JobQueue),
    http,
    async login(username, password = DEMO_PASSWORD) {
      await dataSource.getRepository(Account).update({ username, passwordChangedAt: IsNull() }, { passwordChangedAt: new Date() });
      const response = await http().post('/api/auth/login').send({ username, password });
      if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.accessToken as string;
    },
    async ownerToken(openid = `oOwner-test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`) {
      const identities = dataSource.getRepository(OwnerIdentity);
      const identity = await identities.save(identities.create({ channel: 'oa', openid, lastLoginAt: null }));
      return app.get(OwnerTokens).sign(identity.id);
    },
    async close() {
      await app.close();
    },
  };
}
