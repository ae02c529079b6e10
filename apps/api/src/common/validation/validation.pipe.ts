import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrorCode, ERROR_MESSAGES, FieldErrorDetail } from '@szpm/contract';
import { AppException } from '../errors/app.exception';
import { inputShapeDetails } from './input-shape';

/** Chinese wording per class-validator constraint; `{field}` is the field path the client sent. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  isNotEmpty: '{field}不能为空',
  isDefined: '{field}为必填项',
  isString: '{field}必须是文本',
  isInt: '{field}必须是整数',
  isNumber: '{field}必须是数字',
  isBoolean: '{field}必须是 true 或 false',
  isEnum: '{field}的取值不在允许范围内',
  isIn: '{field}的取值不在允许范围内',
  isArray: '{field}必须是列表',
  arrayNotEmpty: '{field}至少需要一项',
  arrayMaxSize: '{field}的数量超过上限',
  arrayUnique: '{field}中有重复项',
  isDateString: '{field}必须是ISO 8601格式的时间',
  isISO8601: '{field}必须是ISO 8601格式的时间',
  isCalendarDate: '{field}必须是 YYYY-MM-DD 格式的日期',
  isDateTime: '{field}必须是带时区的 ISO 8601 时间，如 2026-12-01T09:00:00+08:00',
  matches: '{field}格式不正确',
  length: '{field}的长度不符合要求',
  minLength: '{field}太短',
  maxLength: '{field}太长',
  min: '{field}太小',
  max: '{field}太大',
  isPositive: '{field}必须大于0',
  isUrl: '{field}必须是网址',
  isEmail: '{field}必须是邮箱地址',
  isMobilePhone: '{field}必须是有效的手机号码',
  whitelistValidation: '不允许提交字段{field}',
  nestedValidation: '{field}格式不正确',
  isObject: '{field}必须是对象',
  unknownValue: '请求内容必须是JSON对象',
};

/** The constraint to report when several fail on one field: presence, then type, then shape. */
const PRIORITY = ['whitelistValidation', 'unknownValue', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isEnum', 'isIn'];

function pick(constraints: string[], missing: boolean): string {
  if (missing && constraints.some((c) => c !== 'whitelistValidation')) return 'isNotEmpty';
  return [...constraints].sort((a, b) => rank(a) - rank(b))[0];
}

const rank = (c: string) => (PRIORITY.includes(c) ? PRIORITY.indexOf(c) : PRIORITY.length);

/**
 * One detail per offending field, with the message an officer can act on. `label` names the field
 * in the message: the API names the field path the client sent, an xlsx import the column's header.
 */
export function validationDetails(errors: ValidationError[], label: (field: string) => string = (field) => field, parent = ''): FieldErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const names = Object.keys(error.constraints ?? {});
    const own: FieldErrorDetail[] = [];
    if (names.length) {
      const constraint = pick(names, error.value === undefined || error.value === null || error.value === '');
      own.push({ field, constraint, message: (CONSTRAINT_MESSAGES[constraint] ?? '{field}不符合要求').replace('{field}', label(field)) });
    }
    return [...own, ...validationDetails(error.children ?? [], label, field)];
  });
}

const refusal = (details: FieldErrorDetail[]) =>
  new AppException(
    CommonErrorCode.VALIDATION_FAILED,
    HttpStatus.BAD_REQUEST,
    details.length ? details.map((d) => d.message).join('；') : ERROR_MESSAGES[CommonErrorCode.VALIDATION_FAILED],
    details,
  );

/**
 * Global validation: unknown fields are refused (so a client can never send a server-computed
 * value such as points), and the 400 names every offending field. Before the DTO rules, every
 * value passes the rules of all fields (input-shape.ts: well-formed text, safe numbers, null only
 * where declared nullable).
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const type = typeof metadata.metatype === 'function' && !isPrimitiveType(metadata.metatype) ? metadata.metatype : undefined;
      const field = metadata.type === 'param' ? (metadata.data ?? 'id') : (metadata.data ?? '');
      const details = inputShapeDetails(value, type as never, metadata.type === 'body', field);
      if (details.length) throw refusal(details);
    }
    return super.transform(value, metadata);
  }

  /** Path parameters stay text: their own pipe (ParseIdPipe, enum pipes) reads them strictly, so `137e0` or ` 137` is not id 137. */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

const isPrimitiveType = (type: unknown) => type === String || type === Number || type === Boolean || type === Object || type === Array;

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => refusal(validationDetails(errors)),
  });
}
