import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../platform/errors.js';
import { messagesFor, readPreferences } from './i18n.js';
import { Layout, type ViewEnv } from './layout.js';
import { SearchForm } from './components.js';
import { renderPage } from './render.js';

/**
 * The error page for people (the API gets problem+json). It renders without the database, in the
 * visitor's language, and never echoes internal details of a 5xx.
 */
export function renderErrorPage(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const prefs = readPreferences(request);
  const m = messagesFor(prefs.lang);
  const env: ViewEnv = { lang: prefs.lang, elder: prefs.elder, m, region: null, url: request.url };
  for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
  const status = error.status;
  const heading = m.error.heading[status] ?? m.error.title(status);
  const explanation = m.error.explainCode[error.code] ?? m.error.explain[status] ?? m.error.explainDefault;
  // After a refused form post, a way back to the form: every form's action URL leads back to it with GET.
  const path = request.url.split('?')[0]!;
  const back = request.method !== 'GET' && request.method !== 'HEAD' && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null;
  return renderPage(
    reply,
    <Layout env={env} title={heading} section="none" hideHeaderSearch>
      <div class="error-page">
        <p class="error-status">{m.error.title(status)}</p>
        <h1>{heading}</h1>
        <p class="lead">{explanation}</p>
        {error.errors && error.errors.length > 0 ? (
          <div class="error-summary" role="alert">
            <h2>{m.error.fieldErrors}</h2>
            <ul>
              {error.errors.map((fieldError) => (
                <li>
                  <code>{fieldError.field}</code>
                  {m.colon}
                  {fieldError.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <SearchForm m={m} id="error-search" large />
        <ul class="error-links">
          {back ? (
            <li>
              <a href={back}>{m.error.goBack}</a>
            </li>
          ) : null}
          <li>
            <a href="/">{m.error.goHome}</a>
          </li>
          <li>
            <a href="/search">{m.error.goSearch}</a>
          </li>
        </ul>
        <p class="muted">
          {m.error.requestId}: <code>{request.id}</code>
        </p>
      </div>
    </Layout>,
    { status },
  );
}
