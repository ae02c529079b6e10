import { taroStorage } from './api/taro-adapters';
import { draftKey, draftStore } from './logic/draft-store';

/** The app's drafts of entry forms, in Taro storage (see logic/draft-store). */
export const drafts = draftStore(taroStorage);

export { draftKey };

/** Says once that the form opened as it was left. */
export const DRAFT_RESTORED_MESSAGE = '已恢复上次未提交的内容';
