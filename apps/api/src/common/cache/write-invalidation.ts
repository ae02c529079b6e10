import { Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent, QueryRunner, RemoveEvent, TransactionCommitEvent, UpdateEvent } from 'typeorm';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { InvalidationBus } from './invalidation-bus';

interface Watch {
  topic: string;
  /** false: inserts leave the cached answers right (e.g. a new refresh token revokes nothing) */
  inserts: boolean;
}

/**
 * Publishes a cache's topic on every write to a watched entity made through TypeORM (repositories,
 * managers and query builders alike): at once, and again when the transaction commits, so that a
 * load that read the old rows between the write and the commit is not kept either.
 */
@Injectable()
export class WriteInvalidation implements EntitySubscriberInterface {
  private readonly watches = new Map<EntityMetadata['target'], Watch[]>();
  private readonly afterCommit = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    dataSource: DataSource,
    private readonly bus: InvalidationBus,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Publish `topic` after writes to `entity` (its table, whatever the statement). */
  watch(entity: EntityMetadata['target'], topic: string, options: { inserts?: boolean } = {}): void {
    this.watches.set(entity, [...(this.watches.get(entity) ?? []), { topic, inserts: options.inserts ?? true }]);
  }

  afterInsert(event: InsertEvent<unknown>): void {
    this.written(event.metadata, event.queryRunner, true);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.written(event.metadata, event.queryRunner, false);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.written(event.metadata, event.queryRunner, false);
  }

  afterSoftRemove(event: RemoveEvent<unknown>): void {
    this.written(event.metadata, event.queryRunner, false);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const topics = this.afterCommit.get(event.queryRunner);
    if (!topics) return;
    this.afterCommit.delete(event.queryRunner);
    for (const topic of topics) this.bus.publish(topic);
  }

  private written(metadata: EntityMetadata | undefined, queryRunner: QueryRunner | undefined, insert: boolean): void {
    const watches = metadata ? this.watches.get(metadata.target) : undefined;
    if (!watches) return;
    for (const watch of watches) {
      if (insert && !watch.inserts) continue;
      this.bus.publish(watch.topic);
      if (queryRunner?.isTransactionActive) {
        const pending = this.afterCommit.get(queryRunner) ?? new Set<string>();
        pending.add(watch.topic);
        this.afterCommit.set(queryRunner, pending);
      }
    }
  }
}
