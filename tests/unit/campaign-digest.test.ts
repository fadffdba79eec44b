import { absoluteUrl, escapeHtml, renderDigest } from '../../server/src/campaigns/digest';
import { getProviderFactory } from '../../server/src/providers/registry';
import {
  entrySourceOf,
  listEntrySources,
  plainText,
  toDigestEntry,
  type EntrySchema,
} from '../../server/src/campaigns/entry-sources';

const article: EntrySchema = {
  uid: 'api::article.article',
  kind: 'collectionType',
  info: { displayName: 'Article', pluralName: 'articles' },
  options: { draftAndPublish: true },
  attributes: {
    title: { type: 'string' },
    summary: { type: 'text' },
    body: { type: 'blocks' },
    cover: { type: 'media', allowedTypes: ['images'] },
    slug: { type: 'uid' },
  },
};
const product: EntrySchema = {
  uid: 'api::product.product',
  kind: 'collectionType',
  info: { displayName: 'Product', pluralName: 'products' },
  attributes: {
    name: { type: 'string' },
    description: { type: 'blocks' },
    attachment: { type: 'media', allowedTypes: ['files'] },
    photos: { type: 'media', multiple: true },
    url: { type: 'string' },
  },
};
const order: EntrySchema = {
  uid: 'api::order.order',
  kind: 'collectionType',
  info: { displayName: 'Order' },
  attributes: { reference: { type: 'string' }, total: { type: 'decimal' } },
};
const urls = { publicUrl: 'https://cms.example.com', siteUrl: 'https://www.example.com/' };

describe('entry sources guessed from schemas', () => {
  it('picks title, summary, the first image field and the link field by name', () => {
    expect(entrySourceOf(article)).toEqual({
      uid: 'api::article.article',
      displayName: 'Article',
      titleField: 'title',
      summaryField: 'summary',
      imageField: 'cover',
      linkField: 'slug',
    });
    // name and description; a files-only media field is skipped for the image one
    expect(entrySourceOf(product)).toMatchObject({
      titleField: 'name',
      summaryField: 'description',
      imageField: 'photos',
      linkField: 'url',
    });
  });

  it('lists only the app’s collection types that have a title-like field', () => {
    const single = { ...article, uid: 'api::home.home', kind: 'singleType' };
    const plugin = { ...article, uid: 'plugin::users-permissions.user' };
    expect(
      listEntrySources({ a: article, p: product, o: order, s: single, u: plugin }).map((s) => s.uid)
    ).toEqual(['api::article.article', 'api::product.product']);
  });

  it('turns an entry into a digest item with absolute URLs', () => {
    const source = entrySourceOf(article)!;
    const item = toDigestEntry(
      source,
      article,
      {
        documentId: 'doc1',
        title: 'Cold brew',
        summary: 'Steep for 12 hours.',
        cover: {
          url: '/uploads/cold.png',
          formats: { medium: { url: '/uploads/medium_cold.png' } },
        },
        slug: 'cold-brew',
      },
      urls
    );
    expect(item).toEqual({
      documentId: 'doc1',
      title: 'Cold brew',
      summary: 'Steep for 12 hours.',
      imageUrl: 'https://cms.example.com/uploads/medium_cold.png',
      link: 'https://www.example.com/articles/cold-brew',
    });
    const other = toDigestEntry(
      entrySourceOf(product)!,
      product,
      {
        documentId: 'p1',
        name: 'Grinder',
        description: [{ type: 'paragraph', children: [{ type: 'text', text: 'Burr grinder' }] }],
        photos: [{ url: 'https://cdn.example.net/g.jpg' }],
        url: 'https://shop.example.com/grinder',
      },
      urls
    );
    expect(other).toMatchObject({
      summary: 'Burr grinder',
      imageUrl: 'https://cdn.example.net/g.jpg',
      link: 'https://shop.example.com/grinder',
    });
  });

  it('reads blocks as plain text and leaves empties null', () => {
    expect(
      plainText([
        { type: 'paragraph', children: [{ text: 'One ' }, { text: 'two' }] },
        { type: 'paragraph', children: [{ text: 'Three' }] },
      ])
    ).toBe('One two\n\nThree');
    expect(plainText('  ')).toBeNull();
    expect(plainText(undefined)).toBeNull();
  });

  it('makes relative URLs absolute and keeps absolute ones', () => {
    expect(absoluteUrl('/uploads/a.png', 'http://localhost:1337/')).toBe(
      'http://localhost:1337/uploads/a.png'
    );
    expect(absoluteUrl('https://cdn.example.com/a.png', 'http://x')).toBe(
      'https://cdn.example.com/a.png'
    );
    expect(absoluteUrl(null, 'http://x')).toBeNull();
  });
});

describe('digest renderer', () => {
  const html = renderDigest({
    subject: 'May <news> & more',
    previewText: 'Fresh beans',
    intro: 'Hello "friends"\n\nSecond paragraph',
    entries: [
      {
        title: 'First <script>alert(1)</script>',
        summary: 'A & B',
        imageUrl: 'https://cms.example.com/uploads/one.png',
        link: 'https://www.example.com/articles/one?a=1&b=2',
      },
      { title: 'Second', summary: null, imageUrl: null, link: 'javascript:alert(1)' },
    ],
    unsubscribeUrl: '*|UNSUB|*',
  });

  it('escapes every text and attribute', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('First &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>May &lt;news&gt; &amp; more</title>');
    expect(html).toContain('Hello &quot;friends&quot;');
    expect(html).toContain('href="https://www.example.com/articles/one?a=1&amp;b=2"');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('is a responsive table layout: 600 px container, fluid on phones', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@media only screen and (max-width: 620px)');
    expect(html).toMatch(/<table role="presentation" class="container" width="600"/);
    expect(html).toContain('class="fluid"');
  });

  it('renders image, title, summary and link of each entry, in order', () => {
    const first = html.indexOf('First &lt;script');
    const second = html.indexOf('>Second<');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(html).toContain('<img src="https://cms.example.com/uploads/one.png"');
    expect(html).toContain('A &amp; B');
    expect(html.match(/Read more/g)).toHaveLength(1);
    // An unsafe link is dropped, not rendered.
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Fresh beans');
    expect(html).toContain('<a href="*|UNSUB|*"');
  });
});

describe('digest unsubscribe link per provider', () => {
  // Constructing a provider makes no call: the credentials only need the right shape.
  const campaignsOf = (name: 'mailchimp' | 'klaviyo') =>
    getProviderFactory(name).create(
      {
        kind: 'apiKey',
        apiKey: name === 'mailchimp' ? `${'a'.repeat(32)}-us1` : `pk_${'b'.repeat(34)}`,
      },
      { concurrency: 1 }
    ).campaigns;
  const footerHref = (unsubscribeUrl: string) =>
    renderDigest({ subject: 'S', entries: [], unsubscribeUrl }).match(
      /<a href="([^"]*)" style="color:#8e8ea9;">Unsubscribe<\/a>/
    )?.[1];

  it('Mailchimp: the *|UNSUB|* merge tag', () => {
    const { unsubscribeUrl } = campaignsOf('mailchimp');
    expect(unsubscribeUrl).toBe('*|UNSUB|*');
    expect(footerHref(unsubscribeUrl)).toBe('*|UNSUB|*');
  });

  it('Klaviyo: the {% unsubscribe_url %} template tag, no Mailchimp merge tag', () => {
    const { unsubscribeUrl } = campaignsOf('klaviyo');
    expect(unsubscribeUrl).toBe('{% unsubscribe_url %}');
    const html = renderDigest({ subject: 'S', entries: [], unsubscribeUrl });
    expect(footerHref(unsubscribeUrl)).toBe('{% unsubscribe_url %}');
    expect(html).not.toContain('*|');
  });
});
