import { InProcessJobQueue } from './in-process-job-queue';
import { backoffDelayMs, JobWithoutHandlerError, PermanentJobError, QueueName } from './job-queue';
import { JobDefinition, JOBS, ScheduledJobDefinition } from './jobs';

const flaky: JobDefinition<{ id: string }> = { queue: QueueName.SCHEDULED, name: 'flaky' };
const once: JobDefinition<Record<string, never>> = { queue: QueueName.SCHEDULED, name: 'once' };
const send: JobDefinition<{ i: number }> = { queue: QueueName.NOTIFICATIONS, name: 'send' };
const tick: ScheduledJobDefinition = { queue: QueueName.SCHEDULED, name: 'tick', everyMs: 60_000 };

describe('backoffDelayMs', () => {
  it('doubles from the base per attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(backoffDelayMs(200, 5000, 600_000)).toBe(600_000);
    expect(backoffDelayMs(0, 5000)).toBe(0);
  });
});

describe('InProcessJobQueue', () => {
  let queue: InProcessJobQueue;
  afterEach(() => queue.close());

  it('retries with the backoff schedule and stops at once on a permanent error', async () => {
    queue = new InProcessJobQueue();
    const runs: Array<{ id: string; attempt: number; at: number }> = [];
    const started = Date.now();
    queue.handle(flaky, async (data, context) => {
      runs.push({ id: String(data.id), attempt: context.attempt, at: Date.now() - started });
      if (data.id === 'transient' && context.attempt < 3) throw new Error('busy');
      if (data.id === 'permanent') throw new PermanentJobError('refused');
    });
    await queue.start();
    await queue.add(flaky, { id: 'transient' }, { jobId: 'transient', attempts: 5, backoffMs: 20 });
    await queue.add(flaky, { id: 'permanent' }, { jobId: 'permanent', attempts: 5, backoffMs: 20 });
    await queue.drained(QueueName.SCHEDULED, 5000);
    const transient = runs.filter((r) => r.id === 'transient');
    expect(transient.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // 20 ms, then 40 ms between attempts
    expect(transient[1].at - transient[0].at).toBeGreaterThanOrEqual(18);
    expect(transient[2].at - transient[1].at).toBeGreaterThanOrEqual(38);
    expect(runs.filter((r) => r.id === 'permanent').map((r) => r.attempt)).toEqual([1]);
    expect(await queue.counts(QueueName.SCHEDULED)).toMatchObject({ completed: 1, failed: 1 });
  });

  it('adds a job id once while it is queued', async () => {
    queue = new InProcessJobQueue();
    let runs = 0;
    queue.handle(once, async () => void runs++);
    for (let i = 0; i < 3; i++) await queue.add(once, {}, { jobId: 'same' });
    await queue.start();
    await queue.drained(QueueName.SCHEDULED);
    expect(runs).toBe(1);
  });

  it('keeps to the concurrency and the rate limit of the queue', async () => {
    queue = new InProcessJobQueue({ [QueueName.NOTIFICATIONS]: { ratePerSecond: 50 } });
    let active = 0;
    let maxActive = 0;
    const startedAt: number[] = [];
    queue.handle(
      send,
      async () => {
        startedAt.push(Date.now());
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 30));
        active -= 1;
      },
      3,
    );
    await queue.start();
    await queue.addBulk(
      send,
      Array.from({ length: 20 }, (_, i) => ({ data: { i }, options: { jobId: `job-${i}` } })),
    );
    await queue.drained(QueueName.NOTIFICATIONS, 5000);
    expect(startedAt).toHaveLength(20);
    expect(maxActive).toBeLessThanOrEqual(3);
    // 50 a second: one start every 20 ms, so 20 starts span at least 19 × 20 ms
    expect(startedAt[19] - startedAt[0]).toBeGreaterThanOrEqual(370);
    // and no burst anywhere: any 6 starts span at least 5 × 20 ms, less a slot for the event loop's
    // lateness in calling a handler (under load one start comes late and the next on time)
    for (let i = 5; i < startedAt.length; i++) expect(startedAt[i] - startedAt[i - 5]).toBeGreaterThanOrEqual(80);
  });

  describe('refuses a job without a handler', () => {
    it('when it is added, naming the job', async () => {
      queue = new InProcessJobQueue();
      queue.handle(once, async () => undefined);
      await expect(queue.add(flaky, { id: 'x' }, { jobId: 'x' })).rejects.toThrow(JobWithoutHandlerError);
      await expect(queue.add(flaky, { id: 'x' }, { jobId: 'x' })).rejects.toThrow('job "flaky" (queue scheduled) is added but no handler is registered');
      await expect(queue.addBulk(flaky, [{ data: { id: 'x' }, options: { jobId: 'x' } }])).rejects.toThrow('"flaky"');
      await expect(queue.requeue(flaky, { id: 'x' }, { jobId: 'x' })).rejects.toThrow('"flaky"');
      expect(await queue.counts(QueueName.SCHEDULED)).toMatchObject({ waiting: 0, delayed: 0 });
    });

    it('when it is scheduled, naming the job', async () => {
      queue = new InProcessJobQueue();
      await expect(queue.schedule(tick)).rejects.toThrow('job "tick" (queue scheduled) is scheduled but no handler is registered');
      queue.handle(tick, async () => undefined);
      await expect(queue.schedule(tick)).resolves.toBeUndefined();
    });

    it('at start-up, when a declared job has none', () => {
      queue = new InProcessJobQueue();
      for (const job of Object.values(JOBS)) if (job !== JOBS.endPublicity) queue.handle(job, async () => undefined);
      expect(() => queue.assertAllHandled(Object.values(JOBS))).toThrow('job "service-evaluation.end-publicity" (queue scheduled) is declared in JOBS but no handler is registered');
      queue.handle(JOBS.endPublicity, async () => undefined);
      expect(() => queue.assertAllHandled(Object.values(JOBS))).not.toThrow();
    });

    it('payloads are typed by the job (checked by tsc)', () => {
      queue = new InProcessJobQueue();
      const typed = () => {
        // @ts-expect-error deliveryId is a number
        void queue.add(JOBS.deliverWechat, { deliveryId: '1' }, { jobId: 'x' });
        // @ts-expect-error a scheduled job needs its everyMs: a plain job cannot be scheduled
        void queue.schedule(JOBS.expireDelegation);
        queue.handle(JOBS.expireDelegation, async (data) => {
          const id: number = data.delegationId;
          // @ts-expect-error no such field in the payload
          void data.deliveryId;
          void id;
        });
      };
      expect(typeof typed).toBe('function');
    });

    it('a handler on another queue does not count', async () => {
      queue = new InProcessJobQueue();
      queue.handle({ queue: QueueName.NOTIFICATIONS, name: 'flaky' }, async () => undefined);
      await expect(queue.add(flaky, { id: 'x' }, { jobId: 'x' })).rejects.toThrow('"flaky"');
    });
  });
});
