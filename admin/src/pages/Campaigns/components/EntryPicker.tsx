import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useEffect, useState, type ChangeEvent } from 'react';
import {
  useCampaignsApi,
  type CampaignEntryRef,
  type EntryOption,
  type EntrySource,
} from '../../../api/campaigns';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';

interface Props {
  sources: EntrySource[];
  entries: CampaignEntryRef[];
  error?: string;
  disabled: boolean;
  onChange(entries: CampaignEntryRef[]): void;
}

const SEARCH_DELAY_MS = 300;
const keyOf = (ref: CampaignEntryRef) => `${ref.uid}:${ref.documentId}`;

/** Pick entries of any collection type for the digest, in the order they will appear. */
export const EntryPicker = ({ sources, entries, error, disabled, onChange }: Props) => {
  const t = useT();
  const api = useCampaignsApi();
  const [uid, setUid] = useState(sources[0]?.uid ?? '');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [options, setOptions] = useState<EntryOption[]>([]);
  const [total, setTotal] = useState(0);
  const [searchError, setSearchError] = useState<string | undefined>();
  // Titles of the entries seen so far, so the chosen list reads as titles, not ids.
  const [known, setKnown] = useState<Record<string, EntryOption>>({});

  useEffect(() => {
    if (!uid) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .entries(uid, query, page)
        .then((result) => {
          if (cancelled) return;
          setOptions((current) => (page === 1 ? result.data : [...current, ...result.data]));
          setTotal(result.meta.total);
          setSearchError(undefined);
          setKnown((current) => ({
            ...current,
            ...Object.fromEntries(result.data.map((o) => [keyOf({ uid, ...o }), o])),
          }));
        })
        .catch((err: unknown) => !cancelled && setSearchError(readApiError(err).message));
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, uid, query, page]);

  const chosen = new Set(entries.map(keyOf));
  const sourceName = (ref: CampaignEntryRef) =>
    sources.find((s) => s.uid === ref.uid)?.displayName ?? ref.uid;
  const move = (index: number, by: number) => {
    const next = [...entries];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box minWidth="240px">
          <Field.Root name="entrySource">
            <Field.Label>{t('campaigns.entries.source', 'Collection type')}</Field.Label>
            <SingleSelect
              value={uid || undefined}
              disabled={disabled || sources.length === 0}
              placeholder={t('campaigns.entries.source.none', 'No collection type with a title')}
              onChange={(value: string | number) => {
                setUid(String(value));
                setPage(1);
              }}
            >
              {sources.map((s) => (
                <SingleSelectOption key={s.uid} value={s.uid}>
                  {s.displayName}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box flex="1" minWidth="240px">
          <Searchbar
            name="entrySearch"
            value={query}
            disabled={disabled || !uid}
            clearLabel={t('campaigns.entries.clear', 'Clear')}
            placeholder={t('campaigns.entries.search', 'Search entries')}
            onClear={() => {
              setQuery('');
              setPage(1);
            }}
            onChange={(e: ChangeEvent<HTMLInputElement>) => {
              setQuery(e.target.value);
              setPage(1);
            }}
          >
            {t('campaigns.entries.search', 'Search entries')}
          </Searchbar>
        </Box>
      </Flex>
      {searchError ? (
        <Typography textColor="danger600" variant="pi">
          {searchError}
        </Typography>
      ) : null}
      <Box
        borderColor="neutral200"
        hasRadius
        padding={2}
        style={{ maxHeight: 260, overflowY: 'auto' }}
        data-testid="entry-options"
      >
        {options.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {t('campaigns.entries.noResults', 'No entries match.')}
          </Typography>
        ) : (
          options.map((option) => {
            const ref = { uid, documentId: option.documentId };
            return (
              <Flex key={keyOf(ref)} justifyContent="space-between" gap={2} padding={1}>
                <Box>
                  <Typography fontWeight="semiBold">{option.title}</Typography>
                  {option.summary ? (
                    <Typography variant="pi" textColor="neutral600" ellipsis tag="p">
                      {option.summary}
                    </Typography>
                  ) : null}
                </Box>
                <Button
                  size="S"
                  variant="secondary"
                  startIcon={<Plus />}
                  disabled={disabled || chosen.has(keyOf(ref))}
                  onClick={() => onChange([...entries, ref])}
                  aria-label={t('campaigns.entries.add', 'Add {title}', { title: option.title })}
                >
                  {t('campaigns.entries.addShort', 'Add')}
                </Button>
              </Flex>
            );
          })
        )}
        {options.length < total ? (
          <Button variant="tertiary" size="S" onClick={() => setPage((p) => p + 1)}>
            {t('campaigns.entries.more', 'Show more ({left} left)', {
              left: total - options.length,
            })}
          </Button>
        ) : null}
      </Box>
      <Field.Root name="entries" error={error}>
        <Field.Label>
          {t('campaigns.entries.chosen', 'In the email, in this order ({count})', {
            count: entries.length,
          })}
        </Field.Label>
        <Flex direction="column" alignItems="stretch" gap={1} data-testid="chosen-entries">
          {entries.map((ref, index) => (
            <Flex
              key={keyOf(ref)}
              gap={2}
              justifyContent="space-between"
              background="neutral100"
              hasRadius
              padding={2}
              data-testid="chosen-entry"
            >
              <Typography>
                {`${index + 1}. ${known[keyOf(ref)]?.title ?? ref.documentId}`}{' '}
                <Typography variant="pi" textColor="neutral600">
                  {`(${sourceName(ref)})`}
                </Typography>
              </Typography>
              <Flex gap={1}>
                <IconButton
                  label={t('campaigns.entries.up', 'Move up')}
                  disabled={disabled || index === 0}
                  onClick={() => move(index, -1)}
                  variant="ghost"
                >
                  <ArrowUp />
                </IconButton>
                <IconButton
                  label={t('campaigns.entries.down', 'Move down')}
                  disabled={disabled || index === entries.length - 1}
                  onClick={() => move(index, 1)}
                  variant="ghost"
                >
                  <ArrowDown />
                </IconButton>
                <IconButton
                  label={t('campaigns.entries.remove', 'Remove')}
                  disabled={disabled}
                  onClick={() => onChange(entries.filter((_, i) => i !== index))}
                  variant="ghost"
                >
                  <Trash />
                </IconButton>
              </Flex>
            </Flex>
          ))}
        </Flex>
        <Field.Error />
      </Field.Root>
    </Flex>
  );
};
