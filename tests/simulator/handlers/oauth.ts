import { randomBytes } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { MailchimpSimulator } from '../index';
import { send } from '../server';

const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
  send(res, status, { error, error_description: description });

/**
 * login.mailchimp.com's OAuth2 endpoints. `authorize` stands in for the person logging in and
 * clicking Allow: it redirects at once, approved by the account set with approveOAuthAs().
 */
export const handleOAuth = (
  sim: MailchimpSimulator,
  method: string,
  url: URL,
  raw: string,
  req: IncomingMessage,
  res: ServerResponse
) => {
  if (url.pathname === '/oauth2/authorize' && method === 'GET') {
    const clientId = url.searchParams.get('client_id') ?? '';
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    const client = sim.state.oauthClients.get(clientId);
    if (url.searchParams.get('response_type') !== 'code' || !client)
      return oauthError(res, 400, 'invalid_request', 'Invalid client_id or response_type');
    if (client.redirect_uri !== redirectUri)
      return oauthError(
        res,
        400,
        'invalid_request',
        'redirect_uri does not match the registered one'
      );
    if (!sim.oauthApprover)
      return oauthError(
        res,
        403,
        'access_denied',
        'No simulated user is logged in to approve this app'
      );
    const code = randomBytes(16).toString('hex');
    sim.state.oauthCodes.set(code, {
      accountId: sim.oauthApprover,
      clientId,
      redirectUri,
      used: false,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return send(res, 302, undefined, { Location: target.toString() });
  }
  if (url.pathname === '/oauth2/token' && method === 'POST') {
    const form = new URLSearchParams(raw);
    const client = sim.state.oauthClients.get(form.get('client_id') ?? '');
    if (!client || client.client_secret !== form.get('client_secret'))
      return oauthError(res, 401, 'invalid_client', 'Invalid client credentials');
    if (form.get('grant_type') !== 'authorization_code')
      return oauthError(res, 400, 'unsupported_grant_type', 'Only authorization_code is supported');
    const grant = sim.state.oauthCodes.get(form.get('code') ?? '');
    // Codes are single use.
    if (!grant || grant.used || grant.clientId !== client.client_id)
      return oauthError(res, 400, 'invalid_grant', 'Invalid authorization code');
    if (grant.redirectUri !== form.get('redirect_uri'))
      return oauthError(res, 400, 'invalid_grant', 'redirect_uri mismatch');
    grant.used = true;
    const token = randomBytes(16).toString('hex');
    sim.state.tokens.set(token, grant.accountId);
    // Mailchimp tokens do not expire and come with no refresh token.
    return send(res, 200, { access_token: token, expires_in: 0, scope: null });
  }
  if (url.pathname === '/oauth2/metadata' && method === 'GET') {
    const [scheme, token = ''] = (req.headers.authorization ?? '').split(' ');
    const accountId = /^oauth$/i.test(scheme) ? sim.state.tokens.get(token) : undefined;
    if (!accountId) return oauthError(res, 401, 'invalid_token', 'Invalid or revoked access token');
    const account = sim.account(accountId);
    return send(res, 200, {
      dc: account.dc,
      role: 'owner',
      accountname: account.account_name,
      user_id: Number(account.login_id),
      login: {
        email: account.email,
        avatar: null,
        login_id: Number(account.login_id),
        login_name: account.username,
        login_email: account.email,
      },
      login_url: 'https://login.mailchimp.com',
      api_endpoint: `${sim.url}/${account.dc}`,
    });
  }
  return oauthError(res, 404, 'not_found', 'Unknown OAuth endpoint');
};
