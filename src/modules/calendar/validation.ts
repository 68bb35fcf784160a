/** The calendar module's input errors, as AppErrors with field errors (Chinese first). */
import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';

export function invalidInput(error: z.ZodError): AppError {
  return new AppError('validation_failed', {
    message: '地方调整信息有误。/ The override has invalid fields.',
    errors: error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), code: issue.code, message: issue.message })),
  });
}

export function unknownJurisdiction(code: string): AppError {
  return new AppError('validation_failed', {
    message: '地方调整信息有误。/ The override has invalid fields.',
    errors: [{ field: 'jurisdictionCode', code: 'unknown_jurisdiction', message: `行政区划 ${code} 不存在 / unknown jurisdiction` }],
  });
}
