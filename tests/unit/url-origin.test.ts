import { urlOrigin } from '../../server/src/utils/url-origin';

describe('urlOrigin (what the webhook repair logs)', () => {
  it('keeps scheme, host and port, never the secret path', () => {
    const logged = urlOrigin(
      'https://cms.example:8443/api/email-marketing/webhooks/mailchimp/s3cr3t-XYZ'
    );
    expect(logged).toBe('https://cms.example:8443');
    expect(logged).not.toMatch(/s3cr3t/);
  });
  it('says so for a missing or unreadable URL, without echoing it', () => {
    expect(urlOrigin(null)).toBe('an unknown URL');
    expect(urlOrigin('not a url/s3cr3t')).toBe('an unreadable URL');
  });
});
