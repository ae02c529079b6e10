import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { MAX_ROW_ID } from '../validation/query-decorators';

/**
 * A positive integer route parameter written in plain decimal digits; anything else (` 137`, `137e0`,
 * `1e1`, `+1`, `0x10`) is a 400 naming the parameter. It reads the text as sent: the global
 * validation pipe leaves path parameters unconverted for this reason.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'id';
    if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ROW_ID) throw AppException.invalidField(field, `${field}必须是正整数`);
    return Number(value);
  }
}
