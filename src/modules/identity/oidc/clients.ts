/**
 * 接入系统 (clients): the agency systems that sign their users in through onestop. The input rules
 * shared by the CLI and the admin page, and the metadata oidc-provider gets for a registered client.
 */
import { z } from 'zod';
import type { AdapterPayload } from 'oidc-provider';
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { ClientRow } from './oidc.repository.js';
import { isScope, SCOPES } from './settings.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A redirect URI: absolute, no fragment; https in production (http only to the machine itself). */
export function redirectUriProblem(value: string, isProduction: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '不是完整的网址 (not an absolute URL)';
  }
  if (url.hash) return '不能包含 # 片段 (must not contain a fragment)';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (!isProduction || LOOPBACK.has(url.hostname))) return null;
  return '必须使用 https (must use https)';
}

const SECTOR = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** The fields of a new client, validated alike for the CLI and the admin page. */
export function clientInputSchema(isProduction: boolean) {
  const uri = z
    .string()
    .trim()
    .max(500)
    .superRefine((value, ctx) => {
      const problem = redirectUriProblem(value, isProduction);
      if (problem) ctx.addIssue({ code: 'custom', message: `网址无效：${problem}` });
    });
  return z.object({
    name: z.string().trim().min(1, '请填写系统名称 (name required)').max(100),
    redirectUris: z.array(uri).min(1, '至少一个回调地址 (at least one redirect URI)').max(10),
    postLogoutRedirectUris: z.array(uri).max(10).default([]),
    scopes: z
      .string()
      .trim()
      .max(200)
      .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
      .superRefine((scopes, ctx) => {
        const unknown = scopes.filter((s) => !isScope(s));
        if (unknown.length) ctx.addIssue({ code: 'custom', message: `未知的授权范围 (unknown scopes): ${unknown.join(' ')}; 可用 (known): ${SCOPES.join(' ')}` });
        if (!scopes.includes('openid')) ctx.addIssue({ code: 'custom', message: '必须包含 openid (must include openid)' });
      }),
    sector: z
      .string()
      .trim()
      .toLowerCase()
      .regex(SECTOR, '应为主机名，如 tax.zj.gov.cn (a host name)'),
    type: z.enum(['confidential', 'public']).default('confidential'),
  });
}

export type ClientInput = z.output<ReturnType<typeof clientInputSchema>>;

/** What oidc-provider needs to know of a registered client. */
export function clientMetadataOf(row: ClientRow, fields: FieldCrypto): AdapterPayload {
  return {
    client_id: row.clientId,
    ...(row.secretEnc ? { client_secret: fields.decrypt(row.secretEnc), token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
    client_name: row.name,
    redirect_uris: row.redirectUris,
    post_logout_redirect_uris: row.postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token'],
    scope: row.scopes,
    subject_type: 'pairwise',
    onestop_sector: row.sectorIdentifier,
  };
}
