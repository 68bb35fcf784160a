/** Small building blocks of the identity pages' tables: they stack into cards at 375 px and work without JavaScript. */
import type { ComponentChildren } from 'preact';
import { CsrfField } from './forms.js';

export interface StackTableProps {
  /** The table's own class, next to `stack` (e.g. 'sessions'): tests and styles find the table by it. */
  name: string;
  caption: string;
  /** A caption for screen readers only, where a heading above already says it. */
  captionHidden?: boolean;
  /** The column headings, in order. */
  columns: string[];
  /** The label (for screen readers) of a last column of buttons, if any. */
  actions?: string;
  children: ComponentChildren;
}

/** A table in its scrolling wrapper; the rows are the children. */
export function StackTable({ name, caption, captionHidden, columns, actions, children }: StackTableProps) {
  return (
    <div class="table-wrap">
      <table class={`${name} stack`}>
        <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">{column}</th>
            ))}
            {actions ? (
              <th scope="col">
                <span class="visually-hidden">{actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export interface RowButtonProps {
  action: string;
  csrfToken: string;
  /** The hidden fields that say which row the button acts on. */
  fields: Record<string, string>;
  label: string;
  /** Said to screen readers after the label, so that each row's button has a name of its own. */
  context: string;
}

/** A form of one secondary button acting on a table row (e.g. revoke this session). */
export function RowButton({ action, csrfToken, fields, label, context }: RowButtonProps) {
  return (
    <form method="post" action={action}>
      <CsrfField token={csrfToken} />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="button-secondary">
        {label}
        <span class="visually-hidden">{context}</span>
      </button>
    </form>
  );
}
