import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { jwtModuleOptions } from './jwt-options';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/app-config';
import { AccessTokenService } from './access-token.service';
import { AccessGuard } from './access.guard';
import { ActorLoader } from './actor-loader.service';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditRecorder } from './audit/audit-recorder';
import { DistrictScope } from './district-scope';
import { Account } from './entities/account.entity';
import { AuditLog } from './entities/audit-log.entity';
import { ModuleGrant } from './entities/module-grant.entity';
import { Delegation } from '../modules/delegations/entities/delegation.entity';

/** Authentication, module grants, district scope and the audit log: cross-cutting, in one place. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Account, ModuleGrant, AuditLog, Delegation]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: jwtModuleOptions,
    }),
  ],
  providers: [
    AccessTokenService,
    ActorLoader,
    DistrictScope,
    AuditRecorder,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AccessTokenService, ActorLoader, DistrictScope, TypeOrmModule],
})
export class AccessModule {}
