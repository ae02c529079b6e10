import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, PublicBadRecord, PublicDistrict, PublicRiskListEntry } from '@szpm/contract';
import { Public } from '../../../access/access.decorators';
import { PublicCache } from '../../../common/http/public-cache';
import { RateLimit } from '../../../common/http/throttling';
import { PublicitySearchDto } from '../dto/records-query.dto';
import { PublicityService } from '../publicity/publicity.service';

/** 信息公示: for the public (PC platform, the bureau's website, WeChat) — no login; cacheable for a minute. */
@ApiTags('service-evaluation (第7章 物业服务评价) — 信息公示（无需登录）')
@Controller('service-evaluation/publicity')
export class PublicityController {
  constructor(private readonly publicity: PublicityService) {}

  @Get('bad-records')
  @RateLimit('publicity')
  @Public()
  @PublicCache()
  @ApiOperation({ summary: '不良信息公示：公示期内的已生效不良信息' })
  badRecords(@Query() query: PublicitySearchDto): Promise<Page<PublicBadRecord>> {
    return this.publicity.badRecords(query);
  }

  @Get('risk-list')
  @RateLimit('publicity')
  @Public()
  @PublicCache()
  @ApiOperation({ summary: '风险名单公示：公示期内的物业服务企业和项目负责人风险名单' })
  riskList(@Query() query: PublicitySearchDto): Promise<Page<PublicRiskListEntry>> {
    return this.publicity.riskList(query);
  }

  @Get('districts')
  @RateLimit('publicity')
  @Public()
  @PublicCache()
  @ApiOperation({ summary: '公示查询的行政区（按行政区检索公示信息）' })
  districts(): Promise<PublicDistrict[]> {
    return this.publicity.districtList();
  }
}
