/** One entry of the digest, as the renderer takes it (URLs already absolute). */
export interface DigestEntry {
  title: string;
  summary: string | null;
  imageUrl: string | null;
  link: string | null;
}

export interface DigestInput {
  subject: string;
  previewText?: string | null;
  intro?: string | null;
  entries: DigestEntry[];
  /** The platform's per-recipient unsubscribe URL placeholder (ProviderCampaigns.unsubscribeUrl). */
  unsubscribeUrl: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Only http(s) links and images: anything else (javascript:, data:) is dropped. */
export const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** A path from Strapi (/uploads/x.png) made absolute with the public URL; absolute URLs stay. */
export const absoluteUrl = (url: string | null | undefined, publicUrl: string): string | null => {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('//')) return `https:${url}`;
  return `${publicUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
};

/** Plain text (from a text or rich-text field) as paragraphs, line breaks kept. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;color:#3d3d4a;">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`
    )
    .join('');

const entryBlock = (entry: DigestEntry) => {
  const link = safeUrl(entry.link);
  const image = safeUrl(entry.imageUrl);
  const title = escapeHtml(entry.title);
  const linked = (inner: string) =>
    link
      ? `<a href="${escapeHtml(link)}" style="color:#1f1f2e;text-decoration:none;">${inner}</a>`
      : inner;
  return [
    '<tr><td class="entry" style="padding:0 24px 28px;">',
    image
      ? linked(
          `<img src="${escapeHtml(image)}" alt="${title}" width="552" class="fluid" style="display:block;width:100%;max-width:552px;height:auto;border:0;border-radius:6px;margin:0 0 12px;">`
        )
      : '',
    `<h2 style="margin:0 0 8px;font-size:20px;line-height:1.3;color:#1f1f2e;">${linked(title)}</h2>`,
    entry.summary ? paragraphs(entry.summary) : '',
    link
      ? `<p style="margin:0;"><a href="${escapeHtml(link)}" style="color:#4945ff;font-weight:bold;text-decoration:none;">Read more &rarr;</a></p>`
      : '',
    '</td></tr>',
  ].join('');
};

/**
 * A responsive email digest: one centred 600 px table (full width on phones), each entry its
 * image, title, summary and link. Tables and inline styles, because that is what mail clients
 * render; the footer links to the platform's unsubscribe placeholder, which it fills per recipient.
 */
export const renderDigest = ({
  subject,
  previewText,
  intro,
  entries,
  unsubscribeUrl,
}: DigestInput): string => {
  const preheader = previewText
    ? `<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(previewText)}</div>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
<style>
@media only screen and (max-width: 620px) {
  .container { width: 100% !important; }
  .entry { padding-left: 16px !important; padding-right: 16px !important; }
  .fluid { width: 100% !important; height: auto !important; }
}
</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f7;font-family:Helvetica,Arial,sans-serif;">
${preheader}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f7;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background:#ffffff;border-radius:8px;">
<tr><td class="entry" style="padding:28px 24px 20px;"><h1 style="margin:0;font-size:26px;line-height:1.25;color:#1f1f2e;">${escapeHtml(subject)}</h1></td></tr>
${intro ? `<tr><td class="entry" style="padding:0 24px 20px;">${paragraphs(intro)}</td></tr>` : ''}
${entries.map(entryBlock).join('\n')}
<tr><td class="entry" style="padding:16px 24px 24px;border-top:1px solid #eaeaef;font-size:12px;line-height:1.5;color:#8e8ea9;">You receive this email because you subscribed. <a href="${escapeHtml(unsubscribeUrl)}" style="color:#8e8ea9;">Unsubscribe</a></td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
};
