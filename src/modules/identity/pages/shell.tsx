/** The frame of every identity page: the site layout, breadcrumbs and the page heading. */
import type { ComponentChildren } from 'preact';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs, type Crumb } from '../../../web/components.js';

export function IdentityShell({ env, title, trail, wide, children }: { env: ViewEnv; title: string; trail?: Crumb[]; wide?: boolean; children: ComponentChildren }) {
  return (
    <Layout env={env} title={title} section="none">
      <Breadcrumbs m={env.m} trail={trail ?? [{ label: title }]} />
      <div class={wide ? 'account-page' : 'form-page'}>
        <h1>{title}</h1>
        {children}
      </div>
    </Layout>
  );
}

/** The trail of a page under "my account". */
export function accountTrail(env: ViewEnv, title: string): Crumb[] {
  return [{ href: '/account', label: env.m.identity.account.title }, { label: title }];
}
