/** Speaking a text on the computer's speakers (public address), when the system can. */
import i18next from 'i18next';

export function canSpeak(): boolean {
  return (
    typeof window !== 'undefined' &&
    'speechSynthesis' in window &&
    typeof SpeechSynthesisUtterance !== 'undefined'
  );
}

/** Speaks the text in the current language; false when this computer cannot speak. */
export function speak(text: string): boolean {
  if (!canSpeak()) return false;
  try {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = i18next.language === 'en' ? 'en-GB' : 'zh-CN';
    u.rate = 0.95;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
    return true;
  } catch {
    return false;
  }
}
