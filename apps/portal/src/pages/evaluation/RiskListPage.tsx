import { RiskListPage } from './RecordListPage';

export default RiskListPage;
