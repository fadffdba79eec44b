import { Badge, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useTriggersApi, type ContactPoints } from '../../../api/triggers';
import { readApiError } from '../../../utils/apiError';
import { useT } from '../../../utils/useT';
import { AdjustForm } from './AdjustForm';
import { FiringsList } from './FiringsList';
import { PointsHistory } from './PointsHistory';

export interface ContactTarget {
  profileId: number;
  documentId: string;
  email: string | null;
}

interface Props {
  target: ContactTarget | null;
  canManage: boolean;
  onClose(): void;
  /** Points changed (adjust, recalculate): the leaderboard re-reads. */
  onChanged(): void;
}

/** Recalculation runs as a job: the contact is read again after this long. */
const RECALC_REREAD_MS = 1500;

/** One contact's points in a profile: history timeline, thresholds fired, adjust, recalculate. */
export const ContactPointsModal = ({ target, canManage, onClose, onChanged }: Props) => {
  const t = useT();
  const api = useTriggersApi();
  const { toggleNotification } = useNotification();
  const [contact, setContact] = useState<ContactPoints | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!target) return;
    try {
      setContact(await api.contact(target.profileId, target.documentId));
      setError(null);
    } catch (e) {
      setError(readApiError(e).message);
    }
  }, [api, target]);

  useEffect(() => {
    setContact(null);
    setError(null);
    void load();
  }, [load]);

  const adjust = async (delta: number, reason: string) => {
    if (!target) return;
    try {
      setContact(await api.adjust(target.profileId, target.documentId, delta, reason));
      toggleNotification({
        type: 'success',
        message: t('triggers.adjust.done', 'Points adjusted'),
      });
      onChanged();
    } catch (e) {
      toggleNotification({ type: 'danger', message: readApiError(e).message });
    }
  };

  const recalculate = async () => {
    if (!target) return;
    try {
      await api.recalculate(target.profileId, target.documentId);
      toggleNotification({
        type: 'success',
        message: t('triggers.recalculate.queued', 'Recalculation from history queued'),
      });
      setTimeout(() => {
        void load();
        onChanged();
      }, RECALC_REREAD_MS);
    } catch (e) {
      toggleNotification({ type: 'danger', message: readApiError(e).message });
    }
  };

  return (
    <Modal.Root open={target !== null} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {t('triggers.contact.title', 'Points of {email}', {
              email: target?.email ?? target?.documentId ?? '',
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error ? (
            <Typography textColor="danger600" role="alert">
              {error}
            </Typography>
          ) : !contact ? (
            <Loader small>{t('triggers.loading', 'Loading…')}</Loader>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={5} data-testid="contact-points">
              <Flex gap={2}>
                <Typography variant="alpha" data-testid="contact-points-total">
                  {contact.points}
                </Typography>
                <Typography textColor="neutral600">{t('triggers.points', 'points')}</Typography>
                {contact.vip ? (
                  <Badge backgroundColor="secondary100" textColor="secondary700">
                    VIP
                  </Badge>
                ) : null}
              </Flex>
              {canManage ? (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <AdjustForm onAdjust={adjust} />
                  <Flex>
                    <Button
                      variant="tertiary"
                      startIcon={<ArrowClockwise />}
                      onClick={() => void recalculate()}
                    >
                      {t('triggers.recalculate', 'Recalculate from history')}
                    </Button>
                  </Flex>
                </Flex>
              ) : null}
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="delta" tag="h3">
                  {t('triggers.firings.title', 'Thresholds reached')}
                </Typography>
                <FiringsList firings={contact.firings} />
              </Flex>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="delta" tag="h3">
                  {t('triggers.history.title', 'History')}
                </Typography>
                <PointsHistory history={contact.history} />
              </Flex>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('triggers.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
