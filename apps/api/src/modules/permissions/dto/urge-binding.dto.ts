import { ApiPropertyOptional } from '@nestjs/swagger';
import { UnitCategory } from '@szpm/contract';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsEnum, IsInt, IsOptional, Min } from 'class-validator';

/** Nothing chosen: every unbound account in the actor's scope (optionally of one unit category). */
export class UrgeBindingDto {
  @ApiPropertyOptional({ type: [Number], description: '指定催绑的账号；不填则催绑本区全部未绑定账号' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  accountIds?: number[];

  @ApiPropertyOptional({ enum: UnitCategory })
  @IsOptional()
  @IsEnum(UnitCategory)
  unitCategory?: UnitCategory;
}
