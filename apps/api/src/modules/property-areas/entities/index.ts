import { Building } from './building.entity';
import { PropertyAreaProfile } from './property-area-profile.entity';

export { Building, PropertyAreaProfile };

/** The entities of the property-area registry (the area and its houses live in regions/entities). */
export const PROPERTY_AREA_ENTITIES = [PropertyAreaProfile, Building];
