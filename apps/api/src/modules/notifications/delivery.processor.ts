import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobData, JobQueue, QueueName } from '../../queue/job-queue';
import { DeliveryChannel, DeliveryStatus, NotificationDelivery } from './entities/notification-delivery.entity';
import { DELIVER_JOB } from './notifications.service';

/**
 * Delivers one delivery row. It reads the row first and does nothing unless it is still
 * pending, so a duplicate job (retry, re-enqueue, second worker) never delivers twice.
 */
@Injectable()
export class DeliveryProcessor implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
  ) {}

  onModuleInit() {
    this.queue.register(QueueName.NOTIFICATIONS, DELIVER_JOB, (data) => this.handle(data), 20);
  }

  async handle(data: JobData): Promise<void> {
    const delivery = await this.deliveries.findOne({ where: { id: Number(data.deliveryId) } });
    if (!delivery || delivery.status !== DeliveryStatus.PENDING) return;
    switch (delivery.channel) {
      case DeliveryChannel.INBOX:
        // the inbox is the delivery row itself: marking it delivered makes it visible to the recipient
        await this.deliveries.update(
          { id: delivery.id, status: DeliveryStatus.PENDING },
          { status: DeliveryStatus.DELIVERED, deliveredAt: new Date(), attempts: delivery.attempts + 1 },
        );
        return;
      default:
        await this.deliveries.update(
          { id: delivery.id, status: DeliveryStatus.PENDING },
          { status: DeliveryStatus.REJECTED, lastError: `channel ${delivery.channel} is not configured`, attempts: delivery.attempts + 1 },
        );
    }
  }
}
