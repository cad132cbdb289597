import { faultSuite } from './fault-run';

/** insertSheet copies the template's protection (see docs/host-facts/apps-script.md). */
faultSuite(true);
