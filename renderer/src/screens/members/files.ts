/** Files at the desk: bytes to base64 (for the CSV import), saving a CSV export, photos made small. */

/** Base64 of a file's bytes, in chunks (a 100,000-member roster is several MB). */
export function bytesToBase64(buf: ArrayBuffer | Uint8Array): string {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const CHUNK = 0x8000;
  let bin = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}

/** Reads a file as bytes, reporting progress (0–1). */
export function readFileBytes(file: Blob, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    r.onload = () => {
      onProgress(1);
      resolve(r.result as ArrayBuffer);
    };
    r.onerror = () => reject(r.error ?? new Error('read'));
    r.readAsArrayBuffer(file);
  });
}

/** A CSV text with a UTF-8 byte-order mark, so spreadsheet programs read Chinese correctly. */
export function csvBlob(csv: string): Blob {
  const text = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

/** Offers a Blob as a download under a file name. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The size a picture is drawn at so its longer side is at most `max` (never enlarged). */
export function fitWithin(w: number, h: number, max: number): { w: number; h: number } {
  if (w <= 0 || h <= 0) return { w: 0, h: 0 };
  const s = Math.min(1, max / Math.max(w, h));
  return { w: Math.max(1, Math.round(w * s)), h: Math.max(1, Math.round(h * s)) };
}

/** Makes a photo at most `max` px on its longer side, as a JPEG data URL. */
export async function photoToJpeg(file: Blob, max = 480, quality = 0.85): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('image'));
      i.src = url;
    });
    const { w, h } = fitWithin(img.naturalWidth, img.naturalHeight, max);
    if (w === 0) throw new Error('image');
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('canvas');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, h);
    g.drawImage(img, 0, 0, w, h);
    return canvas.toDataURL('image/jpeg', quality);
  } finally {
    URL.revokeObjectURL(url);
  }
}
