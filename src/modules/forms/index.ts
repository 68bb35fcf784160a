/**
 * Public face of the forms module (申请表单): versioned form definitions per item (JSON Schema draft-07 with
 * an example, layout hints, minimum level, prefill), server-side validation with every error at once,
 * prefill from the identity, the FormFields component, and applicants' drafts.
 */
import type { ModuleContext } from '../../platform/context.js';
import type { IdentityDeps } from '../identity/index.js';
import type { Queryable } from '../../platform/db/index.js';
import type { HttpServer } from '../../platform/http/server.js';
import { findOwnDraft } from './forms.repository.js';
import type { Draft } from './model.js';
import { registerFormRoutes } from './routes.js';

export type {
  FormDefinition,
  FormLayout,
  FormPage,
  FormSection,
  Widget,
  JsonSchema,
  PrefillSource,
  PrefillFacts,
  MaterialRequirement,
  ItemForm,
  Draft,
} from './model.js';
export type { FieldError } from '../../platform/errors.js';

/** `identity`: the app's identity dependencies, so that the forms API takes Bearer tokens as the rest of the API does. */
export async function registerForms(http: HttpServer, ctx: ModuleContext, identity: IdentityDeps): Promise<void> {
  await registerFormRoutes(http, ctx, identity);
}

// Reads and pure logic
export { getItemForm, materialIdOf } from './item-form.js';
export { validateApplication, CUSTOM_FORMATS } from './validation.js';
export { prefillFor, mergeFormData } from './prefill.js';
export { exampleOf, definitionProblems } from './definition-check.js';
export { fieldValuesFromPost } from './posted-fields.js';
export { FormFields, type FormFieldsProps } from './form-fields.js';
export { MAX_DRAFT_BYTES } from './drafts.js';

/** One's own draft, or null (another person's draft is null too). `owner` is accountIdOf the person without company. */
export function getOwnDraft(db: Queryable, owner: string, id: string): Promise<Draft | null> {
  return findOwnDraft(db, owner, id);
}

// Actions
export { createDraft, type CreateDraftInput } from './actions/create-draft.js';
export { updateDraft, type UpdateDraftInput } from './actions/update-draft.js';
export { deleteDraft, type DeleteDraftInput } from './actions/delete-draft.js';
export { publishFormDefinition, type PublishFormDefinitionInput } from './actions/publish-form-definition.js';
