import {
  EmptyStateLayout,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import type { ReactNode } from 'react';

interface Props<Row> {
  rows: Row[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  heads: string[];
  rowKey(row: Row): string | number;
  rowTestId(row: Row): string;
  /** One node per head, in order. */
  cells(row: Row, index: number): ReactNode[];
}

/** A design-system table from column heads and a row's cells; an empty state when no rows. */
export const DataTable = <Row,>({ rows, empty, heads, rowKey, rowTestId, cells }: Props<Row>) => {
  if (rows.length === 0) return <EmptyStateLayout content={empty} />;
  return (
    <Table colCount={heads.length} rowCount={rows.length + 1}>
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
        {rows.map((row, index) => (
          <Tr key={rowKey(row)} data-testid={rowTestId(row)}>
            {cells(row, index).map((cell, column) => (
              <Td key={column}>{cell}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
