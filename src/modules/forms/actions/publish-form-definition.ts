/**
 * Publish a new version of a form definition for a basic item code (all its implementations) or for one
 * implementation code (an override). The schema must compile and its example must be valid.
 */
import { writeAudit } from '../../../platform/audit.js';
import type { Db } from '../../../platform/db/index.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { insertDefinition, maxDefinitionVersion, type DefinitionKeyKind } from '../forms.repository.js';
import type { FormDefinition } from '../model.js';
import { definitionProblems } from '../definition-check.js';

export interface PublishFormDefinitionInput {
  kind: DefinitionKeyKind;
  code: string;
  /** The version is assigned: one above the highest stored (built-ins are version 1, so the first stored is 2). */
  definition: Omit<FormDefinition, 'version'>;
  actor: string;
  requestId?: string;
}

export async function publishFormDefinition(db: Db, input: PublishFormDefinitionInput): Promise<FormDefinition> {
  const problems: FieldError[] = definitionProblems({ ...input.definition, version: 1 });
  if (problems.length > 0) throw new AppError('validation_failed', { message: '表单定义有误。The form definition is invalid.', errors: problems });
  return db.transaction(async (tx) => {
    const version = Math.max(1, await maxDefinitionVersion(tx, input.kind, input.code)) + 1;
    const definition: FormDefinition = { ...input.definition, version };
    await insertDefinition(tx, input.kind, input.code, definition, input.actor);
    await writeAudit(tx, {
      actor: input.actor,
      action: 'forms.definition.publish',
      subject: `${input.kind}:${input.code}`,
      requestId: input.requestId,
      detail: { version },
    });
    return definition;
  });
}
