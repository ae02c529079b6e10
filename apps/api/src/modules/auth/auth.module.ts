import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { ModuleGrant } from '../../access/entities/module-grant.entity';
import { Region } from '../regions/entities/region.entity';
import { AccountProfileService } from './account-profile.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './entities/refresh-token.entity';
import { SessionService } from './session.service';

@Module({
  imports: [TypeOrmModule.forFeature([Account, ModuleGrant, RefreshToken, Region])],
  controllers: [AuthController],
  providers: [AuthService, SessionService, AccountProfileService],
  exports: [SessionService, AccountProfileService],
})
export class AuthModule {}
