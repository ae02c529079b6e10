import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app.exception';

/** A positive integer route parameter; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'id';
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw AppException.invalidField(field, `${field}必须是正整数`);
    return Number(value);
  }
}
