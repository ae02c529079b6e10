import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditController } from './credit.controller';
import { CreditInformation } from './credit-information';
import { CreditService } from './credit.service';
import { CreditRecord } from './entities/credit-record.entity';

/**
 * Chapter 8, 信用信息: the basic, good and bad information of companies, project managers,
 * committee chairs, owners, executive secretaries and owner supervisors. It reads the service
 * evaluation's records (chapter 7) and keeps its own registrations (诚信登记).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CreditRecord])],
  controllers: [CreditController],
  providers: [CreditService, CreditInformation],
})
export class CreditModule {}
