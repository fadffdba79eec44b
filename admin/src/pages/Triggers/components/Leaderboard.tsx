import {
  Badge,
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import type { LeaderRow } from '../../../api/triggers';
import { useT } from '../../../utils/useT';

interface Props {
  leaders: LeaderRow[];
  onOpen(row: LeaderRow): void;
}

/** The contacts with the most points, highest first; "History" opens one contact. */
export const Leaderboard = ({ leaders, onOpen }: Props) => {
  const t = useT();
  if (leaders.length === 0)
    return <EmptyStateLayout content={t('triggers.leaders.empty', 'No contact has points yet.')} />;
  const heads = [
    '#',
    t('triggers.leaders.contact', 'Contact'),
    t('triggers.leaders.points', 'Points'),
    t('triggers.rules.actions', 'Actions'),
  ];
  return (
    <Table colCount={heads.length} rowCount={leaders.length + 1}>
      <Thead>
        <Tr>
          {heads.map((head) => (
            <Th key={head}>
              <Typography variant="sigma">{head}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {leaders.map((row, index) => (
          <Tr key={row.documentId} data-testid={`leader-${row.documentId}`}>
            <Td>
              <Typography textColor="neutral600">{index + 1}</Typography>
            </Td>
            <Td>
              <Flex gap={2}>
                <Typography>{row.email ?? row.documentId}</Typography>
                {row.vip ? (
                  <Badge backgroundColor="secondary100" textColor="secondary700">
                    VIP
                  </Badge>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Typography fontWeight="bold" data-testid="leader-points">
                {row.points}
              </Typography>
            </Td>
            <Td>
              <Button size="S" variant="tertiary" onClick={() => onOpen(row)}>
                {t('triggers.leaders.history', 'History')}
              </Button>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
