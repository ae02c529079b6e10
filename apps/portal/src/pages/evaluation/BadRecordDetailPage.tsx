import { RecordDetailPage } from './RecordDetailPage';

/** 不良信息汇总 → 查看 */
export default function BadRecordDetailPage() {
  return <RecordDetailPage kind="bad-record" />;
}
