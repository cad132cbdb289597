import { faultSuite } from './fault-run';

/** duplicateSheet does not copy the template's protections: the host protects each copy in the same batch. */
faultSuite(false);
