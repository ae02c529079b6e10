import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { ModuleGrant } from '../../access/entities/module-grant.entity';
import { Region } from '../regions/entities/region.entity';
import { AccountProfileService } from './account-profile.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './entities/refresh-token.entity';
import { PasswordAttempts } from './password-attempts.service';
import { QuickEntries } from './quick-entries';
import { SessionService } from './session.service';

@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([Account, ModuleGrant, RefreshToken, Region])],
  controllers: [AuthController],
  providers: [AuthService, SessionService, AccountProfileService, PasswordAttempts, QuickEntries],
  exports: [SessionService, AccountProfileService, PasswordAttempts],
})
export class AuthModule {}
