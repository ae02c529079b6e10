import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { ServiceEvaluationModule } from '../service-evaluation.module';
import { ObjectionForm } from './objection-form';
import { ObjectionKindsService } from './objection-kinds.service';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';

/**
 * 异议处理 (chapter 7 (11)), part of the service evaluation: it uses the module's catalogue and
 * scores (exported by ServiceEvaluationModule) and tells applicants the outcome through the
 * notification pipeline.
 */
@Module({
  imports: [ServiceEvaluationModule, NotificationsModule],
  controllers: [ObjectionsController],
  providers: [ObjectionKindsService, ObjectionForm, ObjectionsService],
})
export class ObjectionsModule {}
