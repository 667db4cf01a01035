'use client';
// Loaded on demand (next/dynamic): LiveKit's client only ships when someone listens.
import { LiveKitRoom, RoomAudioRenderer, StartAudio, useConnectionState, useRemoteParticipants, useSpeakingParticipants } from '@livekit/components-react';
import { ConnectionState } from 'livekit-client';
import { Badge } from '@/components/ui/badge';

function RoomStatus() {
  const state = useConnectionState();
  const participants = useRemoteParticipants();
  const speaking = useSpeakingParticipants();
  const tone = state === ConnectionState.Connected ? 'success' : state === ConnectionState.Disconnected ? 'danger' : 'warning';
  const label = { connected: 'Connected, listening', connecting: 'Connecting…', reconnecting: 'Reconnecting…', disconnected: 'Disconnected', signalReconnecting: 'Reconnecting…' }[state] ?? state;
  return (
    <div className="space-y-2 text-sm" data-testid="listen-room">
      <Badge tone={tone} dot={state === ConnectionState.Connected ? 'pulse' : true}>
        {label}
      </Badge>
      <ul className="space-y-1">
        {participants.map((p) => (
          <li key={p.identity} className="flex items-center gap-2">
            <span className={speaking.some((s) => s.identity === p.identity) ? 'size-2 rounded-full bg-success animate-pulse-dot' : 'size-2 rounded-full bg-muted-foreground/40'} aria-hidden />
            {p.name || p.identity}
            {speaking.some((s) => s.identity === p.identity) && <span className="text-xs text-muted-foreground">speaking</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Joins the call's room without camera or microphone: hear both sides, say nothing. */
export default function ListenRoom({ url, token, onLeft }: { url: string; token: string; onLeft: () => void }) {
  return (
    <LiveKitRoom serverUrl={url} token={token} connect audio={false} video={false} onDisconnected={onLeft} options={{ adaptiveStream: true }}>
      <RoomAudioRenderer />
      <StartAudio label="Allow audio playback" className="mb-2 rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground" />
      <RoomStatus />
    </LiveKitRoom>
  );
}
