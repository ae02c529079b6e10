import { RecordEntryPage } from './RecordEntryPage';

/** 我的工作 → 不良信息认定 */
export default function BadRecordEntryPage() {
  return <RecordEntryPage kind="bad-record" />;
}
