import { OwnerHouseBinding } from './owner-house-binding.entity';
import { OwnerIdentity } from './owner-identity.entity';

export { OwnerHouseBinding, OwnerIdentity };

export const OWNER_ENTITIES = [OwnerIdentity, OwnerHouseBinding];
