import { commonFundsSection } from './common-funds';
import { downloadsSection } from './downloads';
import { disputesSection, disputeStatisticsSection } from './disputes';
import { noticesSection, noticeTypesSection } from './notices';
import { parkingSection } from './parking';
import { PERMISSIONS_SECTIONS } from './permissions';
import { practitionersSection } from './practitioners';
import { propertyAreasSection } from './property-areas';
import { safetyInspectionsSection } from './safety-inspections';
import type { PortalSection } from './section';
import { serviceEvaluationSections } from './service-evaluation';
import { todosSection } from './todos';

export type { PortalSection } from './section';

/** Every menu section of the portal, in the manual's chapter order (the menu sorts by module order anyway). */
export const SECTIONS: readonly PortalSection[] = [...PERMISSIONS_SECTIONS, todosSection, propertyAreasSection, ...serviceEvaluationSections, commonFundsSection, practitionersSection, parkingSection, noticesSection, noticeTypesSection, safetyInspectionsSection, disputesSection, disputeStatisticsSection, downloadsSection];
