import { Facility } from './facility.entity';
import { FacilityMaintenanceAttachment } from './facility-maintenance-attachment.entity';
import { FacilityMaintenanceRecord } from './facility-maintenance-record.entity';
import { FacilityType } from './facility-type.entity';

export { Facility, FacilityMaintenanceAttachment, FacilityMaintenanceRecord, FacilityType };

export const FACILITY_ENTITIES = [FacilityType, Facility, FacilityMaintenanceRecord, FacilityMaintenanceAttachment];
