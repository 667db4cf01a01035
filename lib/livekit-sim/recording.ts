// What a simulated recording URL serves: a second of silence as a WAV, so an audio player in the
// dashboard has something real to load.
let cached: Buffer | undefined;

export function silentWav(seconds = 1, sampleRate = 8000): Buffer {
  if (cached && seconds === 1 && sampleRate === 8000) return cached;
  const samples = Math.round(seconds * sampleRate);
  const data = samples * 2;
  const wav = Buffer.alloc(44 + data);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + data, 4);
  wav.write('WAVE', 8);
  wav.write('fmt ', 12);
  wav.writeUInt32LE(16, 16); // PCM chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36);
  wav.writeUInt32LE(data, 40);
  if (seconds === 1 && sampleRate === 8000) cached = wav;
  return wav;
}
