import { faultSuite } from './fault-run';

/** duplicateSheet copies the template's protections (see docs/host-facts/apps-script.md). */
faultSuite(true);
