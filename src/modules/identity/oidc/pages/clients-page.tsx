/**
 * /admin/oidc/clients (平台管理员): the registered systems and the form to add one. A new client's
 * secret is shown once, on the page that answers the form, never in a URL.
 */
import type { Lang } from '../../../../web/i18n.js';
import { Layout } from '../../../../web/layout.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from '../../pages/forms.js';
import type { StaffPageInput } from '../../pages/staff/page.js';
import type { ClientRow } from '../oidc.repository.js';
import { SCOPES, type OidcScope } from '../settings.js';
import { oidcMessages } from './messages.js';

interface Words {
  title: string;
  intro: string;
  listTitle: string;
  none: string;
  clientId: string;
  type: string;
  confidential: string;
  public: string;
  redirectUris: string;
  postLogoutUris: string;
  scopes: string;
  sector: string;
  created: string;
  addTitle: string;
  name: string;
  redirectHint: string;
  postLogoutHint: string;
  sectorHint: string;
  typeHint: string;
  submit: string;
  addedTitle: string;
  addedIntro: string;
  secret: string;
  noSecret: string;
  back: string;
}

const WORDS: Record<Lang, Words> = {
  'zh-CN': {
    title: '接入系统管理',
    intro: '各部门业务系统通过 OpenID Connect 接入统一身份认证。回调地址必须完全一致才会跳转。',
    listTitle: '已登记的系统',
    none: '还没有登记任何系统。',
    clientId: '客户端标识 client_id',
    type: '类型',
    confidential: '机密客户端（服务端，有密钥）',
    public: '公开客户端（浏览器或移动应用，无密钥）',
    redirectUris: '回调地址',
    postLogoutUris: '退出后跳转地址',
    scopes: '授权范围',
    sector: '用户标识分区（sector）',
    created: '登记',
    addTitle: '登记新系统',
    name: '系统名称',
    redirectHint: '每行一个完整地址，如 https://tax.zj.gov.cn/oidc/callback',
    postLogoutHint: '可选，每行一个',
    sectorHint: '主机名，如 tax.zj.gov.cn。同一分区的系统看到同一个用户标识（sub）。',
    typeHint: '能保管密钥的服务端系统选“机密客户端”。',
    submit: '登记',
    addedTitle: '系统已登记',
    addedIntro: '请把以下信息安全地交给该系统的管理员。密钥只显示这一次。',
    secret: '客户端密钥 client_secret',
    noSecret: '公开客户端没有密钥，必须使用 PKCE。',
    back: '返回接入系统列表',
  },
  en: {
    title: 'Connected systems',
    intro: 'Agency systems sign their users in through the unified identity with OpenID Connect. Redirect URIs must match exactly.',
    listTitle: 'Registered systems',
    none: 'No system is registered yet.',
    clientId: 'Client ID',
    type: 'Type',
    confidential: 'Confidential (server side, with a secret)',
    public: 'Public (browser or mobile app, no secret)',
    redirectUris: 'Redirect URIs',
    postLogoutUris: 'Post-logout redirect URIs',
    scopes: 'Scopes',
    sector: 'Sector (for the pairwise sub)',
    created: 'Registered',
    addTitle: 'Register a system',
    name: 'System name',
    redirectHint: 'One absolute URI per line, such as https://tax.zj.gov.cn/oidc/callback',
    postLogoutHint: 'Optional, one per line',
    sectorHint: 'A host name such as tax.zj.gov.cn. Systems of one sector see the same sub for a person.',
    typeHint: 'Choose confidential for a server-side system that can keep a secret.',
    submit: 'Register',
    addedTitle: 'System registered',
    addedIntro: 'Hand these to the system’s administrators securely. The secret is shown only this once.',
    secret: 'Client secret',
    noSecret: 'A public client has no secret and must use PKCE.',
    back: 'Back to the connected systems',
  },
};

export interface ClientFormValues {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
  scopes: string[];
  sector: string;
  type: 'confidential' | 'public';
}

export const EMPTY_CLIENT_FORM: ClientFormValues = { name: '', redirectUris: '', postLogoutRedirectUris: '', scopes: ['openid', 'profile'], sector: '', type: 'confidential' };

export function ClientsPage({ input, clients, problems = [], values = EMPTY_CLIENT_FORM }: { input: StaffPageInput; clients: ClientRow[]; problems?: FormProblem[]; values?: ClientFormValues }) {
  const { env, m, csrf } = input;
  const w = WORDS[env.lang];
  const t = oidcMessages(env.lang);
  const errorOf = (id: string) => problems.find((p) => p.field === id)?.message;
  return (
    <Layout env={env} title={w.title} section="none" hideHeaderSearch>
      <h1>{w.title}</h1>
      <p class="lead">{w.intro}</p>
      <h2>{w.listTitle}</h2>
      {clients.length === 0 ? (
        <p class="muted">{w.none}</p>
      ) : (
        <ul class="client-list">
          {clients.map((c) => (
            <li class="card">
              <h3>{c.name}</h3>
              <dl>
                <dt>{w.clientId}</dt>
                <dd>
                  <code>{c.clientId}</code>
                </dd>
                <dt>{w.type}</dt>
                <dd>{c.type === 'confidential' ? w.confidential : w.public}</dd>
                <dt>{w.redirectUris}</dt>
                <dd>
                  {c.redirectUris.map((u) => (
                    <code class="block">{u}</code>
                  ))}
                </dd>
                <dt>{w.scopes}</dt>
                <dd>
                  <code>{c.scopes}</code>
                </dd>
                <dt>{w.sector}</dt>
                <dd>
                  <code>{c.sectorIdentifier}</code>
                </dd>
                <dt>{w.created}</dt>
                <dd>
                  <time dateTime={c.createdAt.toISOString()}>{c.createdAt.toISOString().slice(0, 10)}</time>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <h2 id="add-client">{w.addTitle}</h2>
      <FormErrors m={m} problems={problems} />
      <form class="form form-page" method="post" action="/admin/oidc/clients" aria-labelledby="add-client">
        <CsrfField token={csrf} />
        <TextField id="client-name" name="name" label={w.name} value={values.name} maxLength={100} required problems={problems} />
        <TextArea id="client-redirect-uris" name="redirectUris" label={w.redirectUris} hint={w.redirectHint} value={values.redirectUris} error={errorOf('client-redirect-uris')} required />
        <TextArea
          id="client-post-logout-uris"
          name="postLogoutRedirectUris"
          label={w.postLogoutUris}
          hint={w.postLogoutHint}
          value={values.postLogoutRedirectUris}
          error={errorOf('client-post-logout-uris')}
        />
        <div class="field">
          <fieldset aria-describedby={errorOf('client-scopes') ? 'client-scopes-error' : undefined}>
            <legend id="client-scopes">{w.scopes}</legend>
            {errorOf('client-scopes') ? (
              <span class="field-error" id="client-scopes-error">
                {errorOf('client-scopes')}
              </span>
            ) : null}
            {SCOPES.map((scope: OidcScope) => (
              <label class="choice" for={`client-scope-${scope}`}>
                <input type="checkbox" id={`client-scope-${scope}`} name="scopes" value={scope} checked={values.scopes.includes(scope)} />
                <code>{scope}</code> {t.scope(scope)}
              </label>
            ))}
          </fieldset>
        </div>
        <TextField id="client-sector" name="sector" label={w.sector} hint={w.sectorHint} value={values.sector} maxLength={253} required problems={problems} />
        <div class="field">
          <fieldset aria-describedby="client-type-hint">
            <legend>{w.type}</legend>
            <span class="hint" id="client-type-hint">
              {w.typeHint}
            </span>
            {(['confidential', 'public'] as const).map((type) => (
              <label class="choice" for={`client-type-${type}`}>
                <input type="radio" id={`client-type-${type}`} name="type" value={type} checked={values.type === type} />
                {type === 'confidential' ? w.confidential : w.public}
              </label>
            ))}
          </fieldset>
        </div>
        <button type="submit">{w.submit}</button>
      </form>
    </Layout>
  );
}

function TextArea(props: { id: string; name: string; label: string; hint: string; value: string; error: string | undefined; required?: boolean }) {
  const describedBy = [`${props.id}-hint`, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <span class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      <textarea id={props.id} name={props.name} required={props.required} aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined} spellcheck={false}>
        {props.value}
      </textarea>
    </div>
  );
}

export function ClientAddedPage({ input, name, clientId, clientSecret }: { input: StaffPageInput; name: string; clientId: string; clientSecret: string | null }) {
  const w = WORDS[input.env.lang];
  return (
    <Layout env={input.env} title={w.addedTitle} section="none" hideHeaderSearch>
      <h1>{w.addedTitle}</h1>
      <Notice>{name}</Notice>
      <p>{w.addedIntro}</p>
      <dl class="credentials">
        <dt>{w.clientId}</dt>
        <dd>
          <code>{clientId}</code>
        </dd>
        <dt>{w.secret}</dt>
        <dd>{clientSecret ? <code>{clientSecret}</code> : w.noSecret}</dd>
      </dl>
      <p>
        <a href="/admin/oidc/clients">{w.back}</a>
      </p>
    </Layout>
  );
}
