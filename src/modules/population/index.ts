/**
 * Public face of the population module (人口基础库): the synthetic resident registry of the public
 * security agency, and three-factor verification against it. No HTTP routes: the identity module
 * calls verifyResident.
 */
export { verifyResident, type VerificationResult } from './actions/verify-resident.js';
export { seedPopulation } from './actions/seed-population.js';
export { type ResidentFactors, checkResidentFactors, isLuhnValid } from './factors.js';
export { DEMO_RESIDENTS, generateResidents, prng, pick, digits, type Random, type SyntheticResident } from './synthetic.js';
