import { useIntl } from 'react-intl';
import { browserTimeZone } from '../schedule';

/** Dates in the viewer's zone (named), rates as percentages, counts grouped. */
export const useFormatters = () => {
  const { formatDate, formatNumber } = useIntl();
  return {
    when: (iso: string | null) =>
      iso
        ? // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
          formatDate(iso, {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: browserTimeZone(),
            timeZoneName: 'short',
          })
        : '—',
    rate: (value: number) =>
      formatNumber(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    count: (value: number) => formatNumber(value),
  };
};
