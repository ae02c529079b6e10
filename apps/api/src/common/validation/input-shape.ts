import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { FieldErrorDetail } from '@szpm/contract';
import { JSON_MAX_DEPTH } from '../http/body-limits';

/**
 * Checks every request value before class-transformer and class-validator see it, for what no DTO
 * rule states because it holds for every field: text is well-formed Unicode (a lone UTF-16
 * surrogate cannot be stored or encoded), a number is within the safe integer range (beyond it a
 * JSON number has lost its digits), and `null` is sent only for a field the contract declares
 * nullable (`@ApiProperty({ nullable: true })`: the same declaration the OpenAPI document shows),
 * and arrays and objects nest at most JSON_MAX_DEPTH deep (the walk stops there, so no input can
 * exhaust the stack, whatever way it arrived).
 */

type Constructor = new (...args: never[]) => unknown;

const MESSAGES = {
  isWellFormed: '{field}含有无法识别的字符',
  isSafeNumber: '{field}超出允许的数值范围',
  isNotNull: '{field}不能为 null',
  maxDepth: `{field}嵌套超过 ${JSON_MAX_DEPTH} 层`,
} as const;

function detail(field: string, constraint: keyof typeof MESSAGES): FieldErrorDetail {
  return { field, constraint, message: MESSAGES[constraint].replace('{field}', field) };
}

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `String.prototype.isWellFormed` (ES2024), which the ES2022 library this app compiles against lacks. */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

const join = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

type Declared = { nullable?: boolean; type?: unknown };

const declared = (type: Constructor, property: string) => Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype as object, property) as Declared | undefined;

function declaresNullable(type: Constructor | undefined, property: string): boolean {
  if (!type) return true; // no DTO to ask (a free-form object such as a workflow payload): its own rules decide
  return declared(type, property)?.nullable === true;
}

const NOT_DTOS: unknown[] = [String, Number, Boolean, Date, Object, Array];

/** The DTO class a nested property holds, as the OpenAPI document declares it (`type: X`, `type: [X]`, `type: () => X`) or TypeScript emits it. */
function nestedType(type: Constructor | undefined, property: string): Constructor | undefined {
  if (!type) return undefined;
  let nested = declared(type, property)?.type ?? Reflect.getMetadata('design:type', type.prototype as object, property);
  if (Array.isArray(nested)) nested = nested[0];
  // a lazy reference is an arrow function (no prototype); a class has one
  if (typeof nested === 'function' && !nested.prototype) nested = (nested as () => unknown)();
  return typeof nested === 'function' && !NOT_DTOS.includes(nested) ? (nested as Constructor) : undefined;
}

/**
 * The fields of `value` that break a rule above, named by their path as the client sent them.
 * `type` is the DTO the value becomes (for the nullable rule); `checkNumbers` is off for query
 * strings and path parameters, whose numbers are still text here. `depth` counts the arrays and
 * objects around `value` (the body or query object itself is level 1).
 */
export function inputShapeDetails(value: unknown, type: Constructor | undefined, checkNumbers: boolean, field = '', depth = 0): FieldErrorDetail[] {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [detail(field, 'isWellFormed')];
  if (typeof value === 'number') return checkNumbers && !(Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) ? [detail(field, 'isSafeNumber')] : [];
  if (value === null || typeof value !== 'object') return [];
  if (depth + 1 > JSON_MAX_DEPTH) return [detail(field, 'maxDepth')];
  if (Array.isArray(value)) return value.flatMap((item, index) => inputShapeDetails(item, type, checkNumbers, join(field, index), depth + 1));
  return Object.entries(value).flatMap(([key, item]) => {
    const path = join(field, key);
    if (!isWellFormedText(key)) return [detail(path, 'isWellFormed')];
    if (item === null) return declaresNullable(type, key) ? [] : [detail(path, 'isNotNull')];
    return inputShapeDetails(item, nestedType(type, key), checkNumbers, path, depth + 1);
  });
}
