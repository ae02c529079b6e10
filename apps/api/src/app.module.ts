import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { LoggingModule } from './common/http/logging';
import { ThrottlingModule } from './common/http/throttling';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { serializeSqliteTransactions } from './database/sqlite-transactions';
import { HealthController } from './health/health.controller';
import { AuthModule } from './modules/auth/auth.module';
import { CreditModule } from './modules/credit/credit.module';
import { DelegationsModule } from './modules/delegations/delegations.module';
import { IdentityModule } from './modules/identity/identity.module';
import { NoticesModule } from './modules/notices/notices.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PermissionsModule } from './modules/permissions/permissions.module';
import { RegionsModule } from './modules/regions/regions.module';
import { SafetyInspectionsModule } from './modules/safety-inspections/safety-inspections.module';
import { PropertyAreasModule } from './modules/property-areas/property-areas.module';
import { ParkingModule } from './modules/parking/parking.module';
import { DisputesModule } from './modules/disputes/disputes.module';
import { OwnersModule } from './modules/owners/owners.module';
import { OwnerEvaluationsModule } from './modules/owner-evaluations/owner-evaluations.module';
import { OwnerDecisionsModule } from './modules/owner-decisions/owner-decisions.module';
import { PractitionersModule } from './modules/practitioners/practitioners.module';
import { CommonFundsModule } from './modules/common-funds/common-funds.module';
import { ServiceEvaluationModule } from './modules/service-evaluation/service-evaluation.module';
import { ObjectionsModule } from './modules/service-evaluation/objections/objections.module';
import { TodosModule } from './modules/todos/todos.module';
import { WorkflowModule } from './modules/workflow/workflow.module';
import { QueueModule } from './queue/queue.module';
import { CacheModule } from './common/cache/cache.module';
import { SearchModule } from './common/search/search.module';
import { DownloadsModule } from './modules/downloads/downloads.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database),
          dataSourceFactory: async (options) => serializeSqliteTransactions(await new DataSource(options!).initialize()),
        }),
        LoggingModule.forRoot(config),
        ThrottlingModule.forRoot(config),
        QueueModule,
        CacheModule,
        SearchModule,
        AccessModule,
        RegionsModule,
        NotificationsModule,
        AuthModule,
        IdentityModule,
        PermissionsModule,
        WorkflowModule,
        TodosModule,
        ServiceEvaluationModule,
        DelegationsModule,
        CreditModule,
        ObjectionsModule,
        NoticesModule,
        SafetyInspectionsModule,
        PropertyAreasModule,
        ParkingModule,
        DisputesModule,
        OwnersModule,
        OwnerEvaluationsModule,
        OwnerDecisionsModule,
        PractitionersModule,
        CommonFundsModule,
        DownloadsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
