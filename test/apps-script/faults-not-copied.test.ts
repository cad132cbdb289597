import { faultSuite } from './fault-run';

/** insertSheet does not copy the template's protection: each copy is protected in separate calls. */
faultSuite(false);
