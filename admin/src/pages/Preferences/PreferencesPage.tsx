import { Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { usePreferencesApi, type PreferenceSearch } from '../../api/preferences';
import { Pager } from '../../components/Pager';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { PreferenceDetail } from './PreferenceDetail';
import { PreferencesTable } from './PreferencesTable';
import { useDebounced } from './useDebounced';

const looksLikeAddress = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value.trim());

const Preferences = () => {
  const t = useT();
  const api = usePreferencesApi();
  const [params, setParams] = useSearchParams();
  const selected = params.get('email');
  const [q, setQ] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const query = useDebounced(q);
  const [result, setResult] = useState<PreferenceSearch | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setResult(await api.search(query, page));
      setError(null);
    } catch (caught) {
      setError(readApiError(caught).message);
    }
  }, [api, query, page]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setPage(1), [query]);

  const open = (email: string) => setParams({ ...(q ? { q } : {}), email });
  const known = result?.results.some((r) => r.email === query.trim().toLowerCase());

  return (
    <Layouts.Root>
      <Page.Title>{t('preferences.title', 'Preferences')}</Page.Title>
      <Layouts.Header
        title={t('preferences.title', 'Preferences')}
        subtitle={t(
          'preferences.subtitle',
          'Consent and suppression per address, across every platform.'
        )}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Field.Root name="q">
                  <Field.Label>{t('preferences.search', 'Search by email')}</Field.Label>
                  <TextInput
                    value={q}
                    placeholder="name@example.com"
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQ(e.target.value)}
                  />
                </Field.Root>
                {looksLikeAddress(query) && !known ? (
                  <Flex gap={2}>
                    <Button
                      size="S"
                      variant="secondary"
                      onClick={() => open(query.trim().toLowerCase())}
                    >
                      {t('preferences.lookupAddress', 'Open {email}', {
                        email: query.trim().toLowerCase(),
                      })}
                    </Button>
                  </Flex>
                ) : null}
                {error ? <Typography textColor="danger600">{error}</Typography> : null}
                {result ? <PreferencesTable rows={result.results} onOpen={open} /> : null}
                {result && result.total > result.pageSize ? (
                  <Pager
                    page={page}
                    onPage={setPage}
                    shown={{ ...result, count: result.results.length }}
                    label={(range) => t('preferences.page', '{from}–{to} of {total}', { ...range })}
                  />
                ) : null}
              </Flex>
            </Box>
          </Grid.Item>
          {selected ? (
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <PreferenceDetail email={selected} onChanged={() => void load()} />
            </Grid.Item>
          ) : null}
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** For admins holding `preferences.read`; the actions need `preferences.manage` / `.erase`. */
const PreferencesPage = () => (
  <Page.Protect permissions={PERMISSIONS.preferencesRead}>
    <Preferences />
  </Page.Protect>
);

export { PreferencesPage };
