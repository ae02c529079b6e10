import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SafetyTemplateListItem } from '@szpm/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { prepareDatabase } from '../src/database/mysql-admin';
import { EvaluationJobsProcessor } from '../src/modules/service-evaluation/publicity/evaluation-jobs.processor';
import { JobWithoutHandlerError, QueueName } from '../src/queue/job-queue';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** The chapter kit on the running app: the composite query decorators and the job registry. */
describe('chapter kit', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login('futian.handler');
  });
  afterAll(() => t?.close());

  describe('query decorators', () => {
    it('reads a boolean filter as true/false/1/0 and refuses anything else, naming the field', async () => {
      for (const value of ['true', 'false', '1', '0']) await get(`/api/inbox?unreadOnly=${value}`).expect(200);
      const refused = await get('/api/inbox?unreadOnly=yes').expect(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'unreadOnly必须是 true 或 false',
        details: [{ field: 'unreadOnly', constraint: 'isBoolean', message: 'unreadOnly必须是 true 或 false' }],
      });
    });

    it('refuses an id filter that is not a whole number from 1, naming the field', async () => {
      const refused = await get('/api/workflow/cases?districtId=abc').expect(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'districtId', constraint: 'isInt' })]);
    });

    it('names the text filter search on every list: trimmed, blank is no filter, capped; the old q is refused', async () => {
      const all: SafetyTemplateListItem[] = (await get('/api/safety-inspections/templates').expect(200)).body;
      const template = all[0];
      const part = template.name.slice(0, 4);
      const found: SafetyTemplateListItem[] = (await get(`/api/safety-inspections/templates?search=${encodeURIComponent(`  ${part}  `)}`).expect(200)).body;
      expect(found.map((x) => x.id)).toContain(template.id);
      expect(found.every((x) => x.name.includes(part))).toBe(true);
      const blank: SafetyTemplateListItem[] = (await get('/api/safety-inspections/templates?search=%20%20').expect(200)).body;
      expect(blank.map((x) => x.id)).toEqual(all.map((x) => x.id));

      const long = await get(`/api/safety-inspections/templates?search=${'长'.repeat(65)}`).expect(400);
      expect(long.body.details).toEqual([{ field: 'search', constraint: 'maxLength', message: 'search太长' }]);
      const old = await get(`/api/safety-inspections/templates?q=${encodeURIComponent(part)}`).expect(400);
      expect(old.body.details).toEqual([expect.objectContaining({ field: 'q', constraint: 'whitelistValidation' })]);
    });
  });

  describe('job registry', () => {
    it('refuses a job added without a handler, naming it', async () => {
      await expect(t.queue.add({ queue: QueueName.SCHEDULED, name: 'nobody-works-this' }, {}, { jobId: 'nobody' })).rejects.toThrow(
        'job "nobody-works-this" (queue scheduled) is added but no handler is registered',
      );
    });

    it('refuses to start when a declared job has no handler, naming it', async () => {
      const config = await prepareDatabase(
        loadConfig({
          NODE_ENV: 'test',
          DATA_DIR: mkdtempSync(join(tmpdir(), 'szpm-e2e-')),
          JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
          SEED_DEMO: 'false',
          SMS_PROVIDER: 'development',
          ALLOW_DEVELOPMENT_SMS: 'true',
        }),
      );
      // the processor of the service-evaluation jobs left out: nobody handles them
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
        .overrideProvider(EvaluationJobsProcessor)
        .useValue({})
        .compile();
      const app: INestApplication = moduleRef.createNestApplication({ logger: false });
      try {
        const started = app.init();
        await expect(started).rejects.toThrow(JobWithoutHandlerError);
        await expect(started).rejects.toThrow(/job "service-evaluation\.(end-publicity|recompute-scores)" \(queue scheduled\) is (declared in JOBS|scheduled) but no handler is registered/);
      } finally {
        await app.close().catch(() => undefined);
      }
    });
  });
});
