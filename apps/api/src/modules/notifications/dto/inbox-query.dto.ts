import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalBooleanQuery } from '../../../common/validation/query-decorators';

export class InboxQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('only unread messages')
  unreadOnly?: boolean;
}
