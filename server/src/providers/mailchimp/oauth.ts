import axios from 'axios';
import { mailchimpError } from './errors';

/** Mailchimp's OAuth2 endpoints live on login.mailchimp.com (the simulator serves the same paths). */
export const DEFAULT_OAUTH_BASE = 'https://login.mailchimp.com';

export interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  baseUrl?: string;
}

export interface OAuthMetadata {
  dc: string;
  accountname: string;
  api_endpoint: string;
  login?: { email?: string; login_email?: string };
  user_id?: number;
}

export const authorizeUrl = (settings: OAuthClientSettings, state: string) => {
  const url = new URL('/oauth2/authorize', settings.baseUrl ?? DEFAULT_OAUTH_BASE);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.redirectUri);
  url.searchParams.set('state', state);
  return url.toString();
};

const oauthFailure = (status: number | undefined, description: string) =>
  mailchimpError({
    kind: status && status >= 500 ? 'transient' : 'auth',
    status,
    body: { title: 'OAuth Error', detail: description },
  });

/** Exchanges a single-use code for a token (Mailchimp tokens never expire), then reads the metadata. */
export const exchangeCode = async (
  settings: OAuthClientSettings,
  code: string
): Promise<{ accessToken: string; metadata: OAuthMetadata }> => {
  const base = settings.baseUrl ?? DEFAULT_OAUTH_BASE;
  try {
    const token = await axios.post<{ access_token: string }>(
      `${base}/oauth2/token`,
      new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uri: settings.redirectUri,
        code,
      }).toString(),
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, timeout: 30_000 }
    );
    const metadata = await axios.get<OAuthMetadata>(`${base}/oauth2/metadata`, {
      headers: { Authorization: `OAuth ${token.data.access_token}` },
      timeout: 30_000,
    });
    return { accessToken: token.data.access_token, metadata: metadata.data };
  } catch (error) {
    if (axios.isAxiosError(error)) {
      const data = error.response?.data as
        | { error?: string; error_description?: string }
        | undefined;
      throw oauthFailure(
        error.response?.status,
        data?.error_description ?? data?.error ?? error.code ?? 'OAuth exchange failed'
      );
    }
    throw error;
  }
};
