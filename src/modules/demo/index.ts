/**
 * Public face of the demo module: the Zhejiang demo catalogue seeded on first start, and the
 * benchmark-scale catalogue. The data is written in this module (data/), facts from public knowledge.
 */
export { seedDemo, seedDemoIfEmpty, type SeedResult } from './actions/seed-demo.js';
export { seedScale } from './actions/seed-scale.js';
