import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { JSON_MAX_DEPTH } from '../http/body-limits';
import { inputShapeDetails, isWellFormedText } from './input-shape';

class Address {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  line?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  city?: string;
}

class Profile {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  email?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;

  @ApiProperty({ type: [Address] })
  @ValidateNested({ each: true })
  @Type(() => Address)
  addresses: Address[];
}

const fields = (value: unknown, numbers = true) => inputShapeDetails(value, Profile, numbers).map((d) => `${d.field}:${d.constraint}`);

describe('inputShapeDetails', () => {
  it('lets null through only where the contract declares the field nullable, nested DTOs included', () => {
    expect(fields({ email: null })).toEqual([]);
    expect(fields({ name: null })).toEqual(['name:isNotNull']);
    expect(fields({ addresses: [{ line: null }, { city: null }] })).toEqual(['addresses[1].city:isNotNull']);
  });

  it('refuses lone surrogates in values and keys, and keeps proper pairs', () => {
    expect(isWellFormedText('深圳 😀')).toBe(true);
    expect(isWellFormedText('a\uD800')).toBe(false);
    expect(isWellFormedText('\uDC00a')).toBe(false);
    expect(fields({ name: 'x\uD83D', addresses: [{ city: '\uDE00' }], ['k\uD800']: 1 })).toEqual(['name:isWellFormed', 'addresses[0].city:isWellFormed', 'k\uD800:isWellFormed']);
  });

  it('refuses numbers beyond the safe integers in bodies, not in query text', () => {
    expect(fields({ name: 1e300, addresses: [{ city: -1e20 }] })).toEqual(['name:isSafeNumber', 'addresses[0].city:isSafeNumber']);
    expect(fields({ name: 2 ** 53 - 1, city: 1.5 })).toEqual([]);
    expect(fields({ name: 1e300 }, false)).toEqual([]);
  });

  it('refuses nesting deeper than JSON_MAX_DEPTH, naming where it goes too deep, however deep the input', () => {
    /** `depth` arrays, one inside the other, built without recursion */
    const nested = (depth: number) => {
      let value: unknown[] = [];
      for (let level = 1; level < depth; level++) value = [value];
      return value;
    };
    expect(fields(nested(JSON_MAX_DEPTH))).toEqual([]);
    expect(fields({ addresses: [{ city: 'x' }], name: nested(JSON_MAX_DEPTH - 1) })).toEqual([]);
    expect(fields(nested(JSON_MAX_DEPTH + 1))).toEqual([`${'[0]'.repeat(JSON_MAX_DEPTH)}:maxDepth`]);
    const tooDeep = inputShapeDetails({ addresses: nested(200_000) }, Profile, true);
    expect(tooDeep).toEqual([{ field: `addresses${'[0]'.repeat(JSON_MAX_DEPTH - 1)}`, constraint: 'maxDepth', message: expect.stringContaining('嵌套') }]);
  });
});
