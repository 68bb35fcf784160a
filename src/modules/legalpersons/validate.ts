/** Input checks of the legal-person registry, as field errors in Chinese (the portal's language) first. */
import { usccProblem } from '../../platform/checksums.js';
import { AppError, type FieldError } from '../../platform/errors.js';

const USCC_MESSAGES = {
  uscc_format: '统一社会信用代码格式不正确，应为 18 位 (USCC must be 18 characters of the GB 32100 alphabet)',
  uscc_check: '统一社会信用代码无效，校验码不符 (invalid USCC: wrong check character)',
  uscc_org_check: '统一社会信用代码无效，组织机构代码校验码不符 (invalid USCC: wrong organisation code check character)',
} as const;

/** The USCC normalised (trimmed, upper case); a validation_failed error when it is malformed. */
export function requireValidUscc(input: string, field = 'uscc'): string {
  const uscc = input.trim().toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) throw invalid([{ field, code: problem, message: USCC_MESSAGES[problem] }]);
  return uscc;
}

export function invalid(errors: FieldError[]): AppError {
  return new AppError('validation_failed', { message: '输入有误 (invalid input)', errors });
}
