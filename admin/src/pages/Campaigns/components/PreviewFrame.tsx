import { Box, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useCampaignsApi, type CampaignInput } from '../../../api/campaigns';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import { toPayload } from '../useCampaignForm';

/** Rendering waits for typing to pause. */
const RENDER_DELAY_MS = 500;

/**
 * The email as the server renders it, live. The iframe is sandboxed without scripts or
 * same-origin access: campaign HTML is untrusted markup inside the admin.
 */
export const PreviewFrame = ({ form }: { form: CampaignInput }) => {
  const t = useT();
  const api = useCampaignsApi();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const payload = JSON.stringify(toPayload(form));

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .render(JSON.parse(payload) as CampaignInput)
        .then((rendered) => {
          if (cancelled) return;
          setHtml(rendered);
          setError(null);
        })
        .catch((err: unknown) => !cancelled && setError(readApiError(err).message));
    }, RENDER_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, payload]);

  return (
    <Box>
      {error ? (
        <Typography textColor="danger600" variant="pi" data-testid="preview-error">
          {error}
        </Typography>
      ) : null}
      {html !== null ? (
        <iframe
          title={t('campaigns.preview.frame', 'Email preview')}
          sandbox=""
          srcDoc={html}
          data-testid="campaign-preview"
          style={{ width: '100%', height: 640, border: 0, background: 'white' }}
        />
      ) : null}
    </Box>
  );
};
