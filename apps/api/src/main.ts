import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createApiApp } from './bootstrap';
import { AppLogger } from './common/http/logging';
import { findMiniProgramH5Dir } from './common/http/mini-program-h5';
import { ConfigError, loadConfig } from './config/app-config';
import { prepareDatabase } from './database/mysql-admin';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';
import { DataSource } from 'typeorm';

async function main() {
  const mode = process.argv[2] === 'worker' ? 'worker' : 'api';
  let config;
  try {
    config = await prepareDatabase(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = new Logger('Main');

  if (mode === 'worker') {
    if (!config.redisUrl) {
      console.error('配置错误 REDIS_URL: a separate worker needs REDIS_URL (embedded mode runs jobs inside the api)');
      process.exit(1);
    }
    const context = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, queueProcessors: 'in-process' }), { bufferLogs: true });
    context.useLogger(context.get(AppLogger));
    context.enableShutdownHooks();
    logger.log('queue worker started: processing notifications and scheduled jobs');
    return;
  }

  const app = await createApiApp(config);
  if (config.seedDemoOnFirstStart) {
    const seeded = await seedDemoIfEmpty(app.get(DataSource), { ownerIdHashSecret: config.owners.idHashSecret });
    if (seeded) logger.log('first start: demo data seeded');
  }
  await app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  const lines = [
    `API:  ${base}/api`,
    `Docs: ${base}/docs  (OpenAPI JSON: ${base}/docs-json)`,
    `Database: ${config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'MySQL'}; queue: ${config.redisUrl ? 'Bull on Redis' : 'in-process'}`,
  ];
  if (findMiniProgramH5Dir()) lines.push(`Mini-program H5: ${base}/m/`);
  if (config.seedDemoOnFirstStart) {
    lines.push(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }
  // one line each, so that JSON logs stay one object per line
  for (const line of lines) logger.log(line);
}

void main();
