/** A member's photo (fetched once per member, again when the member changes), or their first letter. */
import { useTranslation } from 'react-i18next';
import { useOp } from '../query';
import { useCan } from '../stores/session';
import './MemberPhoto.css';

export function MemberPhoto(props: {
  memberId: number;
  hasPhoto: boolean;
  name: string;
  size?: 'big' | 'small';
}) {
  const { t } = useTranslation();
  const { memberId, hasPhoto } = props;
  const canPhoto = useCan('members.photo');
  // a photo changes only with the member
  const photo = useOp(
    'members.photo',
    { id: memberId },
    { enabled: hasPhoto && canPhoto, live: ['members.'] },
  );
  const src = hasPhoto && canPhoto && !photo.isError ? (photo.data?.dataUrl ?? null) : null;
  const cls = `member-photo ${props.size === 'small' ? 'member-photo-small' : ''}`;
  if (src) return <img className={cls} src={src} alt={t('checkin.photoOf', { name: props.name })} />;
  return (
    <div className={`${cls} member-photo-none`} role="img" aria-label={t('checkin.noPhoto')}>
      {Array.from(props.name.trim())[0] ?? '?'}
    </div>
  );
}
