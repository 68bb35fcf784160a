/**
 * Public face of the demo module: the Zhejiang demo catalogue seeded on first start, and the
 * benchmark-scale catalogue. The data is written in this module (data/), facts from public knowledge.
 */
export { seedDemo, seedDemoIfEmpty, type SeedResult } from './actions/seed-demo.js';
export { seedScale } from './actions/seed-scale.js';
export { listDemoAccounts, seedDemoAccounts, type DemoAccount } from './actions/demo-accounts.js';
export { DEMO_COMPANY, DEMO_UNBOUND_COMPANY, DEMO_UNREGISTERED_RESIDENT, demoTotpSecret } from './data/accounts.js';
