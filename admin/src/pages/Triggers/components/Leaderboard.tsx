import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import type { LeaderRow } from '../../../api/triggers';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../utils/useT';

interface Props {
  leaders: LeaderRow[];
  onOpen(row: LeaderRow): void;
}

/** The contacts with the most points, highest first; "History" opens one contact. */
export const Leaderboard = ({ leaders, onOpen }: Props) => {
  const t = useT();
  return (
    <DataTable
      rows={leaders}
      empty={t('triggers.leaders.empty', 'No contact has points yet.')}
      heads={[
        '#',
        t('triggers.leaders.contact', 'Contact'),
        t('triggers.leaders.points', 'Points'),
        t('triggers.rules.actions', 'Actions'),
      ]}
      rowKey={(row) => row.documentId}
      rowTestId={(row) => `leader-${row.documentId}`}
      cells={(row, index) => [
        <Typography textColor="neutral600">{index + 1}</Typography>,
        <Flex gap={2}>
          <Typography>{row.email ?? row.documentId}</Typography>
          {row.vip ? (
            <Badge backgroundColor="secondary100" textColor="secondary700">
              VIP
            </Badge>
          ) : null}
        </Flex>,
        <Typography fontWeight="bold" data-testid="leader-points">
          {row.points}
        </Typography>,
        <Button size="S" variant="tertiary" onClick={() => onOpen(row)}>
          {t('triggers.leaders.history', 'History')}
        </Button>,
      ]}
    />
  );
};
