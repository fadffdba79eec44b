import { parseApiKey } from '../../server/src/providers/mailchimp';
import { apiKeyHelp } from '../../server/src/campaigns/platform';
import { getProviderFactory } from '../../server/src/providers/registry';

const HEX32 = '0123456789abcdef0123456789abcdef';

describe('parseApiKey', () => {
  it('accepts <32 hex>-usN and returns the data center', () => {
    expect(parseApiKey(`  ${HEX32}-us21 `)).toEqual({
      ok: true,
      value: { key: `${HEX32}-us21`, dc: 'us21' },
    });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    [HEX32, /must end with its data center, like "-us6"/],
    [`${HEX32}-eu1`, /must end with its data center/],
    [`${HEX32}-us`, /must end with its data center/],
    [`${HEX32.slice(1)}-us7`, /32 characters long; this one has 31/],
    [`${HEX32}0-us7`, /32 characters long; this one has 33/],
    [`${HEX32.slice(2)}zz-us7`, /only hexadecimal characters/],
  ])('refuses %p, saying which part is wrong', (input, message) => {
    const result = parseApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(message);
  });
});

describe('where to find a key, said by the provider', () => {
  it('Mailchimp names its API keys page; the connections service adds no platform of its own', () => {
    expect(getProviderFactory('mailchimp').apiKeyHelp).toBe('Account › Extras › API keys');
    expect(apiKeyHelp('mailchimp')).toBe('Account › Extras › API keys');
    expect(apiKeyHelp('klaviyo')).toBeNull();
    expect(apiKeyHelp('nope')).toBeNull();
  });
});
