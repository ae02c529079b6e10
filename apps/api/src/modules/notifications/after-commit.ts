import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Callback = () => Promise<void>;

/**
 * Runs work after the transaction a manager belongs to has committed (at once when it is not in a
 * transaction): queue jobs must not be added before the rows they name are visible to workers.
 */
export class AfterCommit implements EntitySubscriberInterface {
  private readonly logger = new Logger('AfterCommit');
  private readonly pending = new WeakMap<QueryRunner, Callback[]>();

  static install(dataSource: DataSource): AfterCommit {
    const existing = dataSource.subscribers.find((s): s is AfterCommit => s instanceof AfterCommit);
    if (existing) return existing;
    const subscriber = new AfterCommit();
    dataSource.subscribers.push(subscriber);
    return subscriber;
  }

  async run(manager: EntityManager | null | undefined, callback: Callback): Promise<void> {
    const runner = manager?.queryRunner;
    if (!runner || !runner.isTransactionActive) return callback();
    const callbacks = this.pending.get(runner) ?? [];
    callbacks.push(callback);
    this.pending.set(runner, callbacks);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // a released savepoint is not the end of the transaction
    if (event.queryRunner.isTransactionActive) return;
    const callbacks = this.pending.get(event.queryRunner);
    this.pending.delete(event.queryRunner);
    // the data is committed whatever happens here: a failure must not reach the committer
    for (const callback of callbacks ?? []) {
      await callback().catch((error: Error) => this.logger.error(`after-commit work failed: ${error.message}`));
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
