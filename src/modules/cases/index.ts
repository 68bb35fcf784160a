/**
 * Public face of the cases module (办件, 统一受理): applications, their workflow on the legal clock, the
 * timeline, the public status lookup and the deemed-acceptance job.
 */
import type { ModuleContext } from '../../platform/context.js';
import type { HttpServer } from '../../platform/http/server.js';
import { identityDeps, type IdentityDeps } from '../identity/index.js';
import { chinaToday } from './case-number.js';
import { startDeemedAcceptanceLoop } from './deemed-acceptance-loop.js';
import { registerCaseRoutes } from './routes.js';
import { registerCasePages } from './page-routes.js';

/**
 * The cases API, and the deemed-acceptance loop (stopped when the server closes). Pass the identity deps that
 * registerIdentity returned so that Bearer tokens are accepted; without them, only session cookies are.
 */
export async function registerCases(http: HttpServer, ctx: ModuleContext, identity: IdentityDeps = identityDeps(ctx)): Promise<void> {
  await registerCaseRoutes(http, identity);
  registerCasePages(http, ctx, identity);
  const loop = startDeemedAcceptanceLoop(identity, () => chinaToday());
  http.addHook('onClose', () => loop.stop());
}

export type { CasesDeps } from './deps.js';
export { submitCase, type SubmitCaseInput, type SubmittedCase } from './actions/submit-case.js';
export { takeCaseAction, type CaseActionInput, type CaseActionResult } from './actions/take-case-action.js';
export { viewCase, caseTimeline } from './actions/view-case.js';
export { listMyCases } from './actions/list-my-cases.js';
export { lookUpCaseStatus } from './actions/look-up-case-status.js';
export { deemAcceptedCases } from './actions/deem-accepted-cases.js';
export { chinaToday, formatCaseNumber, isCaseNumber, CASE_NUMBER_LENGTH } from './case-number.js';
export { STATUS_LABELS, ACTION_LABELS } from './labels.js';
export {
  CASE_STATUSES,
  CASE_ACTIONS,
  allowedActions,
  transition,
  type CaseStatus,
  type CaseAction,
  type CaseState,
  type Actor,
  type ActionInput,
} from './workflow.js';
