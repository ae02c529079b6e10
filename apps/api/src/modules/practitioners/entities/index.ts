import { Practitioner } from './practitioner.entity';
import { PractitionerCertificate } from './practitioner-certificate.entity';
import { PractitionerRoster } from './practitioner-roster.entity';

export { Practitioner, PractitionerCertificate, PractitionerRoster };

export const PRACTITIONER_ENTITIES = [Practitioner, PractitionerCertificate, PractitionerRoster];
