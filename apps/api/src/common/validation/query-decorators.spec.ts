import { ArgumentMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { AppException } from '../errors/app.exception';
import { OptionalBooleanQuery, OptionalIdQuery, TextSearchQuery } from './query-decorators';
import { createValidationPipe } from './validation.pipe';

class ListQuery {
  @OptionalBooleanQuery('true: 只看未读')
  unreadOnly?: boolean;

  @OptionalIdQuery('行政区')
  districtId?: number;

  @TextSearchQuery('姓名包含', 8)
  search?: string;
}

const pipe = createValidationPipe();
const metadata: ArgumentMetadata = { type: 'query', metatype: ListQuery };
const parse = (query: Record<string, unknown>) => pipe.transform(query, metadata) as Promise<ListQuery>;

async function refusal(query: Record<string, unknown>): Promise<AppException> {
  const error = await parse(query).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppException);
  return error as AppException;
}

describe('query decorators', () => {
  it('OptionalBooleanQuery reads true/false/1/0 and leaves it out when absent', async () => {
    expect((await parse({ unreadOnly: 'true' })).unreadOnly).toBe(true);
    expect((await parse({ unreadOnly: '1' })).unreadOnly).toBe(true);
    expect((await parse({ unreadOnly: 'false' })).unreadOnly).toBe(false);
    expect((await parse({ unreadOnly: '0' })).unreadOnly).toBe(false);
    expect((await parse({})).unreadOnly).toBeUndefined();
  });

  it("OptionalBooleanQuery refuses 'yes' with a Chinese message naming the field", async () => {
    const error = await refusal({ unreadOnly: 'yes' });
    expect(error.status).toBe(400);
    expect(error.message).toBe('unreadOnly必须是 true 或 false');
    expect(error.details).toEqual([{ field: 'unreadOnly', constraint: 'isBoolean', message: 'unreadOnly必须是 true 或 false' }]);
  });

  it('OptionalIdQuery parses a whole number from 1 and refuses others, naming the field', async () => {
    expect((await parse({ districtId: '12' })).districtId).toBe(12);
    expect((await refusal({ districtId: 'abc' })).details).toEqual([expect.objectContaining({ field: 'districtId', constraint: 'isInt' })]);
    expect((await refusal({ districtId: '1.5' })).details).toEqual([expect.objectContaining({ field: 'districtId', constraint: 'isInt' })]);
    expect((await refusal({ districtId: '0' })).details).toEqual([expect.objectContaining({ field: 'districtId', constraint: 'min' })]);
  });

  it('OptionalIdQuery reads plain decimal digits only and bounds the id, so 1e300 or a 20-digit number is a 400, not a query', async () => {
    for (const text of ['1e3', '0x10', '+1', ' 7', 'Infinity', 'NaN', '1e300']) {
      expect((await refusal({ districtId: text })).details).toEqual([{ field: 'districtId', constraint: 'isInt', message: 'districtId必须是整数' }]);
    }
    for (const text of ['99999999999999999999', '2147483648']) {
      expect((await refusal({ districtId: text })).details).toEqual([{ field: 'districtId', constraint: 'max', message: 'districtId太大' }]);
    }
    expect((await parse({ districtId: '2147483647' })).districtId).toBe(2147483647);
  });

  it('TextSearchQuery trims, treats blank as no filter and caps the length', async () => {
    expect((await parse({ search: '  李明 ' })).search).toBe('李明');
    expect((await parse({ search: '   ' })).search).toBeUndefined();
    expect((await parse({ search: '一二三四五六七八' })).search).toBe('一二三四五六七八');
    const error = await refusal({ search: '一二三四五六七八九' });
    expect(error.details).toEqual([{ field: 'search', constraint: 'maxLength', message: 'search太长' }]);
  });

  it('TextSearchQuery is only for a field named search', () => {
    expect(() => {
      class WrongName {
        @TextSearchQuery('标题包含')
        q?: string;
      }
      return WrongName;
    }).toThrow('@TextSearchQuery() is for the field named search');
  });

  it('documents each field as optional in swagger', () => {
    const properties = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, ListQuery.prototype) as string[];
    expect(properties).toEqual([':unreadOnly', ':districtId', ':search']);
    const search = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, ListQuery.prototype, 'search') as Record<string, unknown>;
    expect(search).toMatchObject({ required: false, type: String, maxLength: 8, description: '姓名包含' });
    const unreadOnly = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, ListQuery.prototype, 'unreadOnly') as Record<string, unknown>;
    expect(unreadOnly).toMatchObject({ required: false, type: Boolean });
  });
});
