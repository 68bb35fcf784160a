/** Small building blocks of the identity forms: every form works without JavaScript and names its errors. */
import type { ComponentChildren } from 'preact';
import type { Messages } from '../../../web/i18n.js';

/** A problem with one field of a form, shown next to the field and in the summary at the top. */
export interface FormProblem {
  /** The input's id, or null for a problem with the whole form (e.g. wrong username or password). */
  field: string | null;
  message: string;
}

/** The hidden anti-CSRF field every form that posts must carry (see src/platform/http/csrf.ts). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The summary of a form's problems; it is announced and links to each field. */
export function FormErrors({ m, problems, id = 'form-errors' }: { m: Messages; problems: FormProblem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <div class="form-error" role="alert" id={id} tabIndex={-1}>
      <h2>{m.identity.formErrors}</h2>
      <ul>
        {problems.map((p) => (
          <li>{p.field ? <a href={`#${p.field}`}>{p.message}</a> : p.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}

export interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  problems?: FormProblem[];
  value?: string;
  type?: 'text' | 'password' | 'tel' | 'date' | 'email';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel';
  maxLength?: number;
  required?: boolean;
  spellcheck?: boolean;
}

/** A labelled input with its hint and its error (aria-describedby, aria-invalid). */
export function TextField(props: TextFieldProps) {
  const error = props.problems?.find((p) => p.field === props.id)?.message;
  const describedBy = [props.hint ? `${props.id}-hint` : null, error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  // Built as a plain object: preact's typings narrow <input> by a literal `type`, and ours is a union.
  const inputAttributes: Record<string, unknown> = {
    id: props.id,
    name: props.name,
    type: props.type ?? 'text',
    value: props.type === 'password' ? '' : (props.value ?? ''),
    autocomplete: props.autocomplete,
    inputMode: props.inputMode,
    maxLength: props.maxLength,
    required: props.required,
    spellcheck: props.spellcheck,
    'aria-describedby': describedBy,
    'aria-invalid': error ? 'true' : undefined,
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {error}
        </span>
      ) : null}
      <input {...inputAttributes} />
    </div>
  );
}
