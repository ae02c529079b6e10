import { AreaCaseView } from '@szpm/contract';
import { AreaCaseList } from './AreaCaseList';

/** 查看申请记录 */
export default function SubmittedListPage() {
  return <AreaCaseList view={AreaCaseView.SUBMITTED} />;
}
