import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/useT';

export interface PageRange {
  from: number;
  to: number;
  total: number;
}

interface Props {
  /** The page asked for: Previous and Next move from it. */
  page: number;
  onPage(page: number): void;
  /** The result on screen: its page, page size, total and how many rows it shows. */
  shown: { page: number; pageSize: number; total: number; count: number };
  /** The "{from}–{to} of {total}" line, in the caller's words. */
  label(range: PageRange): string;
  testId?: string;
}

/** A result's range and Previous/Next buttons under a paged table. */
export const Pager = ({ page, onPage, shown, label, testId }: Props) => {
  const t = useT();
  const offset = (shown.page - 1) * shown.pageSize;
  return (
    <Flex justifyContent="space-between">
      <Typography variant="pi" textColor="neutral600" data-testid={testId}>
        {label({
          from: shown.total === 0 ? 0 : offset + 1,
          to: offset + shown.count,
          total: shown.total,
        })}
      </Typography>
      <Flex gap={2}>
        <Button size="S" variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('activity.jobs.previous', 'Previous')}
        </Button>
        <Button
          size="S"
          variant="tertiary"
          disabled={page * shown.pageSize >= shown.total}
          onClick={() => onPage(page + 1)}
        >
          {t('activity.jobs.next', 'Next')}
        </Button>
      </Flex>
    </Flex>
  );
};
