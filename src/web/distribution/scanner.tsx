import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Failure = 'denied' | 'unavailable' | null;

/** Frames per second the decoder looks at: enough for a card held up, light on a phone's battery. */
const SCANS_PER_SECOND = 8;

/**
 * Reads a household card's QR code with the device's camera (the back one on a phone). The
 * decoder (jsQR, about 45 KB gzipped) loads only when the camera is opened.
 */
export function Scanner({ opened, onClose, onToken }: { opened: boolean; onClose: () => void; onToken: (token: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<Failure>(null);
  const [ready, setReady] = useState(false);
  const done = useRef(onToken);
  done.current = onToken;

  useEffect(() => {
    if (!opened) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    setFailure(null);
    setReady(false);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const start = async () => {
      const { default: jsQR } = await import('jsqr');
      if (!navigator.mediaDevices?.getUserMedia) return setFailure('unavailable');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        return setFailure((error as Error).name === 'NotAllowedError' ? 'denied' : 'unavailable');
      }
      if (stopped || !video.current) return stream.getTracks().forEach((track) => track.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => {});
      setReady(true);
      const scan = () => {
        const v = video.current;
        if (stopped || !v || !context) return;
        if (v.videoWidth && v.videoHeight) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          context.drawImage(v, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (code?.data) {
            stopped = true;
            done.current(code.data);
            return;
          }
        }
        timer = window.setTimeout(scan, 1000 / SCANS_PER_SECOND);
      };
      scan();
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [opened]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('distribution.scanTitle')} size="lg" data-testid="scanner">
      <Stack gap="sm">
        {failure ? (
          <Alert color="orange" data-testid="scanner-failure">
            {failure === 'denied' ? t('distribution.cameraDenied') : t('distribution.cameraUnavailable')}
          </Alert>
        ) : (
          <>
            <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#111', minHeight: 240 }} data-testid="scanner-video" />
            <Text size="sm" c="dimmed" role="status">{ready ? t('distribution.scanHint') : t('distribution.cameraStarting')}</Text>
          </>
        )}
        <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
      </Stack>
    </Modal>
  );
}
