import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { usePreferencesApi, type AuditFilters, type AuditResult } from '../../api/preferences';
import { Pager } from '../../components/Pager';
import { PERMISSIONS } from '../../permissions';
import { readApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { useDebounced } from '../Preferences/useDebounced';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';

/** Hands a Blob to the browser as a download. */
const saveFile = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

const Audit = () => {
  const t = useT();
  const api = usePreferencesApi();
  const { toggleNotification } = useNotification();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const applied = useDebounced(filters);
  const [result, setResult] = useState<AuditResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setResult(await api.audit(applied, page));
      setError(null);
    } catch (caught) {
      setError(readApiError(caught).message);
    }
  }, [api, applied, page]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setPage(1), [applied]);

  const exportCsv = async () => {
    try {
      saveFile(await api.auditCsv(applied), 'email-marketing-audit.csv');
    } catch (caught) {
      toggleNotification({ type: 'danger', message: readApiError(caught).message });
    }
  };

  return (
    <Layouts.Root>
      <Page.Title>{t('audit.title', 'Audit log')}</Page.Title>
      <Layouts.Header
        title={t('audit.title', 'Audit log')}
        subtitle={t(
          'audit.subtitle',
          'Every status change and admin action: who, when, what, before → after.'
        )}
        primaryAction={
          <Button variant="secondary" startIcon={<Download />} onClick={() => void exportCsv()}>
            {t('audit.export', 'Export CSV')}
          </Button>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <AuditFiltersBar value={filters} onChange={setFilters} />
            {error ? (
              <Typography textColor="danger600" role="alert">
                {error}
              </Typography>
            ) : null}
            {result ? (
              <>
                <AuditTable events={result.events} />
                <Pager
                  page={page}
                  onPage={setPage}
                  shown={{ ...result, count: result.events.length }}
                  label={(range) => t('audit.page', 'Events {from}–{to} of {total}', { ...range })}
                  testId="audit-total"
                />
              </>
            ) : null}
          </Flex>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** The audit log, for admins holding `preferences.read` (it names people by address). */
const AuditPage = () => (
  <Page.Protect permissions={PERMISSIONS.preferencesRead}>
    <Audit />
  </Page.Protect>
);

export { AuditPage };
