import { BadRecordsPage } from './RecordListPage';

export default BadRecordsPage;
