import { Notice } from './notice.entity';
import { NoticeAttachment } from './notice-attachment.entity';
import { NoticeRecipient } from './notice-recipient.entity';
import { NoticeType } from './notice-type.entity';

export const NOTICE_ENTITIES = [NoticeType, Notice, NoticeRecipient, NoticeAttachment];
