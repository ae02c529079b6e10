import { DisputeCase } from './dispute-case.entity';
import { DisputeCategory } from './dispute-category.entity';
import { DisputeImportBatch } from './dispute-import-batch.entity';

export { DisputeCase, DisputeCategory, DisputeImportBatch };

export const DISPUTE_ENTITIES = [DisputeCategory, DisputeCase, DisputeImportBatch];
