/**
 * 已授权的系统 on the account page: the systems this person allowed, what each receives, and a
 * button to revoke each. The pages engineer places it; the form posts to this folder's route.
 */
import type { Lang } from '../../../../web/i18n.js';
import { CsrfField } from '../../pages/forms.js';
import type { Consent } from '../actions/list-consents.js';
import { oidcMessages } from './messages.js';

export interface ConsentsSectionProps {
  lang: Lang;
  consents: Consent[];
  csrfToken: string;
  /** Names of the companies the person acted for, by company id (for consents given while acting for one). */
  companyNames?: Record<string, string>;
}

export const CONSENTS_ANCHOR = 'connected-systems';

export function ConsentsSection({ lang, consents, csrfToken, companyNames = {} }: ConsentsSectionProps) {
  const t = oidcMessages(lang);
  const dateOf = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <section class="consents" id={CONSENTS_ANCHOR} aria-labelledby={`${CONSENTS_ANCHOR}-title`}>
      <h2 id={`${CONSENTS_ANCHOR}-title`}>{t.consentsTitle}</h2>
      <p>{t.consentsIntro}</p>
      {consents.length === 0 ? (
        <p class="muted">{t.consentsNone}</p>
      ) : (
        <ul class="consent-list">
          {consents.map((consent) => {
            const company = consent.companyId ? companyNames[consent.companyId] : undefined;
            return (
              <li class="card">
                <h3>
                  {consent.clientName}
                  {company ? <span class="muted"> {t.consentActingFor(company)}</span> : null}
                </h3>
                <ul>
                  {consent.scopes.map((scope) => (
                    <li>{t.scope(scope)}</li>
                  ))}
                </ul>
                <p class="muted">
                  {t.consentGrantedAt}
                  {lang === 'en' ? ': ' : '：'}
                  <time dateTime={consent.grantedAt.toISOString()}>{dateOf(consent.grantedAt)}</time>
                </p>
                <form method="post" action={`/account/consents/${consent.id}/revoke`} class="inline-form">
                  <CsrfField token={csrfToken} />
                  <button type="submit" class="button-secondary">
                    {t.revoke(consent.clientName)}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
