import { Button, Field, Flex, NumberInput, TextInput } from '@strapi/design-system';
import { useState, type ChangeEvent } from 'react';
import { useT } from '../../../utils/useT';

interface Props {
  onAdjust(delta: number, reason: string): Promise<void>;
}

/** A manual adjustment: a delta (negative takes points away) and the reason kept in the history. */
export const AdjustForm = ({ onAdjust }: Props) => {
  const t = useT();
  const [delta, setDelta] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (delta === undefined) return;
    setBusy(true);
    try {
      await onAdjust(delta, reason.trim());
      setDelta(undefined);
      setReason('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={2} alignItems="flex-end" data-testid="adjust-form">
      <Field.Root name="delta">
        <Field.Label>{t('triggers.adjust.delta', 'Points (+/−)')}</Field.Label>
        <NumberInput
          name="delta"
          value={delta}
          onValueChange={(next: number | undefined) => setDelta(next)}
        />
      </Field.Root>
      <Field.Root name="reason" style={{ flex: 1 }}>
        <Field.Label>{t('triggers.adjust.reason', 'Reason')}</Field.Label>
        <TextInput
          name="reason"
          value={reason}
          placeholder={t('triggers.adjust.reason.placeholder', 'e.g. goodwill')}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
        />
      </Field.Root>
      <Button
        variant="secondary"
        loading={busy}
        disabled={delta === undefined || delta === 0 || reason.trim() === ''}
        onClick={() => void submit()}
      >
        {t('triggers.adjust.submit', 'Adjust')}
      </Button>
    </Flex>
  );
};
