import { AreaCaseView } from '@szpm/contract';
import { AreaCaseList } from './AreaCaseList';

/** 审批列表 */
export default function ReviewingListPage() {
  return <AreaCaseList view={AreaCaseView.REVIEWING} />;
}
