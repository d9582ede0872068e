import { useEffect, useState } from 'react';

/**
 * A QR code drawn as SVG (sharp at any print size). The encoder loads with the first card shown,
 * in its own chunk.
 */
export function QrCode({ text, label, size }: { text: string; label: string; size: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))
      .then((markup) => { if (live) setSvg(markup); });
    return () => { live = false; };
  }, [text]);
  // The markup is the encoder's own, from the card's token: no text from elsewhere goes into it.
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="card-qr"
      data-ready={svg ? 'true' : undefined}
      style={{ width: size, height: size, flex: 'none' }}
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
