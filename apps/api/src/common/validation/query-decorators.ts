import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The query-string fields every list repeats, each as one decorator (validation, conversion and
 * the swagger entry together). Query values arrive as text; a value these cannot read is left as
 * it came, so the validation pipe's 400 names the field (createValidationPipe).
 */

const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false };

/** 'true' / '1' → true, 'false' / '0' → false; anything else is refused with 「{field}必须是 true 或 false」. */
export function OptionalBooleanQuery(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value in BOOLEAN_TEXT ? BOOLEAN_TEXT[value] : value)),
    IsBoolean(),
  );
}

/** The largest row id (the id columns are 32-bit integers). */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * Decimal digits only become a number: `1e3`, `0x10`, `1.5`, ` 7` or `Infinity` stay text and are
 * refused with 「{field}必须是整数」; a number of any length is read so that @Max names it 「{field}太大」.
 */
const readInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** A whole-number query field from `min` to `max`, both bounds part of the contract. */
export function IntegerQuery(options: { min: number; max: number; required?: boolean; description?: string; default?: number }): PropertyDecorator {
  const { min, max, required = false, description } = options;
  const schema = { type: 'integer' as const, minimum: min, maximum: max, description, default: options.default };
  return applyDecorators(
    ...(required ? [ApiProperty(schema)] : [ApiPropertyOptional(schema), IsOptional()]),
    Transform(readInteger),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** A row id filter (districtId, noticeTypeId, …): a whole number from 1. */
export function OptionalIdQuery(description?: string): PropertyDecorator {
  return IntegerQuery({ min: 1, max: MAX_ROW_ID, description });
}

/** A row id the list cannot do without (subjectId of a candidates list, …). */
export function IdQuery(description?: string): PropertyDecorator {
  return IntegerQuery({ min: 1, max: MAX_ROW_ID, required: true, description });
}

export const TEXT_SEARCH_MAX_LENGTH = 64;

/**
 * The text filter of a list, always named `search`: trimmed, blank means no filter, at most
 * `maxLength` characters (names: 32; titles and numbers: 64).
 */
export function TextSearchQuery(description: string, maxLength = TEXT_SEARCH_MAX_LENGTH): PropertyDecorator {
  const named: PropertyDecorator = (_target, property) => {
    if (property !== 'search') throw new Error(`@TextSearchQuery() is for the field named search (one name for the text filter of every list), not ${String(property)}`);
  };
  return applyDecorators(
    named,
    ApiPropertyOptional({ type: String, description, maxLength }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    }),
    IsString(),
    MaxLength(maxLength),
  );
}
