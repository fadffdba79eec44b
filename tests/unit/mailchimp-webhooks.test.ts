import { nestForm, parseMailchimpWebhook } from '../../server/src/providers/mailchimp/webhooks';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('Mailchimp webhook deliveries → provider-neutral events', () => {
  const unsubscribe = {
    type: 'unsubscribe',
    fired_at: '2009-03-26 21:40:57',
    'data[action]': 'unsub',
    'data[reason]': 'manual',
    'data[id]': '8a25ff1d98',
    'data[list_id]': 'a6b5da1054',
    'data[email]': 'api+unsub@mailchimp.com',
    'data[merges][EMAIL]': 'api+unsub@mailchimp.com',
  };

  it('reads the raw form, the flat keys and the nested object alike', () => {
    const nested = nestForm(form(unsubscribe));
    expect(nested).toEqual(nestForm(unsubscribe));
    expect(nested).toEqual(nestForm(nested));
    expect(nested).toMatchObject({ data: { merges: { EMAIL: 'api+unsub@mailchimp.com' } } });
  });

  it('an unsubscribe names the audience, the address and the reason', () => {
    const parsed = parseMailchimpWebhook(form(unsubscribe));
    expect(parsed).toMatchObject({
      ok: true,
      webhook: {
        type: 'unsubscribe',
        firedAt: '2009-03-26 21:40:57',
        identity: 'a6b5da1054:8a25ff1d98',
        event: {
          kind: 'unsubscribed',
          audienceId: 'a6b5da1054',
          email: 'api+unsub@mailchimp.com',
          reason: 'manual',
        },
      },
    });
  });

  it('upemail and cleaned use their own keys', () => {
    expect(
      parseMailchimpWebhook(
        form({
          type: 'upemail',
          fired_at: '2009-03-26 22:15:09',
          'data[list_id]': 'a6b5da1054',
          'data[new_id]': '51da8c3259',
          'data[new_email]': 'new@example.com',
          'data[old_email]': 'old@example.com',
        })
      )
    ).toMatchObject({
      ok: true,
      webhook: {
        event: { kind: 'email-changed', oldEmail: 'old@example.com', newEmail: 'new@example.com' },
      },
    });
    expect(
      parseMailchimpWebhook(
        form({
          type: 'cleaned',
          fired_at: '2009-03-26 22:01:00',
          'data[list_id]': 'a6b5da1054',
          'data[reason]': 'hard',
          'data[email]': 'bounce@example.com',
        })
      )
    ).toMatchObject({ ok: true, webhook: { event: { kind: 'cleaned', reason: 'hard' } } });
  });

  it('malformed deliveries are refused with a reason', () => {
    expect(parseMailchimpWebhook('')).toEqual({
      ok: false,
      reason: 'The delivery has no "type" field.',
    });
    expect(parseMailchimpWebhook(42)).toMatchObject({ ok: false });
    expect(parseMailchimpWebhook(form({ ...unsubscribe, fired_at: 'now' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/fired_at/),
    });
    const { ['data[email]']: _dropped, ...noEmail } = unsubscribe;
    expect(parseMailchimpWebhook(form(noEmail))).toEqual({
      ok: false,
      reason: 'A "unsubscribe" delivery needs data[email].',
    });
  });

  it('campaign events are understood but need nothing', () => {
    expect(
      parseMailchimpWebhook(
        form({
          type: 'campaign',
          fired_at: '2009-03-26 22:01:00',
          'data[id]': 'c1',
          'data[list_id]': 'l1',
        })
      )
    ).toMatchObject({ ok: true, webhook: { event: { kind: 'other', type: 'campaign' } } });
  });
});
