/** The pages of a sign-in for another system: sign in (the shared form), step up, consent. */
import { SignInForm } from '../../pages/sign-in-form.js';
import { CsrfField } from '../../pages/forms.js';
import { isScope, type OidcScope } from '../settings.js';
import { OidcPage, type OidcView } from './shell.js';

export interface SignInPageProps {
  view: OidcView;
  clientName: string;
  action: string;
  csrfToken: string;
  step: 'password' | 'totp';
  username?: string;
  challenge?: string;
  error?: string | null;
}

export function SignInPage({ view, clientName, action, csrfToken, step, username, challenge, error }: SignInPageProps) {
  return (
    <OidcPage view={view} title={view.t.signInTitle}>
      <h1>{view.t.signInTitle}</h1>
      <p class="lead">{view.t.signInFor(clientName)}</p>
      <SignInForm
        m={view.env.m}
        action={action}
        csrfToken={csrfToken}
        step={step}
        {...(username ? { username } : {})}
        {...(challenge ? { challenge } : {})}
        error={error ?? null}
      />
    </OidcPage>
  );
}

export interface StepUpPageProps {
  view: OidcView;
  clientName: string;
  required: number;
  current: number;
  /** Where the verification pages send the user back to: this interaction. */
  returnTo: string;
  abortAction: string;
  csrfToken: string;
}

export function StepUpPage({ view, clientName, required, current, returnTo, abortAction, csrfToken }: StepUpPageProps) {
  const { t } = view;
  const next = `?next=${encodeURIComponent(returnTo)}`;
  return (
    <OidcPage view={view} title={t.stepUpTitle}>
      <h1>{t.stepUpTitle}</h1>
      <p class="lead">{t.stepUpIntro(clientName, required, current)}</p>
      <ol class="step-up">
        {current < 1 ? (
          <li>
            <a href={`/account/verify-phone${next}`}>{t.stepUpPhone}</a>
          </li>
        ) : null}
        {required >= 2 && current < 2 ? (
          <li>
            <a href={`/account/real-name${next}`}>{t.stepUpRealName}</a>
          </li>
        ) : null}
        {required >= 3 ? <li>{t.stepUpInPerson}</li> : null}
      </ol>
      <p>
        <a class="button button-primary" href={returnTo}>
          {t.stepUpContinue}
        </a>
      </p>
      <form method="post" action={abortAction} class="form">
        <CsrfField token={csrfToken} />
        <button type="submit" class="button-secondary">
          {t.cancel}
        </button>
      </form>
    </OidcPage>
  );
}

/** One line of the consent list: what a scope shares, and for this account what that is. */
export interface SharedItem {
  scope: OidcScope;
  /** The value as this account will share it (masked where a page may only show it masked), if useful. */
  preview: string | null;
}

export interface ConsentPageProps {
  view: OidcView;
  clientName: string;
  items: SharedItem[];
  confirmAction: string;
  abortAction: string;
  csrfToken: string;
}

export function ConsentPage({ view, clientName, items, confirmAction, abortAction, csrfToken }: ConsentPageProps) {
  const { t, env } = view;
  return (
    <OidcPage view={view} title={t.consentTitle}>
      <h1>{t.consentTitle}</h1>
      <p class="lead">{t.consentIntro(clientName)}</p>
      <h2>{t.consentShares}</h2>
      <ul class="consent-scopes">
        {items.map((item) => (
          <li data-scope={item.scope}>
            {t.scope(item.scope)}
            {item.preview ? (
              <>
                {env.m.colon}
                <strong>{item.preview}</strong>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>{t.consentNotShared}</p>
      <p>{t.consentRemember}</p>
      <div class="form-actions">
        <form method="post" action={confirmAction} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button-primary">
            {t.allow}
          </button>
        </form>{' '}
        <form method="post" action={abortAction} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button-secondary">
            {t.deny}
          </button>
        </form>
      </div>
    </OidcPage>
  );
}

/** The scopes of a request that the consent lists, in a stable order, unknown ones dropped. */
export function scopesToList(scope: unknown): OidcScope[] {
  if (typeof scope !== 'string') return [];
  return [...new Set(scope.split(' ').filter(isScope))];
}
