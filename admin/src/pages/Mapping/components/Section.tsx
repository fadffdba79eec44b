import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** A white card with a heading, as the other pages of the plugin lay out their parts. */
export const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={testId}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
