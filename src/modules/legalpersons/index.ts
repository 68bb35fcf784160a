/**
 * Public face of the legalpersons module (法人基础库): the synthetic legal-person registry of the
 * market-regulation agency, looked up by USCC, and the check of a legal representative. No HTTP
 * routes: the identity module calls these.
 */
export { lookupLegalPerson, type LegalPerson } from './actions/lookup-legal-person.js';
export { verifyLegalRepresentative, type RepresentativeClaim } from './actions/verify-legal-representative.js';
export { seedLegalPersons } from './actions/seed-legal-persons.js';
export { DEMO_LEGAL_PERSONS, generateLegalPersons, type SyntheticLegalPerson, type LegalPersonStatus, type LegalPersonType } from './synthetic.js';
