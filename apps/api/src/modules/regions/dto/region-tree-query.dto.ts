import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { RegionLevel } from '../entities/region.entity';

export class RegionTreeQueryDto {
  @ApiPropertyOptional({ enum: RegionLevel, default: RegionLevel.COMMUNITY, description: 'the deepest level to include' })
  @IsOptional()
  @IsEnum(RegionLevel)
  depth?: RegionLevel;
}
