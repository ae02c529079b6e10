import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

type Handler = () => void;

/**
 * How a change made by one api process reaches the in-memory caches of every process: a topic is
 * published after the write that makes its entries wrong, and every subscribed cache drops them.
 * A cache may keep entries only while the bus is live; while it is not (Redis unreachable), caches
 * are bypassed, so no process serves from a cache that could have missed a change.
 */
export abstract class InvalidationBus {
  private readonly handlers = new Map<string, Handler[]>();

  /** whether every change published by any process reaches this one right now */
  abstract get live(): boolean;

  /** drops the topic's entries here at once, and in the other processes as the message arrives */
  abstract publish(topic: string): void;

  subscribe(topic: string, handler: Handler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  protected deliver(topic: string): void {
    for (const handler of this.handlers.get(topic) ?? []) handler();
  }

  /** every topic: after a gap in which messages may have been lost */
  protected deliverAll(): void {
    for (const topic of this.handlers.keys()) this.deliver(topic);
  }

  async close(): Promise<void> {}
}

/** One process (embedded mode, tests without Redis): publishing is delivering. */
export class LocalInvalidationBus extends InvalidationBus {
  get live(): boolean {
    return true;
  }

  publish(topic: string): void {
    this.deliver(topic);
  }
}

const CHANNEL_SUFFIX = ':cache-invalidation';

/**
 * Redis pub/sub between the api processes (and workers, whose jobs write too). Live from the
 * subscription's confirmation until the connection drops; every cache is emptied at both ends of
 * a gap, because messages published meanwhile are not replayed.
 */
export class RedisInvalidationBus extends InvalidationBus {
  private readonly logger = new Logger('InvalidationBus');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  private subscribed = false;

  constructor(redisUrl: string, prefix: string) {
    super();
    this.channel = `${prefix}${CHANNEL_SUFFIX}`;
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', (error) => this.logger.warn(`subscriber: ${error.message}`));
    this.subscriber.on('message', (_channel, topic: string) => this.deliver(topic));
    this.subscriber.on('ready', () => void this.subscribe$());
    this.subscriber.on('close', () => this.lost());
    void this.subscriber.connect().catch(() => undefined);
    void this.publisher.connect().catch(() => undefined);
  }

  get live(): boolean {
    return this.subscribed;
  }

  publish(topic: string): void {
    this.deliver(topic);
    this.publisher.publish(this.channel, topic).catch((error: Error) => {
      // the others cannot learn of this change: they stop trusting their caches until they reconnect
      this.logger.warn(`publish ${topic}: ${error.message}`);
    });
  }

  private async subscribe$(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
      this.deliverAll();
      this.subscribed = true;
    } catch (error) {
      this.logger.warn(`subscribe: ${(error as Error).message}`);
    }
  }

  private lost(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    this.deliverAll();
  }

  override async close(): Promise<void> {
    this.subscribed = false;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
