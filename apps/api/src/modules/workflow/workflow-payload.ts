import { CommonErrorCode, FieldErrorDetail } from '@szpm/contract';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { AppException } from '../../common/errors/app.exception';
import { createValidationPipe } from '../../common/validation/validation.pipe';

const pipe = createValidationPipe();

/** simple-json is TEXT on MySQL (64 KiB); a form's content stays well below it. */
export const MAX_PAYLOAD_BYTES = 60_000;

/**
 * Validates a form's content with its definition's DTO exactly as the global pipe validates a body
 * (unknown fields refused, Chinese messages). `field` prefixes the reported field names when the
 * content arrives nested, e.g. as `payload` of an action.
 */
export async function validatePayload<P extends object>(payloadClass: ClassConstructor<P>, raw: unknown, field?: string): Promise<P> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const name = field ?? 'payload';
    throw AppException.invalidField(name, `${name}必须是对象`);
  }
  try {
    return (await pipe.transform(raw, { type: 'body', metatype: payloadClass })) as P;
  } catch (error) {
    if (!field || !(error instanceof AppException) || !Array.isArray(error.details)) throw error;
    const details = (error.details as FieldErrorDetail[]).map((d) => ({
      ...d,
      field: `${field}.${d.field}`,
      message: d.message.replace(d.field, `${field}.${d.field}`),
    }));
    throw new AppException(CommonErrorCode.VALIDATION_FAILED, error.status, details.map((d) => d.message).join('；'), details);
  }
}

/** The JSON stored in the case: what the definition prepared, as plain data. */
export function toStoredPayload(payload: object, field = 'payload'): Record<string, unknown> {
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json, 'utf8') > MAX_PAYLOAD_BYTES) throw AppException.invalidField(field, `${field}内容过长`);
  return JSON.parse(json) as Record<string, unknown>;
}

/** The stored JSON as the definition's class again (dates and nested types restored), for its hooks. */
export function hydratePayload<P extends object>(payloadClass: ClassConstructor<P>, stored: Record<string, unknown>): P {
  return plainToInstance(payloadClass, stored);
}
