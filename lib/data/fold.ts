// A coarse case and script fold for comparing alias keys in dataset checks (not the detector's normaliser).
export function foldForKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0\-‐-―'’"«»“”.]+/g, ' ').trim();
}
