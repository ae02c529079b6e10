import { Practitioner } from './practitioner.entity';
import { PractitionerAreaCount } from './practitioner-area-count.entity';
import { PractitionerCertificate } from './practitioner-certificate.entity';
import { PractitionerRoster } from './practitioner-roster.entity';

export { Practitioner, PractitionerAreaCount, PractitionerCertificate, PractitionerRoster };

export const PRACTITIONER_ENTITIES = [Practitioner, PractitionerCertificate, PractitionerRoster, PractitionerAreaCount];
