import { PropertyAreaCase } from './property-area-case.entity';
import { PropertyAreaFieldRule } from './property-area-field-rule.entity';

export const AREA_CHANGE_ENTITIES = [PropertyAreaFieldRule, PropertyAreaCase];
export { PropertyAreaCase, PropertyAreaFieldRule };
