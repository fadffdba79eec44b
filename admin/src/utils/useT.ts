import { useIntl } from 'react-intl';
import { getTranslation } from './getTranslation';

/** formatMessage with the plugin's prefix: t('settings.save', 'Save'). Every id lives in translations/en.json. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
};
