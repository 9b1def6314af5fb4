/**
 * Status sounds generated with WebAudio (no sound files): OK = one short high beep, warning = two
 * tones, blocked = a low buzz. Where no AudioContext is available (or it fails) the app stays silent.
 */
export type SoundKind = 'ok' | 'warning' | 'blocked';

type AudioCtor = typeof AudioContext;

let ctx: AudioContext | null = null;
let unavailable = false;
let muted = localStorage.getItem('fd.muted') === '1';

function audio(): AudioContext | null {
  if (unavailable) return null;
  if (ctx) return ctx;
  const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  if (!Ctor) {
    unavailable = true;
    return null;
  }
  try {
    ctx = new Ctor();
  } catch {
    unavailable = true;
    return null;
  }
  return ctx;
}

/** One tone: frequency (Hz), start offset and length (s), waveform, loudness. */
function tone(
  a: AudioContext,
  freq: number,
  at: number,
  len: number,
  type: OscillatorType,
  gain: number,
): void {
  const osc = a.createOscillator();
  const g = a.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  const t0 = a.currentTime + at;
  // short ramps avoid clicks
  g.gain.setValueAtTime(0.0001, t0);
  g.gain.exponentialRampToValueAtTime(gain, t0 + 0.01);
  g.gain.setValueAtTime(gain, t0 + len - 0.02);
  g.gain.exponentialRampToValueAtTime(0.0001, t0 + len);
  osc.connect(g);
  g.connect(a.destination);
  osc.start(t0);
  osc.stop(t0 + len + 0.01);
}

export function playSound(kind: SoundKind): void {
  if (muted) return;
  const a = audio();
  if (!a) return;
  try {
    if (a.state === 'suspended') void a.resume().catch(() => undefined);
    if (kind === 'ok') {
      tone(a, 1760, 0, 0.12, 'sine', 0.25);
    } else if (kind === 'warning') {
      tone(a, 1320, 0, 0.14, 'sine', 0.25);
      tone(a, 880, 0.18, 0.2, 'sine', 0.25);
    } else {
      tone(a, 140, 0, 0.55, 'square', 0.12);
    }
  } catch {
    // Sound is a courtesy: never let it break the counter.
  }
}

export function isMuted(): boolean {
  return muted;
}

export function setMuted(m: boolean): void {
  muted = m;
  localStorage.setItem('fd.muted', m ? '1' : '0');
}
