import { Initial1795681384045 } from './1795681384045-Initial';
import { IdentityLookupFailures1795682122253 } from './1795682122253-IdentityLookupFailures';
import { AuditRefusedWrites1796115144803 } from './1796115144803-AuditRefusedWrites';
import { DropAccountLastUrgedToBindAt1796115350093 } from './1796115350093-DropAccountLastUrgedToBindAt';
import { WorkflowCaseStreet1796115378646 } from './1796115378646-WorkflowCaseStreet';
import { AccountPasswordChangedAt1796116420000 } from './1796116420000-AccountPasswordChangedAt';
import { TextSearchIndex1796117000000 } from './1796117000000-TextSearchIndex';
import { PropertyAreaRegistry1797000000000 } from './1797000000000-PropertyAreaRegistry';
import { Facilities1797100000000 } from './1797100000000-Facilities';
import { AreaChanges1797200000000 } from './1797200000000-AreaChanges';
import { CommonFunds1797300000000 } from './1797300000000-CommonFunds';
import { Practitioners1797400000000 } from './1797400000000-Practitioners';
import { Parking1797500000000 } from './1797500000000-Parking';
import { PractitionerCounts1797600000000 } from './1797600000000-PractitionerCounts';
import { CommonFundFeedSchedule1797650000000 } from './1797650000000-CommonFundFeedSchedule';
import { DownloadFiles1797800000000 } from './1797800000000-DownloadFiles';
import { DisputeLedger1797900000000 } from './1797900000000-DisputeLedger';

export const MYSQL_MIGRATIONS: Function[] = [Initial1795681384045, IdentityLookupFailures1795682122253, AuditRefusedWrites1796115144803, DropAccountLastUrgedToBindAt1796115350093, WorkflowCaseStreet1796115378646, AccountPasswordChangedAt1796116420000, TextSearchIndex1796117000000, PropertyAreaRegistry1797000000000, Facilities1797100000000, AreaChanges1797200000000, CommonFunds1797300000000, Practitioners1797400000000, Parking1797500000000, PractitionerCounts1797600000000, CommonFundFeedSchedule1797650000000, DownloadFiles1797800000000, DisputeLedger1797900000000];
