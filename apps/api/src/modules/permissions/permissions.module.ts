import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { AuditLog } from '../../access/entities/audit-log.entity';
import { ModuleGrant } from '../../access/entities/module-grant.entity';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { Region } from '../regions/entities/region.entity';
import { AccountAdminService } from './account-admin.service';
import { AdminAccountsController } from './admin-accounts.controller';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { BindingStatsService } from './binding-stats.service';
import { OwnAccountService } from './own-account.service';
import { PermissionsController } from './permissions.controller';
import { StaffDirectoryService } from './staff-directory.service';
import { UrgeBindingService } from './urge-binding.service';

@Module({
  imports: [TypeOrmModule.forFeature([Account, ModuleGrant, Region, AuditLog]), AuthModule, NotificationsModule],
  controllers: [PermissionsController, AdminAccountsController, AuditLogController],
  providers: [StaffDirectoryService, BindingStatsService, UrgeBindingService, OwnAccountService, AccountAdminService, AuditLogService],
})
export class PermissionsModule {}
