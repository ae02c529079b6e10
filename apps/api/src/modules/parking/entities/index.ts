import { ParkingDisputeReport } from './parking-dispute-report.entity';
import { ParkingFiling } from './parking-filing.entity';

export { ParkingDisputeReport, ParkingFiling };

export const PARKING_ENTITIES = [ParkingFiling, ParkingDisputeReport];
